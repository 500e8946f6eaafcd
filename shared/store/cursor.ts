import { createHash } from 'node:crypto';
import * as z from 'zod';
import { InvalidError } from '../domain/errors.js';

/**
 * Opaque list cursors. A cursor carries the last key read and a fingerprint of the query that
 * made it; it is refused for any other query (another organisation, category or filter), and its
 * key must lie in the partition being read, so it cannot be forged into another query.
 */
const Decoded = z.strictObject({ q: z.string(), k: z.record(z.string(), z.string()) });

const fingerprint = (scope: string) => createHash('sha256').update(scope).digest('base64url').slice(0, 22);

export function encodeCursor(lastKey: Record<string, unknown>, scope: string): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(scope), k: lastKey }), 'utf8').toString('base64url');
}

const refused = () =>
  new InvalidError('The cursor is not valid for this list.', [
    { path: 'query.cursor', message: 'not valid for this list' },
  ]);

/**
 * The start key for the next page; `partition` names the index key and value the query reads.
 * With `keyAttributes`, the key must name exactly those attributes, none empty, and (with
 * `sortPrefix`) a sort key inside the query's range: the fingerprint is no secret, and DynamoDB
 * answers any other start key with a ValidationException, which is a client's error, not ours.
 */
export function decodeCursor(
  cursor: string,
  scope: string,
  partition: { attribute: string; value: string; sortAttribute?: string; sortPrefix?: string | undefined },
  keyAttributes?: readonly string[],
): Record<string, string> {
  let parsed: z.infer<typeof Decoded>;
  try {
    parsed = Decoded.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw refused();
  }
  if (parsed.q !== fingerprint(scope) || parsed.k[partition.attribute] !== partition.value) throw refused();
  if (keyAttributes) {
    const names = Object.keys(parsed.k);
    const exact = names.length === keyAttributes.length && keyAttributes.every((a) => (parsed.k[a] ?? '') !== '');
    const sortKey = partition.sortAttribute ? parsed.k[partition.sortAttribute] : undefined;
    if (!exact || (partition.sortPrefix && !sortKey?.startsWith(partition.sortPrefix))) throw refused();
  }
  return parsed.k;
}
