import { routes } from '../../infra/routes.js';
import { judgeView } from '../../shared/domain/judging/judge.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { created } from '../../shared/http/response.js';
import { addJudge } from '../../shared/use-cases/judging/judges.js';

export const handler = httpHandler(routes.registerJudge, async ({ principal, params, body, now }) => {
  const judge = await addJudge(principal, params.programmeId, body, now);
  return created(judgeView(judge), judge.version);
});
