import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { listCategories } from '../../shared/store/categories.js';

export const handler = httpHandler(routes.listCategories, async ({ params, query }) =>
  ok(await listCategories(params.programmeId, { ...query, scope: `categories#${params.programmeId}` })),
);
