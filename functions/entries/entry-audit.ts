import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { readableEntry } from '../../shared/use-cases/entries/entry-lifecycle.js';

export const handler = httpHandler(routes.entryAudit, async ({ principal, params }) => {
  const entry = await readableEntry(principal, params.entryId);
  return ok({ entryId: entry.entryId, items: entry.history });
});
