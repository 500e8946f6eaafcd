import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { getProgramme } from '../../shared/use-cases/programmes.js';

export const handler = httpHandler(routes.getProgramme, async ({ params }) => {
  const programme = await getProgramme(params.programmeId);
  return ok(programme, programme.version);
});
