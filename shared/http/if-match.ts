import { PreconditionFailedError, PreconditionRequiredError } from '../domain/errors.js';

/**
 * The version a client last read, from `If-Match: "<version>"`. Missing → 428; a value that is no
 * version of ours cannot match anything → 412.
 */
export function expectedVersion(headers: Readonly<Record<string, string | undefined>>): number {
  const raw = headers['if-match'];
  if (raw === undefined || raw.trim() === '') {
    throw new PreconditionRequiredError('Send If-Match with the ETag you last read.');
  }
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(raw);
  if (!match?.[1]) throw new PreconditionFailedError('If-Match does not name a version of this resource.');
  return Number(match[1]);
}

/** Like expectedVersion, but absent is allowed (first write of a resource the caller creates). */
export function optionalExpectedVersion(headers: Readonly<Record<string, string | undefined>>): number | undefined {
  return headers['if-match'] === undefined ? undefined : expectedVersion(headers);
}
