import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createHash } from 'node:crypto';
import type { HttpRoute } from '../../infra/route-types.js';
import { ConflictError, InvalidError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { claimKey, completeKey, releaseKey } from '../store/idempotency.js';
import { logger } from './logger.js';
import { MalformedRequestError } from './request-errors.js';
import type { HttpResult } from './response.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * Runs a POST at most once per Idempotency-Key and caller: a retry with the same body gets the
 * first answer, another body gets 422 (api.md).
 */
export async function onceForKey(
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
