import { routeList, routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { buildOpenApiDocument } from '../../shared/http/openapi-document.js';
import { ok } from '../../shared/http/response.js';

const document = buildOpenApiDocument(routeList);

export const handler = httpHandler(routes.openapi, async () => ok(document));
