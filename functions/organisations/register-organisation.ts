import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { created } from '../../shared/http/response.js';
import { registerOrganisation } from '../../shared/use-cases/organisations.js';

export const handler = httpHandler(routes.registerOrganisation, async ({ body, now }) =>
  created(await registerOrganisation(body, now)),
);
