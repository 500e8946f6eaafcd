import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { publishCategoryShortlist } from '../../shared/use-cases/results/shortlist.js';

export const handler = httpHandler(routes.publishShortlist, async ({ principal, params, now }) =>
  ok(await publishCategoryShortlist(principal, params.categoryId, now)),
);
