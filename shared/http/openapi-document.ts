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

/**
 * What each route tag groups, in the order the reference page shows them. A tag used by a route
 * but missing here has no description, and the OpenAPI lint (test/unit/openapi-lint.test.ts) fails.
 */
const TAG_DESCRIPTIONS: Record<string, string> = {
  Public: 'Published shortlists and winners, open to anyone without a token.',
  Organisations: 'NHS organisations that enter, each identified by its ODS code.',
  Programmes: 'Awards programmes and their entry and judging dates.',
  Categories: "A programme's categories: questions, judging criteria, panel size and shortlist size.",
  Entries: "An organisation's entries, from draft to submitted, and their audit trail.",
  Evidence: 'Files supporting an entry, uploaded straight to storage with a presigned POST and checked on arrival.',
  Judging: 'Judges, their conflicts of interest, and the assignment of entries to judges.',
  'Scores and results': "Judges' scores, fair results, shortlists, winners and feedback to entrants.",
  Meta: 'Health, this OpenAPI document and the reference page.',
};

/** The OpenAPI 3.1 document of every HTTP route, generated from the route table's zod schemas. */
export function buildOpenApiDocument(routes: readonly Route[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const used = new Set<string>();
  for (const route of routes) {
    if (route.kind !== 'http') continue;
    register(registry, route);
    used.add(route.tag);
  }
  const known = Object.keys(TAG_DESCRIPTIONS);
  const tags = [...known.filter((name) => used.has(name)), ...[...used].filter((name) => !known.includes(name))].map(
    (name) => ({ name, ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}) }),
  );
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Laurel API',
      version: '1.0.0',
      description: 'Healthcare transformation awards: entries, evidence, judging, shortlists and winners.',
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [{ url: '/' }],
    tags,
  });
}
