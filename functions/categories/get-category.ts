import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { getCategory } from '../../shared/use-cases/programmes.js';

export const handler = httpHandler(routes.getCategory, async ({ params }) => {
  const category = await getCategory(params.categoryId);
  return ok(category, category.version);
});
