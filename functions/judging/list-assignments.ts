import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { categoryAssignments } from '../../shared/use-cases/judging/list-assignments.js';

export const handler = httpHandler(routes.listAssignments, async ({ params, query }) =>
  ok(await categoryAssignments(params.categoryId, query)),
);
