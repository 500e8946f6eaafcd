import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { listEntries } from '../../shared/use-cases/entries/list-entries.js';

export const handler = httpHandler(routes.listEntries, async ({ principal, query }) =>
  ok(await listEntries(principal, query)),
);
