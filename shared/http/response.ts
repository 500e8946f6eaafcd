import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Problem } from './problem.js';
import { RETRY_AFTER_SECONDS } from './problem.js';

/** What a use-case handler returns; the wrapper turns it into the API Gateway result. */
export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when the body is already text (CSV, HTML). */
  raw?: boolean;
}

/** Quoted strong ETag for a resource version. */
export const etagOf = (version: number): string => `"${version}"`;

export const ok = (body: unknown, version?: number): HttpResult => ({
  status: 200,
  body,
  ...(version !== undefined ? { headers: { etag: etagOf(version) } } : {}),
});

export const created = (body: unknown, version?: number): HttpResult => ({ ...ok(body, version), status: 201 });

export const noContent = (): HttpResult => ({ status: 204 });

export const text = (status: number, body: string, contentType: string, headers: Record<string, string> = {}) =>
  ({ status, body, raw: true, headers: { 'content-type': contentType, ...headers } }) satisfies HttpResult;

const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** Default CSP for JSON; pages set their own. */
const defaultCsp = "default-src 'none'; frame-ancestors 'none'";

export function toApiResult(result: HttpResult): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = {
    ...securityHeaders,
    'content-security-policy': defaultCsp,
    ...(result.body !== undefined && !result.raw ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...result.headers,
  };
  const body = result.body === undefined ? undefined : result.raw ? String(result.body) : JSON.stringify(result.body);
  return { statusCode: result.status, headers, ...(body !== undefined ? { body } : {}) };
}

export function problemResult(problem: Problem): APIGatewayProxyStructuredResultV2 {
  return toApiResult({
    status: problem.status,
    body: JSON.stringify(problem),
    raw: true,
    headers: {
      'content-type': 'application/problem+json',
      ...(problem.status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}),
    },
  });
}
