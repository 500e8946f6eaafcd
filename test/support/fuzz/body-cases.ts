import fc from 'fast-check';
import {
  HOSTILE_KEYS,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  hostileTree,
  jsonText,
  LONE_SURROGATES,
  NOT_JSON_TOKENS,
  PROTOTYPE_KEYS,
  raw,
  RAW_NUMBER_TOKENS,
  withOwn,
} from './hostile-values.js';
import { deref, type JsonSchema } from './valid-sample.js';

/** One request body: its bytes exactly as sent, and the Content-Type header (none when undefined). */
export interface BodyCase {
  label: string;
  bytes: Buffer;
  contentType?: string | undefined;
}

const JSON_TYPE = 'application/json';
const MB = 1024 * 1024;

const text = (label: string, body: string, contentType: string | undefined = JSON_TYPE): BodyCase => ({
  label,
  bytes: Buffer.from(body, 'utf8'),
  contentType,
});
const bytes = (label: string, body: Buffer, contentType: string | undefined = JSON_TYPE): BodyCase => ({
  label,
  bytes: body,
  contentType,
});

export const WRONG_CONTENT_TYPES = [
  undefined,
  '',
  'text/plain',
  'text/plain; charset=utf-8',
  'multipart/form-data; boundary=----fuzz',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/jsonx',
  'application/json-patch+json',
  'application/problem+json',
  'application/json, text/plain',
  '*/*',
  'json',
];

const zeros = (count: number) => `[${new Array(count).fill('0').join(',')}]`;

/**
 * Transport-level nasties around one valid body text `t`: wrong or missing content types, empty and
 * huge bodies, deep nesting, prototype-pollution keys, lone surrogates, invalid UTF-8, numbers JSON
 * allows and JavaScript mangles, and text that is no JSON at all.
 */
