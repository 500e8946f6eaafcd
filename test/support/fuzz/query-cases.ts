import fc from 'fast-check';
import { HOSTILE_KEYS, HOSTILE_STRINGS } from './hostile-values.js';
import { safeTarget } from './request-oracle.js';

/** One query string as sent (already percent-encoded where it must be), without the `?`. */
export interface QueryCase {
  label: string;
  query: string;
}

export const HOSTILE_LIMITS = [
  '0',
  '-1',
  '101',
  '1e308',
  '1e309',
  '-0',
  'Infinity',
  'NaN',
  '0x10',
  '1.5',
  '',
  ' 5',
  '+5',
  '050',
  '5e1',
  '1_000',
  '٣',
  '9'.repeat(400),
  '[]',
  'null',
  'true',
];

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64url');

/**
 * Cursors a client might forge: random bytes, JSON of the right and wrong shapes, and, given a real
 * cursor the API issued, that cursor with its key changed (another partition, a key attribute
 * dropped or added, a wrong type), so it must be refused without reaching DynamoDB as a bad key.
 */
export function forgedCursors(real: string | undefined): string[] {
  const forged = [
    '',
    '!!!',
    '====',
    b64('null'),
    b64('[]'),
    b64('{}'),
    b64('{"q":"x","k":{}}'),
    b64('{"q":"x","k":{"pk":"ORG#X","sk":"ORG"}}'),
    b64('{"q":"x","k":{"pk":"ORG#X","sk":"ORG"},"extra":1}'),
    b64('{"__proto__":{"polluted":1},"q":"x","k":{}}'),
    b64('{"q":"x","k":{"__proto__":{"polluted":1}}}'),
    b64('\ud800'),
    'A'.repeat(2049),
    `${b64('{"q":"x","k":{}}')}%00`,
  ];
  if (!real) return forged;
  let decoded: { q?: unknown; k?: Record<string, unknown> } = {};
  try {
    decoded = JSON.parse(Buffer.from(real, 'base64url').toString('utf8'));
  } catch {
    return forged;
  }
  const k = decoded.k ?? {};
  const names = Object.keys(k);
  const variants: Record<string, unknown>[] = [
    ...names.map((name) => Object.fromEntries(Object.entries(k).filter(([n]) => n !== name))),
    ...names.map((name) => ({ ...k, [name]: `${String(k[name])}x` })),
    ...names.map((name) => ({ ...k, [name]: 7 })),
    ...names.map((name) => ({ ...k, [name]: '' })),
    ...names.map((name) => ({ ...k, [name]: 'ENTRY#01HZZZZZZZZZZZZZZZZZZZZZZZ' })),
    { ...k, extra: 'x' },
    { ...k, pk: 'IDEMP#x', sk: 'IDEMP' },
    { ...k, gsi9pk: 'x' },
    {},
  ];
  return [
    ...forged,
    real.slice(0, -2),
    `${real}AA`,
    real.toLowerCase(),
    ...variants.map((variant) => b64(JSON.stringify({ ...decoded, k: variant }))),
    b64(JSON.stringify({ ...decoded, q: 'x' })),
  ];
}

const RAW_QUERIES = [
  '%',
  '%E0%A4%A',
  '%ED%A0%80=1',
  'limit=%00',
  'a=1&&&=&',
  '=',
  '&limit',
  'limit',
  'limit=1&limit=2',
  'limit[]=1',
  'cursor[]=x',
  'cursor[$ne]=x',
  '__proto__[polluted]=1',
  '__proto__=1',
  'constructor[prototype][polluted]=1',
  'constructor=1',
  'toString=1',
  `x=${'y'.repeat(8000)}`,
];

/**
 * Query strings for a route: the valid parameters with one replaced by a hostile value, unknown and
 * repeated parameters, forged cursors and raw strings a browser would never send.
 */
export function queryArbitrary(valid: Record<string, string>, cursors: readonly string[]): fc.Arbitrary<QueryCase> {
  const names = Object.keys(valid);
  const value = fc.oneof(
    fc.constantFrom(...HOSTILE_LIMITS),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(...cursors),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.uint8Array({ maxLength: 64 }).map((b) => b64(b)),
  );
  const name = fc.oneof(
    fc.constantFrom(...(names.length ? names : ['limit']), 'limit', 'cursor'),
    fc.constantFrom(...HOSTILE_KEYS),
    fc.string({ unit: 'binary', maxLength: 10 }),
  );
  const encode = (pairs: [string, string][]) =>
    pairs
      .map(
        ([n, v]) =>
          `${safeTarget(n).replace(/[&=+]/g, encodeURIComponent)}=${safeTarget(v).replace(/[&=+]/g, encodeURIComponent)}`,
      )
      .join('&');
  return fc.oneof(
    fc.tuple(fc.nat(), value).map(([i, v]) => {
      const pairs = Object.entries(valid) as [string, string][];
      const target = names.length ? (names[i % names.length] as string) : 'limit';
      return { label: `one hostile ${target}`, query: encode([...pairs.filter(([n]) => n !== target), [target, v]]) };
    }),
    fc.tuple(fc.constantFrom('limit', 'cursor', ...names), value).map(([n, v]) => ({
      label: `valid query plus ${n}`,
      query: encode([...(Object.entries(valid) as [string, string][]), [n, v]]),
    })),
    fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 6 }).map((pairs) => ({
      label: 'random parameters',
      query: encode(pairs),
    })),
    fc.constantFrom(...cursors).map((cursor) => ({
      label: 'forged cursor',
      query: encode([
        ...(Object.entries(valid) as [string, string][]).filter(([n]) => n !== 'cursor'),
        ['cursor', cursor],
      ]),
    })),
    fc.constantFrom(...RAW_QUERIES).map((query) => ({ label: 'raw query', query: safeTarget(query) })),
  );
}
