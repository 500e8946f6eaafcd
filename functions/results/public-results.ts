import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { publicProgrammeResults } from '../../shared/use-cases/results/public-results.js';

export const handler = httpHandler(routes.publicResults, async ({ params }) =>
  ok(await publicProgrammeResults(params.programmeId)),
);