export function transportCases(t: string, maxBodyBytes: number): BodyCase[] {
  const object = t.startsWith('{') && t !== '{}';
  const firstKey = object ? (/^\{"((?:[^"\\]|\\.)*)"/.exec(t)?.[1] ?? 'x') : 'x';
  const withField = (field: string) => (object ? `{${field},${t.slice(1)}` : `{${field}}`);
  const firstString = (replacement: string) =>
    /:"(?:[^"\\]|\\.)*"/.test(t) ? t.replace(/:"(?:[^"\\]|\\.)*"/, `:${replacement}`) : withField(`"x":${replacement}`);
  const firstNumber = (token: string) =>
    /:-?\d[\d.eE+-]*/.test(t) ? t.replace(/:-?\d[\d.eE+-]*/, `:${token}`) : withField(`"x":${token}`);
  const utf8 = Buffer.from(t, 'utf8');
  const quote = Math.max(utf8.indexOf(0x22, 2), 1);
  const manyKeys = `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":0`).join(',')}}`;
  const splice = (inserted: number[]) =>
    Buffer.concat([utf8.subarray(0, quote + 1), Buffer.from(inserted), utf8.subarray(quote + 1)]);

  return [
    bytes('empty body, no content type', Buffer.alloc(0), undefined),
    bytes('empty body', Buffer.alloc(0)),
    text('whitespace only', ' \r\n\t'),
    ...WRONG_CONTENT_TYPES.map((type) =>
      type === undefined
        ? bytes('valid body without a content type', utf8, undefined)
        : text(`valid body as ${JSON.stringify(type)}`, t, type),
    ),
    text('valid body, URL-encoded', `${firstKey}=x&__proto__[polluted]=1`, 'application/x-www-form-urlencoded'),
    text(
      'multipart form',
      `------fuzz\r\nContent-Disposition: form-data; name="${firstKey}"\r\n\r\nx\r\n------fuzz--\r\n`,
      'multipart/form-data; boundary=----fuzz',
    ),
    text('arrays nested 10,000 deep', '['.repeat(10_000) + ']'.repeat(10_000)),
    text('objects nested 10,000 deep', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)),
    text('a field nested 10,000 deep', withField(`"${firstKey}":${'['.repeat(10_000)}${']'.repeat(10_000)}`)),
    text('a value nested 100,000 deep', firstString('['.repeat(100_000) + ']'.repeat(100_000))),
    text('__proto__ pollution', '{"__proto__":{"polluted":1}}'),
    text('__proto__ beside valid fields', withField('"__proto__":{"polluted":1}')),
    text('constructor.prototype pollution', withField('"constructor":{"prototype":{"polluted":1}}')),
    text('nested __proto__', '{"__proto__":{"__proto__":{"polluted":1}}}'),
    text('__proto__ in an array', '[{"__proto__":{"polluted":1}}]'),
    text(
      'duplicate key, the last one wrong',
      `${t.slice(0, -1)}${object ? ',' : ''}"${firstKey}":{"__proto__":{"polluted":1}}}`,
    ),
    text('lone high surrogate', '{"x":"\\ud800"}'),
    ...LONE_SURROGATES.map((s, i) => text(`lone surrogate ${i} in a valid field`, firstString(JSON.stringify(s)))),
    text('lone surrogate as a key', withField('"\\udfff":1')),
    bytes('invalid UTF-8 byte 0xFF', splice([0xff])),
    bytes('overlong UTF-8 slash', splice([0xc0, 0xaf])),
    bytes('UTF-8-encoded surrogate', splice([0xed, 0xa0, 0x80])),
    bytes('lone continuation byte', splice([0x80])),
    bytes('truncated UTF-8 sequence', Buffer.concat([utf8, Buffer.from([0xe2, 0x82])])),
    bytes('Latin-1 é', splice([0xe9])),
    bytes('UTF-16LE body', Buffer.from(t, 'utf16le')),
    bytes('UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])),
    bytes('UTF-8 BOM then JSON', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])),
    text('1 MB string', `{"${firstKey}":"${'a'.repeat(MB)}"}`),
    text('1 MB string in a valid field', firstString(`"${'é'.repeat(MB / 2)}"`)),
    text('body one byte over the limit', `"${'a'.repeat(maxBodyBytes - 1)}"`),
    text('body at the limit, wrong type', `"${'a'.repeat(maxBodyBytes - 2)}"`),
    text('100,000-element array', zeros(100_000)),
    text('100,000-element array in a field', withField(`"${firstKey}":${zeros(100_000)}`)),
    text('20,000 unknown keys', manyKeys),
    ...recordFields(t).map((field) => text(`20,000 bad entries in ${field}`, withField(`"${field}":${manyKeys}`))),
    ...[...RAW_NUMBER_TOKENS, ...NOT_JSON_TOKENS].flatMap((token) => [
      text(`whole body ${token}`, token),
      text(`${token} in a number field`, firstNumber(token)),
    ]),
    ...['1e308', '-0', '"NaN"', '"Infinity"', '"1e308"', 'null', 'true', '0', '""', '[]'].map((token) =>
      text(`whole body ${token}`, token),
    ),
    text('unclosed object', '{'),
    text('stray brace', '}'),
    text('trailing comma', '{"a":1,}'),
    text('single quotes', "{'a':1}"),
    text('two documents', `${t}${t}`),
    text('trailing garbage', `${t} trailing`),
    text('comment', `/* c */${t}`),
    text('NUL byte', `${t}\u0000`),
    text('truncated', t.slice(0, -1)),
    text('undefined value', `{"${firstKey}":undefined}`),
  ];
}

/** Top-level fields of a body text whose value is an object (records such as answers or scores). */
function recordFields(t: string): string[] {
  try {
    const value = JSON.parse(t) as Record<string, unknown>;
    return Object.entries(value ?? {})
      .filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v))
      .map(([k]) => k);
  } catch {
    return [];
  }
}

interface Slot {
  parent?: Record<string, unknown> | unknown[];
  key?: string | number;
  value: unknown;
  schema: JsonSchema;
}

/** Every place in a value, with the schema node that describes it (followed through $ref and records). */
function slotsOf(value: unknown, schema: JsonSchema, root: JsonSchema): Slot[] {
  const out: Slot[] = [];
  const walk = (v: unknown, s: JsonSchema, parent?: Slot['parent'], key?: Slot['key']) => {
    const node = deref(s, root);
    out.push({ value: v, schema: node, ...(parent ? { parent, key } : {}) });
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, node.items ?? {}, v, i));
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const sub =
          node.properties?.[k] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : {});
        walk(child, sub, v as Record<string, unknown>, k);
      }
    }
  };
  walk(value, schema);
  return out;
}

/** Values at and just beyond a slot's bounds, from its schema: the edges a parser must get right. */
function boundaryValues(slot: Slot): unknown[] {
  const s = slot.schema;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer' || type === 'number') {
    const lo = s.minimum ?? s.exclusiveMinimum ?? 0;
    const hi = s.maximum ?? s.exclusiveMaximum ?? 100;
    return [
      lo - 1,
      hi + 1,
      lo,
      hi,
      lo - 0.5,
      hi + 0.5,
      lo + 0.5,
      s.exclusiveMinimum ?? lo - 1e-9,
      raw('-0'),
      ...HOSTILE_NUMBERS,
    ];
  }
  if (type === 'string') {
    const max = s.maxLength ?? 1000;
    // A mutation may have left an object here whose own `toString` is hostile: never String() it.
    const current = typeof slot.value === 'string' ? slot.value : 'x';
    return [
      'x'.repeat(max),
      'x'.repeat(max + 1),
      '🏥'.repeat(Math.ceil((max + 1) / 2)),
      '',
      '   ',
      `${current} `,
      ` ${current}`,
      current.toLowerCase(),
      current.toUpperCase(),
      `${current}\u0000`,
      `${current}\ud800`,
      ...HOSTILE_STRINGS,
    ];
  }
  if (type === 'array') {
    const item = Array.isArray(slot.value) ? (slot.value[0] ?? 0) : 0;
    const max = s.maxItems ?? 100;
    return [[], new Array(max + 1).fill(item), [item, item], new Array(100_000).fill(0), [null], [[item]]];
  }
  if (type === 'boolean') return ['true', 'false', 0, 1, null, 'yes'];
  return [null, {}, [], ''];
}

const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, '', 'x', [], {}, [null], raw('1e400'), raw('-0'), 1e308];

type Mutation = {
  kind: 'drop' | 'wrongType' | 'extraKey' | 'boundary' | 'tree' | 'protoKey';
  at: number;
  pick: number;
  tree: unknown;
};

const mutationArb = (keys: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.record({
    kind: fc.constantFrom<Mutation['kind']>(
      'drop',
      'wrongType',
      'extraKey',
      'boundary',
      'boundary',
      'tree',
      'protoKey',
    ),
    at: fc.nat(),
    pick: fc.nat(),
    tree: hostileTree(keys),
  });

/** A deep copy that keeps every own key (a `__proto__` key stays a key). */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value && typeof value === 'object') {
    return Object.entries(value).reduce<object>((o, [k, v]) => withOwn(o, k, copy(v)), {}) as T;
  }
  return value;
}

/** Puts `next` in the slot; returns the body, which is `next` itself when the slot is the whole body. */
function replace(body: unknown, slot: Slot, next: unknown): unknown {
  if (!slot.parent) return next;
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = next;
  else withOwn(slot.parent, String(slot.key), next);
  return body;
}

function applyMutation(value: unknown, schema: JsonSchema, root: JsonSchema, m: Mutation): unknown {
  let body = value;
  const slots = slotsOf(body, schema, root);
  const slot = slots[m.at % slots.length] as Slot;
  const pick = <T>(list: readonly T[]) => list[m.pick % list.length] as T;
  const objects = slots.filter((s) => s.value && typeof s.value === 'object' && !Array.isArray(s.value));
  switch (m.kind) {
    case 'drop': {
      const owned = slots.filter((s) => s.parent && !Array.isArray(s.parent));
      const target = owned[m.at % Math.max(owned.length, 1)];
      if (target) delete (target.parent as Record<string, unknown>)[String(target.key)];
      else body = undefined;
      break;
    }
    case 'wrongType':
      body = replace(body, slot, copy(pick(WRONG_TYPES)));
      break;
    case 'boundary':
      body = replace(body, slot, copy(pick(boundaryValues(slot))));
      break;
    case 'tree':
      body = replace(body, slot, copy(m.tree));
      break;
    case 'extraKey':
    case 'protoKey': {
      const target = objects[m.at % Math.max(objects.length, 1)];
      const key = m.kind === 'protoKey' ? pick(PROTOTYPE_KEYS) : pick(HOSTILE_KEYS);
      if (target) withOwn(target.value as object, key, m.kind === 'protoKey' ? { polluted: 1 } : copy(m.tree));
      else body = withOwn({}, key, copy(m.tree));
      break;
    }
  }
  return body;
}

/** Bodies made from a valid sample by one to three mutations: a missing field, a wrong type, a field too many, an edge value. */
export function mutationArbitrary(
  sample: unknown,
  schema: JsonSchema,
  keys: readonly string[],
): fc.Arbitrary<BodyCase> {
  return fc.array(mutationArb(keys), { minLength: 1, maxLength: 3 }).map((mutations) => {
    let body = copy(sample);
    for (const m of mutations) body = applyMutation(body, schema, schema, m);
    return text(`mutation ${mutations.map((m) => m.kind).join('+')}`, body === undefined ? '' : jsonText(body));
  });
}

/** Whole bodies of hostile JSON: trees of odd values under schema-looking and prototype keys. */
export const treeArbitrary = (keys: readonly string[]): fc.Arbitrary<BodyCase> =>
  hostileTree(keys).map((tree) => text('hostile JSON tree', jsonText(tree)));

/**
 * Bodies the schema may well accept (edge values, prototype-looking record keys such as
 * `constructor`): sent only where the ids make the request fail in the domain, never at parsing.
 */
export function edgeArbitrary(sample: unknown, schema: JsonSchema): fc.Arbitrary<BodyCase> {
  return fc.record({ at: fc.nat(), pick: fc.nat() }).map(({ at, pick }) => {
    const body = copy(sample);
    const slots = slotsOf(body, schema, schema);
    const slot = slots[at % slots.length] as Slot;
    const record = slots.find(
      (s) => typeof s.schema.additionalProperties === 'object' && s.value && typeof s.value === 'object',
    );
    if (record && pick % 3 === 0) {
      withOwn(
        record.value as object,
        ['constructor', 'prototype', 'tostring', 'valueof'][pick % 4] as string,
        Object.values(record.value as object)[0],
      );
      return text('edge: prototype-like record key', jsonText(body));
    }
    const value = boundaryValues(slot)[pick % boundaryValues(slot).length];
    return text('edge value', jsonText(replace(body, slot, value)));
  });
}

/** A body far beyond the gateway's own 10 MB cap. */
export const beyondGatewayCap = (): BodyCase => text('11 MB body', `"${'a'.repeat(11 * MB)}"`);
