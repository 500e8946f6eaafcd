import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { optionalExpectedVersion } from '../../shared/http/if-match.js';
import { ok } from '../../shared/http/response.js';
import { saveMyScore } from '../../shared/use-cases/results/save-score.js';

export const handler = httpHandler(routes.saveMyScore, async ({ principal, params, body, headers, now }) => {
  const score = await saveMyScore(principal, params.entryId, body, optionalExpectedVersion(headers), now);
  return ok(score, score.version);
});
