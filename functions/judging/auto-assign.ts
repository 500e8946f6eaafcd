import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { autoAssign } from '../../shared/use-cases/judging/auto-assign.js';

export const handler = httpHandler(routes.autoAssign, async ({ params, now }) =>
  ok(await autoAssign(params.categoryId, now)),
);
