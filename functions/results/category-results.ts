import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { categoryResults } from '../../shared/use-cases/results/category-results.js';

export const handler = httpHandler(routes.categoryResults, async ({ params }) =>
  ok(await categoryResults(params.categoryId)),
);
