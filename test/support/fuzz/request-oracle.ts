import type * as z from 'zod';

/**
 * Would the API's parsing let this request through to the use case? The fuzzer asks before sending:
 * a request meant to be refused must really be malformed, or a refusal proves nothing (and an
 * acceptance would change stored data). It follows the contract (api.md): a JSON body of at most
 * `maxBodyBytes` bytes, `application/json`, UTF-8 (a BOM is dropped), then the route's zod schema.
 */
export function bodyPassesParsing(
  schema: z.ZodType,
  bytes: Uint8Array,
  contentType: string | undefined,
  maxBodyBytes: number,
): boolean {
  if (bytes.length === 0 || bytes.length > maxBodyBytes) return false;
  if ((contentType ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/json') return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return schema.safeParse(value).success;
}

/** The query parameters as the gateway hands them over: repeated names joined by commas. */
export function queryAsParsed(pathWithQuery: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URL(pathWithQuery, 'http://localhost').searchParams) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  return query;
}

export const queryPassesParsing = (schema: z.ZodType | undefined, pathWithQuery: string): boolean =>
  !schema || schema.safeParse(queryAsParsed(pathWithQuery)).success;

/** Path parameters as the gateway decodes them; undefined when one does not decode (answered 400). */
export function pathPassesParsing(schema: z.ZodType | undefined, encoded: Record<string, string>): boolean {
  const decoded: Record<string, string> = {};
  try {
    for (const [name, value] of Object.entries(encoded)) decoded[name] = decodeURIComponent(value);
  } catch {
    return false;
  }
  return !schema || schema.safeParse(decoded).success;
}

/** Percent-encodes what may not stand raw in a request target (Node refuses it), byte by byte as UTF-8. */
export function safeTarget(text: string): string {
  return Array.from(text, (ch) =>
    /^[\x21-\x7e]$/.test(ch) && ch !== '#'
      ? ch
      : [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  ).join('');
}
