import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { entryScores } from '../../shared/use-cases/results/read-scores.js';

export const handler = httpHandler(routes.entryScores, async ({ principal, params }) =>
  ok(await entryScores(principal, params.entryId)),
);
