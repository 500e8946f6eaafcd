import fc from 'fast-check';

/**
 * Hostile pieces the generators combine: keys that break naive object handling, values at the edges
 * of JSON and JavaScript numbers, text that is not what a person types, and number tokens that
 * `JSON.stringify` cannot write (spliced into the text with {@link raw}).
 */

const RAW = '\u0001RAW\u0001';

/** A JSON token written as is into the request text: `raw('1e400')`, `raw('-0')`. */
export const raw = (token: string): string => RAW + token;

/** JSON text of a value, with {@link raw} tokens spliced in unquoted. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/"\\u0001RAW\\u0001((?:[^"\\]|\\.)*)"/g, (_all, token: string) => JSON.parse(`"${token}"`));
}

/** Sets an own, enumerable property even for `__proto__`, so it is serialised like any other key. */
export function withOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
];

export const HOSTILE_KEYS = [
  ...PROTOTYPE_KEYS,
  'polluted',
  '',
  ' ',
  '\u0000',
  '\ud800',
  'a.b',
  'a[0]',
  '$where',
  '$ne',
  '#pk',
  ':pk',
  'pk',
  'sk',
  'gsi1pk',
  'K'.repeat(300),
];

export const LONE_SURROGATES = ['\ud800', '\udfff', 'ok\udc00ok', '\udc00\ud800'];

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u202e\u202dreversed',
  '\ufeff',
  '\u200b',
  ...LONE_SURROGATES,
  '🏥'.repeat(50),
  'e\u0301'.repeat(50),
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '${jndi:ldap://x}',
  '{{7*7}}',
  '../../etc/passwd',
  '%00',
  '\\',
  '"',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  'null',
  'true',
  '[]',
  '{}',
  '9999-12-31T23:59:59.999Z',
  '0000-00-00T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  '0'.repeat(26),
  'ENTRY#x',
  'IDEMP#x',
  'x'.repeat(5000),
];

export const HOSTILE_NUMBERS = [
  0,
  -1,
  1,
  0.5,
  -0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  2 ** 31,
  -(2 ** 31) - 1,
  1999,
  2101,
  101,
  1000.0001,
  26214401,
];

/** Number tokens valid JSON allows but JavaScript turns into something else (Infinity, -0, a lost digit). */
export const RAW_NUMBER_TOKENS = ['-0', '1e400', '-1e400', '1e-400', '123456789012345678901234567890', '0.1e1', '1E2'];

/** Tokens that are not JSON at all: the parser must refuse them, not the handler crash on them. */
export const NOT_JSON_TOKENS = ['NaN', 'Infinity', '-Infinity', 'undefined', '01', '0x10', '.5', '+1', "'x'"];

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...RAW_NUMBER_TOKENS.map(raw)),
  fc.constantFrom(true, false, null),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
);

/** A key: one a schema uses, a hostile one, or any string at all. */
export const keyArb = (schemaKeys: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: schemaKeys.length ? fc.constantFrom(...schemaKeys) : fc.constant('name') },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );

/**
 * JSON-ish trees of hostile leaves under schema-looking and hostile keys (like `fc.anything`, but
 * keys such as `__proto__` become own properties, as JSON.parse makes them).
 */
export function hostileTree(schemaKeys: readonly string[]): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('node')),
    node: fc.oneof(
      fc
        .array(fc.tuple(keyArb(schemaKeys), tie('tree')), { maxLength: 6 })
        .map((pairs) => pairs.reduce<object>((o, [k, v]) => withOwn(o, k, v), {})),
      fc.array(tie('tree'), { maxLength: 6 }),
    ),
  }));
  return tree;
}
