import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { categoryShortlist } from '../../shared/use-cases/results/shortlist.js';

export const handler = httpHandler(routes.categoryShortlist, async ({ params }) => {
  const current = await categoryShortlist(params.categoryId);
  return ok(current, current.shortlist.version);
});
