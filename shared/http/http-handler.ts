import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createHash } from 'node:crypto';
import type { Audience, HttpRoute, RequestSchemas } from '../../infra/route-types.js';
import { config } from '../config.js';
import { ConflictError, ForbiddenError, InvalidError, UnauthorizedError } from '../domain/errors.js';
import type { Principal, SignedIn } from '../domain/principal.js';
import { claimKey, completeKey, releaseKey } from '../store/idempotency.js';
import { logger } from './logger.js';
import { parseRequest, type ParsedRequest } from './parse-request.js';
import { principalFromClaims } from './principal-from-claims.js';
import { toProblem } from './problem.js';
import { MalformedRequestError } from './request-errors.js';
import { problemResult, toApiResult, type HttpResult } from './response.js';

type Caller<A> = [A] extends ['public'] ? Principal : SignedIn;

export type HttpInput<S extends RequestSchemas, A> = ParsedRequest<S> & {
  principal: Caller<A>;
  /** The request's clock reading: every deadline in the request compares against this one instant. */
  now: Date;
  requestId: string;
};

export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

function authorise(route: Pick<HttpRoute, 'audience'>, principal: Principal): void {
  if (route.audience === 'public') return;
  if (principal.kind === 'anonymous') throw new UnauthorizedError('Send a bearer token.');
  if (!route.audience.includes(principal.role)) {
    throw new ForbiddenError(`This route is for ${route.audience.join(', ')} only.`);
  }
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * Runs a POST at most once per Idempotency-Key and caller: a retry with the same body gets the
 * first answer, another body gets 422 (api.md).
 */
async function onceForKey(
  route: Pick<HttpRoute, 'id' | 'method'>,
  event: APIGatewayProxyEventV2,
  principal: Principal,
  now: Date,
  run: () => Promise<HttpResult>,
): Promise<HttpResult> {
  const key = event.headers?.['idempotency-key'];
  if (route.method !== 'POST' || key === undefined) return run();
  if (!IDEMPOTENCY_KEY.test(key))
    throw new MalformedRequestError('Idempotency-Key must be 1–128 visible ASCII characters.');
  const scope = `${principal.kind === 'user' ? principal.userId : 'anonymous'}#${route.id}`;
  const fingerprint = createHash('sha256')
    .update(event.rawPath ?? '')
    .update('\0')
    .update(event.body ?? '')
    .digest('base64url');
  const claim = await claimKey(scope, key, fingerprint, now);
  if (claim.kind === 'replay')
    return { ...claim.response, headers: { ...claim.response.headers, 'idempotent-replayed': 'true' } };
  if (claim.kind === 'mismatch') throw new InvalidError('This Idempotency-Key was used with a different request.');
  if (claim.kind === 'in_progress')
    throw new ConflictError('A request with this Idempotency-Key is still in progress.');
  let result: HttpResult;
  try {
    result = await run();
  } catch (error) {
    // Free the key so a retry runs afresh; if that fails too, the claim lapses by itself, and the
    // caller still learns why the request failed (a 404 stays a 404).
    await releaseKey(scope, key).catch((releaseError: unknown) =>
      logger.warn('idempotency key not released', { error: releaseError as Error }),
    );
    throw error;
  }
  // The change is made: answer it even if the answer cannot be recorded, or a retry told "503"
  // would make it twice. The unfinished claim keeps blocking a retry until it lapses.
  await completeKey(
    scope,
    key,
    fingerprint,
    { status: result.status, body: result.body, headers: result.headers ?? {} },
    now,
  ).catch((recordError: unknown) => logger.warn('idempotent answer not recorded', { error: recordError as Error }));
  return result;
}

/**
 * The one wrapper every HTTP function uses: claims → Principal, route audience, zod parsing,
 * idempotent POSTs, problem+json for every error, security headers, JSON logs with the request id.
 */
export function httpHandler<S extends RequestSchemas, A extends Audience>(
  route: HttpRoute<S, A>,
  useCase: (input: HttpInput<S, A>) => Promise<HttpResult>,
) {
  const base = async (event: ApiEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    const principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
    const now = new Date();
    const requestId = event.requestContext.requestId;
    logger.appendKeys({ requestId, route: route.id });
    authorise(route, principal);
    const parsed = parseRequest(route.schemas, event, config().MAX_BODY_BYTES);
    const result = await onceForKey(route, event, principal, now, () =>
      useCase({ ...parsed, principal: principal as Caller<A>, now, requestId }),
    );
    return toApiResult(result);
  };

  return middy<ApiEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({
      onError: async (request) => {
        const problem = toProblem(request.error);
        if (problem.status >= 500) {
          logger.error('request failed', { error: request.error as Error, status: problem.status });
        } else {
          logger.info('request refused', { status: problem.status, problem: problem.type });
        }
        request.response = problemResult(problem);
      },
    })
    .handler(base);
}
