import * as errors from '../domain/errors.js';
import { MalformedRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from './request-errors.js';

/** An RFC 9457 problem, as answered to the client. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: errors.FieldError[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://laurel.awards/problems/';

interface Mapping {
  status: number;
  slug: string;
  title: string;
}

/** The one place a typed error becomes an HTTP status and a stable problem type. */
const mappings: [new (...args: never[]) => Error, Mapping][] = [
  [MalformedRequestError, { status: 400, slug: 'malformed-request', title: 'The request is malformed' }],
  [UnsupportedMediaTypeError, { status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type' }],
  [PayloadTooLargeError, { status: 413, slug: 'payload-too-large', title: 'The request body is too large' }],
  [errors.UnauthorizedError, { status: 401, slug: 'unauthorized', title: 'Sign-in required' }],
  [errors.ForbiddenError, { status: 403, slug: 'forbidden', title: 'Not allowed' }],
  [errors.NotFoundError, { status: 404, slug: 'not-found', title: 'Not found' }],
  [errors.ConflictError, { status: 409, slug: 'conflict', title: 'Conflicts with the current state' }],
  [errors.DeadlinePassedError, { status: 409, slug: 'deadline-passed', title: 'The deadline has passed' }],
  [errors.PreconditionFailedError, { status: 412, slug: 'stale-version', title: 'The resource has changed' }],
  [errors.PreconditionRequiredError, { status: 428, slug: 'if-match-required', title: 'If-Match is required' }],
  [errors.TooLargeError, { status: 413, slug: 'too-large', title: 'Too large' }],
  [errors.InvalidError, { status: 422, slug: 'invalid', title: 'The request breaks a rule' }],
  [errors.UnavailableError, { status: 503, slug: 'unavailable', title: 'Temporarily unavailable' }],
];

/** Error names the AWS SDK gives throttling and transient faults (as its own retry strategy classifies them). */
const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'SlowDown',
  'ServiceUnavailable',
  'InternalServerError',
  'InternalError',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'Throttling',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'BandwidthLimitExceeded',
  'PriorRequestNotComplete',
  'TransactionInProgressException',
]);

/** Node socket and DNS errors the SDK throws after its retries: the network, not the request, failed. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

type SdkError = Error & {
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  code?: string;
  cause?: unknown;
  errors?: unknown[];
};

/**
 * A DynamoDB or S3 failure the client can retry: throttling, a server fault, a broken connection or
 * name lookup, or a fault the SDK marks retryable; also when it is the `cause` of another error or
 * one of an AggregateError's (Node reports a failed dual-stack connect that way).
 */
export function isTransientDependencyError(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const e = error as SdkError;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    THROTTLING.has(e.name) ||
    e.$fault === 'server' ||
    e.$retryable !== undefined ||
    status >= 500 ||
    status === 429 ||
    NETWORK_CODES.has(e.code ?? '') ||
    isTransientDependencyError(e.cause, depth + 1) ||
    (Array.isArray(e.errors) && e.errors.some((inner) => isTransientDependencyError(inner, depth + 1)))
  );
}

export const RETRY_AFTER_SECONDS = 2;

/** Maps any thrown value to a problem; unknown errors become a 500 that reveals nothing. */
export function toProblem(error: unknown): Problem {
  for (const [type, m] of mappings) {
    if (error instanceof type) {
      const problem: Problem = { type: TYPE_BASE + m.slug, title: m.title, status: m.status, detail: error.message };
      if (error instanceof errors.DomainError) Object.assign(problem, error.extensions);
      if ('errors' in error && Array.isArray(error.errors) && error.errors.length > 0) problem.errors = error.errors;
      return problem;
    }
  }
  if (isTransientDependencyError(error)) {
    return {
      type: TYPE_BASE + 'unavailable',
      title: 'Temporarily unavailable',
      status: 503,
      detail: 'A storage service is busy or failing; retry shortly.',
    };
  }
  return {
    type: TYPE_BASE + 'internal',
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side.',
  };
}

export function problemFor(status: number, slug: string, title: string, detail?: string): Problem {
  return { type: TYPE_BASE + slug, title, status, ...(detail ? { detail } : {}) };
}
