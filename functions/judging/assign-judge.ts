import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { created, ok } from '../../shared/http/response.js';
import { assignByHand } from '../../shared/use-cases/judging/manual-assignment.js';

export const handler = httpHandler(routes.assignJudge, async ({ principal, params, now }) => {
  const result = await assignByHand(principal, params.entryId, params.judgeId, now);
  return result.created ? created(result.assignment) : ok(result.assignment);
});
