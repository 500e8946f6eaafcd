import * as z from 'zod';

/** A JSON Schema node as `z.toJSONSchema` writes it. */
export type JsonSchema = Record<string, any>;

/** Real ids by field or parameter name (`entryId`, `categoryIds`…), so a valid sample names stored objects. */
export type IdHint = (name: string) => string | undefined;

const FALLBACK_ULID = '01HZZZZZZZZZZZZZZZZZZZZZZZ';

/**
 * Strings tried, in order, against a pattern the schema gives: domain-looking values first (a real
 * question id, an ODS code, a user id), then generic ones. The first that fits is the sample.
 */
const PATTERN_CANDIDATES = [
  'summary',
  'ambition',
  'FZ001',
  'fuzz-judge',
  'judge@example.org',
  new Date(Date.UTC(2026, 0, 1)).toISOString(),
  FALLBACK_ULID,
  'a',
  'A',
  '1',
  'a1',
  'true',
];

/** The JSON Schema of a zod schema as its input is written, with `$ref`s left for {@link deref}. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Follows a local `$ref` (`#/$defs/Name`) against the document root. */
export function deref(node: JsonSchema, root: JsonSchema): JsonSchema {
  let current = node;
  for (let hops = 0; typeof current?.$ref === 'string' && hops < 20; hops++) {
    const name = current.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    current = root.$defs?.[name] ?? root.definitions?.[name] ?? {};
  }
  return current ?? {};
}

const singular = (name: string) => name.replace(/s$/, '');

function stringSample(node: JsonSchema, name: string, hint: IdHint): string {
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Infinity;
  const fits = (s: string) =>
    s.length >= min && s.length <= max && (!node.pattern || new RegExp(node.pattern, 'u').test(s));
  const hinted = hint(name) ?? hint(singular(name));
  if (hinted !== undefined && fits(hinted)) return hinted;
  if (node.format === 'email' && fits('judge@example.org')) return 'judge@example.org';
  if (node.format === 'date-time') return new Date(Date.UTC(2026, 0, 1)).toISOString();
  if (!node.pattern) return 'Fuzz sample'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, 11)));
  return PATTERN_CANDIDATES.find(fits) ?? 'a'.repeat(Math.max(min, 1));
}

function numberSample(node: JsonSchema): number {
  const integer = node.type === 'integer';
  const max = node.maximum ?? (node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - 1 : 100);
  let value = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 1);
  if (value > max) value = integer ? Math.floor(max) : (node.exclusiveMinimum + max) / 2;
  return integer ? Math.ceil(value) : value;
}

/**
 * A value the schema accepts, as small as it can be: every property (optional ones too, so mutations
 * have more to work on), arrays at their least non-empty length, the first enum member. Not a proof:
 * callers check it with the zod schema and drop it when it fails (a refinement the JSON Schema cannot say).
 */
export function sampleOf(node: JsonSchema, root: JsonSchema, name: string, hint: IdHint): unknown {
  const n = deref(node, root);
  if ('const' in n) return n.const;
  if (Array.isArray(n.enum)) return n.enum[0];
  if (n.default !== undefined && n.type === undefined) return n.default;
  const variants = n.anyOf ?? n.oneOf ?? n.allOf;
  if (Array.isArray(variants) && variants.length > 0) return sampleOf(variants[0], root, name, hint);
  const type = Array.isArray(n.type) ? n.type[0] : n.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries<JsonSchema>(n.properties ?? {})) {
        out[key] = sampleOf(child, root, key, hint);
      }
      const extra = n.additionalProperties;
      if (extra && typeof extra === 'object' && Object.keys(out).length === 0) {
        const key = String(sampleOf({ type: 'string', ...(n.propertyNames ?? {}) }, root, `${name}Key`, hint));
        out[key] = sampleOf(extra, root, key, hint);
      }
      return out;
    }
    case 'array': {
      const length = Math.min(Math.max(n.minItems ?? 0, 1), n.maxItems ?? 1);
      return Array.from({ length }, () => sampleOf(n.items ?? {}, root, name, hint));
    }
    case 'string':
      return stringSample(n, name, hint);
    case 'integer':
    case 'number':
      return numberSample(n);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return n.default ?? {};
  }
}

/** A valid value of a zod schema, or undefined when the walk cannot find one the schema accepts. */
export function validSample(schema: z.ZodType, hint: IdHint): unknown {
  const root = jsonSchemaOf(schema);
  const value = sampleOf(root, root, '', hint);
  return schema.safeParse(value).success ? value : undefined;
}

/** Every field name and numeric/string bound the schema mentions: keys that look right to a parser. */
export function schemaKeys(schema: z.ZodType): string[] {
  const root = jsonSchemaOf(schema);
  const keys = new Set<string>();
  const visit = (node: JsonSchema, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 20) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') Object.keys(value).forEach((k) => keys.add(k));
      if (value && typeof value === 'object') visit(value as JsonSchema, depth + 1);
    }
  };
  visit(root, 0);
  return [...keys];
}

/**
 * A valid query as the gateway hands it over (every value a string), without a cursor: a sample
 * cursor is no cursor the API issued, and would turn every request into a cursor refusal.
 */
export function validQuery(schema: z.ZodType, hint: IdHint): Record<string, string> {
  const sample = (validSample(schema, hint) ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(sample)
      .filter(([name]) => name !== 'cursor')
      .map(([name, value]) => [name, String(value)]),
  );
}
