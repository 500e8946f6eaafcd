import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import type { HttpRoute, Route } from '../../infra/route-types.js';

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem' });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

function register(registry: OpenAPIRegistry, route: HttpRoute): void {
  const signedIn = route.audience !== 'public';
  const { params, query, body, headers } = route.schemas;
  const status = route.successStatus ?? 200;
  registry.registerPath({
    method: route.method.toLowerCase() as 'get',
    path: route.path,
    operationId: route.id,
    summary: route.summary,
    tags: [route.tag],
    description: route.audience === 'public' ? 'Public: no token needed.' : `Roles: ${route.audience.join(', ')}.`,
    // An empty list says outright that a public route needs no token.
    security: signedIn ? [{ bearer: [] }] : [],
    request: {
      ...(params ? { params } : {}),
      ...(query ? { query } : {}),
      ...(headers ? { headers } : {}),
      ...(body ? { body: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    },
    responses: {
      [status]:
        status === 204
          ? { description: 'Done' }
          : {
              description: 'Success',
              content: { [route.produces ?? 'application/json']: { schema: z.unknown() } },
            },
      ...(body || query || params ? { 400: problem('Malformed request') } : {}),
      ...(signedIn ? { 401: problem('No valid token'), 403: problem('Wrong role') } : {}),
      404: problem('Not found'),
      ...(body ? { 413: problem('Body too large'), 415: problem('Not JSON'), 422: problem('Breaks a rule') } : {}),
      503: problem('A dependency is busy; retry after the Retry-After seconds'),
    },
  });
}

/** The OpenAPI 3.1 document of every HTTP route, generated from the route table's zod schemas. */
export function buildOpenApiDocument(routes: readonly Route[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const route of routes) if (route.kind === 'http') register(registry, route);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Laurel API',
      version: '1.0.0',
      description: 'Healthcare transformation awards: entries, evidence, judging, shortlists and winners.',
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [{ url: '/' }],
  });
}
