import { routeList, routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { buildOpenApiDocument } from '../../shared/http/openapi-document.js';
import { ok } from '../../shared/http/response.js';

// Built on the first request rather than at import: turning every route's zod schemas into OpenAPI
// takes ~35 ms, which put this function's import over the 80 ms target (npm run bench:cold). A cold
// start still pays it once, on that first request; warm requests reuse the document.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = httpHandler(routes.openapi, async () => ok((document ??= buildOpenApiDocument(routeList))));
