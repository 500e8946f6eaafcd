import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { listOrganisations } from '../../shared/store/organisations.js';

export const handler = httpHandler(routes.listOrganisations, async ({ query }) =>
  ok(await listOrganisations({ ...query, scope: 'organisations' })),
);
