/**
 * S3 object keys for evidence: `entries/{entryId}/{evidenceId}/{safeName}`. The key is built once when
 * the upload is granted and read back from the ObjectCreated event, so both directions live here.
 */
import { InvalidError } from '../domain/errors.js';

/** Every evidence object lives under this prefix (the bucket notification filters on it). */
export const EVIDENCE_KEY_PREFIX = 'entries/';

/** The longest name {@link safeFileName} returns, in characters (all ASCII, so also bytes). */
export const MAX_SAFE_NAME_LENGTH = 100;

/** An extension worth keeping: short and plain; anything else stays part of the name. */
const EXTENSION = /^[A-Za-z0-9]{1,10}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Turns a person's file name into one safe in an S3 key and a URL: ASCII letters, digits, `.`, `_`
 * and `-` only, accents folded ("Résumé" → "Resume"), any folder part dropped, runs of separators
 * collapsed, at most {@link MAX_SAFE_NAME_LENGTH} characters with the extension kept. Never empty,
 * never starts with a dot, never contains `..`, `/`, `%`, `+` or a space. Applying it twice changes
 * nothing. The person's own name is kept on the evidence item for display and download.
 */
export function safeFileName(name: string): string {
  // Cleaning can expose an extension the raw name did not have ("é_.a." → "e_.a"); a second pass
  // settles it, and its result is a fixed point: it either has an extension or is already clean.
  return cleanOnce(cleanOnce(name));
}

function cleanOnce(name: string): string {
  // NFKD first: it folds accents into marks we drop, and can turn "／" into "/" or "‥" into "..".
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '');
  const base = folded.slice(Math.max(folded.lastIndexOf('/'), folded.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const extension = dot >= 0 ? base.slice(dot + 1) : '';
  const hasExtension = EXTENSION.test(extension);
  const stem = hasExtension ? base.slice(0, dot) : base;
  const room = MAX_SAFE_NAME_LENGTH - (hasExtension ? extension.length + 1 : 0);
  const safeStem = trimSeparators(trimSeparators(sanitise(stem)).slice(0, room)) || 'file';
  return hasExtension ? `${safeStem}.${extension}` : safeStem;
}

/**
 * The key for one evidence file. Ids come from request paths, so one that is not key-safe is refused
 * rather than allowed to add a folder to the key.
 * @throws InvalidError when an id has characters other than letters, digits, `_` and `-`.
 */
export function evidenceKey(entryId: string, evidenceId: string, fileName: string): string {
  const errors = [
    ...(ID.test(entryId) ? [] : [{ path: 'entryId', message: 'must be letters, digits, "_" or "-"' }]),
    ...(ID.test(evidenceId) ? [] : [{ path: 'evidenceId', message: 'must be letters, digits, "_" or "-"' }]),
  ];
  if (errors.length > 0) throw new InvalidError('An evidence id is not usable in a storage key.', errors);
  return `${EVIDENCE_KEY_PREFIX}${entryId}/${evidenceId}/${safeFileName(fileName)}`;
}

/**
 * Reads the ids back from an object key as an S3 event carries it, or null when the key is not one
 * {@link evidenceKey} makes.
 *
 * AWS delivers event keys form-encoded (`+` for a space, `%XX` for the rest); the embedded S3 server
 * delivers them raw. The key is always decoded, and that is safe because a key we make never contains
 * `%`, `+` or a space: decoding leaves it unchanged, so a raw key and its encoding read the same. The
 * only raw keys decoding could change contain `%` or `+`, which no issued key does; in AWS the
 * presigned POST pins the exact key, so such objects cannot arrive there at all. The decoded `key` is
 * returned so the caller can compare it with the key stored on the evidence item.
 */
export function parseEvidenceKey(eventKey: string): { entryId: string; evidenceId: string; key: string } | null {
  let key: string;
  try {
    key = decodeURIComponent(eventKey.replace(/\+/g, ' '));
  } catch {
    return null;
  }
  const parts = key.split('/');
  if (parts.length !== 4 || `${parts[0]}/` !== EVIDENCE_KEY_PREFIX) return null;
  const [, entryId, evidenceId, name] = parts as [string, string, string, string];
  if (!ID.test(entryId) || !ID.test(evidenceId)) return null;
  if (!SAFE_NAME.test(name) || name.includes('..') || name.length > MAX_SAFE_NAME_LENGTH) return null;
  return { entryId, evidenceId, key };
}

/** Replaces each run of unsafe characters by `-`, then any run of dots and dashes by one `-`. */
function sanitise(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/[.-]{2,}/g, '-');
}

/** Drops separators at either end, so a name never starts with a dot and never ends in one before the extension. */
function trimSeparators(text: string): string {
  return text.replace(/^[._-]+|[._-]+$/g, '');
}
