import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { created } from '../../shared/http/response.js';
import { createCategory } from '../../shared/use-cases/programmes.js';

export const handler = httpHandler(routes.createCategory, async ({ params, body, now }) => {
  const category = await createCategory(params.programmeId, body, now);
  return created(category, category.version);
});
