import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';

export const handler = httpHandler(routes.health, async () => ok({ status: 'ok' }));
