import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { judgesOfProgramme } from '../../shared/use-cases/judging/judges.js';

export const handler = httpHandler(routes.listJudges, async ({ params, query }) =>
  ok(await judgesOfProgramme(params.programmeId, query)),
);
