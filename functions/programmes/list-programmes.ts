import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { listProgrammes } from '../../shared/store/programmes.js';

export const handler = httpHandler(routes.listProgrammes, async ({ query }) =>
  ok(await listProgrammes({ ...query, scope: 'programmes' })),
);
