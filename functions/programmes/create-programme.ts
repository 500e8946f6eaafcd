import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { created } from '../../shared/http/response.js';
import { createProgramme } from '../../shared/use-cases/programmes.js';

export const handler = httpHandler(routes.createProgramme, async ({ body, now }) => {
  const programme = await createProgramme(body, now);
  return created(programme, programme.version);
});
