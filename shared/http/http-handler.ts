import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Audience, HttpRoute, RequestSchemas } from '../../infra/route-types.js';
import { config } from '../config.js';
import { ForbiddenError, UnauthorizedError } from '../domain/errors.js';
import type { Principal, SignedIn } from '../domain/principal.js';
import { onceForKey } from './idempotent-post.js';
import { logger } from './logger.js';
import { parseRequest, type ParsedRequest } from './parse-request.js';
import { principalFromClaims } from './principal-from-claims.js';
import { toProblem } from './problem.js';
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
