import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { expectedVersion } from '../../shared/http/if-match.js';
import { ok } from '../../shared/http/response.js';
import { updateCategory } from '../../shared/use-cases/programmes.js';

export const handler = httpHandler(routes.changeCategory, async ({ params, body, headers, now }) => {
  const category = await updateCategory(params.categoryId, expectedVersion(headers), body, now);
  return ok(category, category.version);
});
