/**
 * Presigned GETs for evidence downloads: a minute long, and always "save as" under the entrant's own
 * file name, so a browser never renders an upload in the API's or the bucket's origin.
 */
import type { S3ObjectClient } from '../store/s3-client.js';

/** How long a download link lasts, and the most this module will sign: one minute. */
export const DOWNLOAD_WINDOW_SECONDS = 60;

/**
 * Signs a GET for one object that S3 answers with `Content-Disposition: attachment` naming the file.
 * Presigning is local; no request is sent.
 * @param args.now the signing time (defaults to the clock); the link expires `expiresInSeconds` after it.
 * @throws RangeError for a window outside 1 to 60 seconds (a bug).
 */
export async function createDownloadUrl(
  s3: S3ObjectClient,
  args: { bucket: string; key: string; fileName: string; expiresInSeconds?: number; now?: Date },
): Promise<{ url: string; expiresAt: string }> {
  const { bucket, key, fileName, expiresInSeconds = DOWNLOAD_WINDOW_SECONDS } = args;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > DOWNLOAD_WINDOW_SECONDS) {
    throw new RangeError(`a download window must be 1 to ${DOWNLOAD_WINDOW_SECONDS} seconds`);
  }
  // SigV4 dates have whole seconds; signing at a whole second makes expiresAt exactly what S3 enforces.
  const signingDate = new Date(Math.floor((args.now ?? new Date()).getTime() / 1000) * 1000);
  const url = await s3.presignGetObject({
    bucket,
    key,
    responseContentDisposition: attachmentDisposition(fileName),
    expiresIn: expiresInSeconds,
    signingDate,
  });
  return { url, expiresAt: new Date(signingDate.getTime() + expiresInSeconds * 1000).toISOString() };
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 8187/5987 encoding). Current
 * browsers use `filename*`, the exact name in UTF-8; older clients get a quoted ASCII fallback with
 * accents folded and anything else replaced by `_`. Folder parts and control characters are dropped
 * first, so a name can neither point elsewhere nor break the header.
 */
export function attachmentDisposition(fileName: string): string {
  const name = displayName(fileName);
  const fallback = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

/** The part after the last folder separator, without control characters or lone surrogates. */
function displayName(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const clean = base
    .replace(/\p{Cc}/gu, '')
    .replace(/\p{Cs}/gu, '\uFFFD')
    .trim();
  return clean || 'evidence';
}

/** Percent-encodes UTF-8 bytes outside RFC 8187's attr-char (encodeURIComponent leaves `'()*` bare). */
function encodeRfc8187(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
