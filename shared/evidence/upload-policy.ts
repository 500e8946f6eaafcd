/**
 * The presigned POST an entrant's browser uploads evidence with, straight to S3. The policy is what
 * stops a client from writing another key, another content type or a larger file: S3 checks it, the
 * local S3 server does not (toolchain.md), so tests decode it and `on-uploaded` re-checks the object.
 */
import { InvalidError, TooLargeError } from '../domain/errors.js';
import type { S3ObjectClient } from '../store/s3-client.js';
import { parseEvidenceKey } from './evidence-key.js';
import { isEvidenceContentType, MAX_EVIDENCE_BYTES } from './evidence-types.js';

/** How long an upload grant lasts: five minutes. */
export const UPLOAD_WINDOW_SECONDS = 300;

/** The longest upload grant this module will sign: ten minutes. */
export const MAX_UPLOAD_WINDOW_SECONDS = 600;

/** What the client needs to upload: POST `fields` then the file as multipart/form-data to `url`. */
export interface UploadPost {
  url: string;
  fields: Record<string, string>;
  /** When S3 stops accepting the upload (ISO 8601 UTC), read from the signed policy itself. */
  expiresAt: string;
}

/**
 * Signs a POST that can create exactly one object: the given key, with the given Content-Type, of
 * 1 to `size` bytes, before the window closes. Presigning is local; no request is sent.
 * @param args.now the signing time (defaults to the clock); the window starts then.
 * @throws InvalidError for a content type off the allow-list or a size below one byte.
 * @throws TooLargeError for a size above {@link MAX_EVIDENCE_BYTES}.
 * @throws RangeError for a key {@link evidenceKey} did not make or a window above ten minutes (a bug).
 */
export async function createUploadPost(
  s3: S3ObjectClient,
  args: { bucket: string; key: string; contentType: string; size: number; expiresInSeconds?: number; now?: Date },
): Promise<UploadPost> {
  const { bucket, key, contentType, size, expiresInSeconds = UPLOAD_WINDOW_SECONDS } = args;
  if (!isEvidenceContentType(contentType)) {
    throw new InvalidError('This file type is not accepted as evidence.', [
      { path: 'contentType', message: `${contentType} is not an allowed evidence type` },
    ]);
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new InvalidError('The file size must be a whole number of bytes, at least one.', [
      { path: 'size', message: 'must be an integer of at least 1' },
    ]);
  }
  if (size > MAX_EVIDENCE_BYTES) {
    throw new TooLargeError(`Evidence files may be at most ${MAX_EVIDENCE_BYTES} bytes.`, {
      maxBytes: MAX_EVIDENCE_BYTES,
    });
  }
  // Only keys that parse as ours (which never contain `$`, so never `${filename}`) are signed.
  if (parseEvidenceKey(key)?.key !== key) throw new RangeError(`not an evidence key: ${key}`);
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_UPLOAD_WINDOW_SECONDS) {
    throw new RangeError(`an upload window must be 1 to ${MAX_UPLOAD_WINDOW_SECONDS} seconds`);
  }

  // The client adds `{bucket}`, `{key}` (exact) and the signing fields as equality conditions, and
  // one `{Content-Type}` for the field we set; the explicit `eq` keeps the rule visible here.
  const { url, fields } = await s3.presignPost({
    bucket,
    key,
    fields: { 'Content-Type': contentType },
    conditions: [
      ['eq', '$Content-Type', contentType],
      ['content-length-range', 1, size],
    ],
    expiresInSeconds,
    ...(args.now ? { now: args.now } : {}),
  });
  return { url, fields, expiresAt: policyExpiration(fields) };
}

/** The expiry S3 will enforce, taken from the signed policy so it cannot drift from it. */
function policyExpiration(fields: Record<string, string>): string {
  const policy = JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as { expiration: string };
  return new Date(policy.expiration).toISOString();
}
