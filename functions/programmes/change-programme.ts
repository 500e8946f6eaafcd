import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { expectedVersion } from '../../shared/http/if-match.js';
import { ok } from '../../shared/http/response.js';
import { changeProgramme } from '../../shared/use-cases/programmes.js';

export const handler = httpHandler(routes.changeProgramme, async ({ params, body, headers, now }) => {
  const programme = await changeProgramme(params.programmeId, expectedVersion(headers), body, now);
  return ok(programme, programme.version);
});
