import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { noContent } from '../../shared/http/response.js';
import { unassign } from '../../shared/use-cases/judging/manual-assignment.js';

export const handler = httpHandler(routes.unassignJudge, async ({ principal, params, query, now }) => {
  await unassign(principal, params.entryId, params.judgeId, query.force === 'true', now);
  return noContent();
});
