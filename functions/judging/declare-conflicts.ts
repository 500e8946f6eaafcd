import { routes } from '../../infra/routes.js';
import { judgeView } from '../../shared/domain/judging/judge.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { optionalExpectedVersion } from '../../shared/http/if-match.js';
import { ok } from '../../shared/http/response.js';
import { declareConflicts } from '../../shared/use-cases/judging/declare-conflicts.js';

export const handler = httpHandler(routes.declareConflicts, async ({ principal, query, body, headers, now }) => {
  const { judge, removed } = await declareConflicts(
    principal,
    query.programmeId,
    body.conflicts,
    optionalExpectedVersion(headers),
    now,
  );
  return ok({ ...judgeView(judge), removed }, judge.version);
});
