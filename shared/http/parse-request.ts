import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import type { FieldError } from '../domain/errors.js';
import type { RequestSchemas } from '../../infra/route-types.js';
import { MalformedRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from './request-errors.js';

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface ParsedRequest<S extends RequestSchemas> {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  headers: Readonly<Record<string, string | undefined>>;
}

/** A refusal stays small whatever was sent: a 250 KB body of bad keys would otherwise echo back as megabytes. */
const MAX_FIELD_ERRORS = 20;
const MAX_ERROR_TEXT = 200;
const clip = (text: string) => (text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text);

function fieldErrors(where: string, error: z.ZodError): FieldError[] {
  return error.issues.slice(0, MAX_FIELD_ERRORS).map((issue) => ({
    path: clip([where, ...issue.path.map(String)].join('.')),
    message: clip(issue.message),
  }));
}

function validate<T extends z.ZodType | undefined>(schema: T, value: unknown, where: string): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) throw new MalformedRequestError(`The ${where} is not valid.`, fieldErrors(where, result.error));
  return result.data as Infer<T>;
}

function readBody(event: APIGatewayProxyEventV2, maxBytes: number): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(`The body may be at most ${maxBytes} bytes.`);
  if (bytes.length === 0) throw new MalformedRequestError('A JSON body is required.');
  const mediaType = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new UnsupportedMediaTypeError('Send the body as application/json.');
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let decoded: string;
  try {
    decoded = text.decode(bytes);
  } catch {
    throw new MalformedRequestError('The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(decoded) as unknown;
  } catch {
    throw new MalformedRequestError('The body is not valid JSON.');
  }
}

/** Parses path, query and body once against the route's schemas; unknown fields are refused by the strict schemas. */
export function parseRequest<S extends RequestSchemas>(
  schemas: S,
  event: APIGatewayProxyEventV2,
  maxBodyBytes: number,
): ParsedRequest<S> {
  const headers = event.headers ?? {};
  return {
    params: validate(schemas.params, event.pathParameters ?? {}, 'path') as Infer<S['params']>,
    query: validate(schemas.query, event.queryStringParameters ?? {}, 'query') as Infer<S['query']>,
    body: (schemas.body ? validate(schemas.body, readBody(event, maxBodyBytes), 'body') : undefined) as Infer<
      S['body']
    >,
    headers,
  };
}
