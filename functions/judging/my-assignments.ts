import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { myAssignments } from '../../shared/use-cases/judging/list-assignments.js';

export const handler = httpHandler(routes.myAssignments, async ({ principal, query, now }) =>
  ok(await myAssignments(principal, query, now)),
);
