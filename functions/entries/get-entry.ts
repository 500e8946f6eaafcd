import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { entryForCaller } from '../../shared/use-cases/entries/entry-lifecycle.js';

export const handler = httpHandler(routes.getEntry, async ({ principal, params }) => {
  const { view, version } = await entryForCaller(principal, params.entryId);
  return ok(view, version);
});
