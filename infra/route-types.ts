import type * as z from 'zod';

/** Who may call a route: the token's groups, or anyone. */
export type Role = 'organiser' | 'judge' | 'entrant';
export type Audience = readonly Role[] | 'public';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The least data access a function needs; the CDK stack turns it into IAM grants. */
export interface DataAccess {
  table?: 'read' | 'write';
  /** put: presigned POST uploads; get: HEAD/GET and presigned downloads; delete: remove objects. */
  bucket?: readonly ('put' | 'get' | 'delete')[];
}

/** The zod schemas of a request; each documents itself in the OpenAPI document. */
export interface RequestSchemas {
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  headers?: z.ZodObject;
}

export interface HttpRoute<S extends RequestSchemas = RequestSchemas, A extends Audience = Audience> {
  kind: 'http';
  /** Short stable id; also the Lambda function's construct id. */
  id: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/entries/{entryId}`. */
  path: string;
  /** Handler file, relative to the repository root. */
  handler: string;
  audience: A;
  access: DataAccess;
  summary: string;
  tag: string;
  schemas: S;
  /** HTTP status of a success answer, for the OpenAPI document. */
  successStatus?: number;
  /** Content type of a success answer when it is not JSON. */
  produces?: string;
}

export interface S3EventRoute {
  kind: 's3';
  id: string;
  handler: string;
  /** Objects created under this key prefix of the evidence bucket invoke the handler. */
  prefix: string;
  access: DataAccess;
  summary: string;
}

export type Route = HttpRoute | S3EventRoute;

/** Keeps each row's schema types so a handler bound to the row gets typed input. */
export const httpRoute = <S extends RequestSchemas, A extends Audience>(
  row: Omit<HttpRoute<S, A>, 'kind'>,
): HttpRoute<S, A> => ({
  kind: 'http',
  ...row,
});
