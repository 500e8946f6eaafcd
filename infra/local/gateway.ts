import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import type { HttpRoute, Route, S3EventRoute } from '../route-types.js';
import type { LocalIssuer } from './jwt-issuer.js';
import { routeMatcher } from './route-matcher.js';

/** API Gateway's own cap on a request body. */
const MAX_GATEWAY_BODY = 10 * 1024 * 1024;
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface Gateway {
  url: string;
  server: Server;
  /** Resolves when every S3 event delivered so far has been handled (tests wait on it). */
  settled(): Promise<void>;
  /** Delivers an S3 notification to the functions that consume it, as AWS would. */
  deliverS3Event(event: { Records: { s3: { object: { key: string } } }[] }): Promise<void>;
  close(): Promise<void>;
}

const modules = new Map<string, Promise<LambdaHandler>>();

/** Loads a handler file once, as Lambda keeps a warm module. */
function loadHandler(file: string): Promise<LambdaHandler> {
  let loaded = modules.get(file);
  if (!loaded) {
    loaded = import(pathToFileURL(resolve(REPO_ROOT, file)).href).then((m: { handler: LambdaHandler }) => m.handler);
    modules.set(file, loaded);
  }
  return loaded;
}

function lambdaContext(functionName: string): Context {
  const deadline = Date.now() + 10_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** API Gateway hands claims to the function as strings; arrays look like "[a b]". */
function claimsAsApiGatewayRenders(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
  );
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_GATEWAY_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > MAX_GATEWAY_BODY ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendProblem(res: ServerResponse, status: number, title: string, headers: Record<string, string> = {}) {
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-');
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: `https://laurel.awards/problems/${slug}`, title, status }));
}

function isUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * A node:http stand-in for the HTTP API: the same routes from the route table, the same
 * APIGatewayProxyEventV2 shape, bearer tokens verified as the JWT authorizer would.
 */
export async function startGateway(options: {
  routes: readonly Route[];
  issuer: LocalIssuer;
  port?: number;
  log?: (line: string) => void;
}): Promise<Gateway> {
  const httpRoutes = options.routes.filter((r): r is HttpRoute => r.kind === 'http');
  const s3Routes = options.routes.filter((r): r is S3EventRoute => r.kind === 's3');
  const match = routeMatcher(httpRoutes);
  const pending = new Set<Promise<void>>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    let found;
    try {
      found = match(method, url.pathname);
    } catch {
      return sendProblem(res, 400, 'Malformed path');
    }
    if (!found) return sendProblem(res, 404, 'Not found');
    if ('allowed' in found) return sendProblem(res, 405, 'Method not allowed', { allow: found.allowed.join(', ') });
    const { route, pathParameters } = found;

    let claims: Record<string, string> | undefined;
    if (route.audience !== 'public') {
      const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const payload = token ? await options.issuer.verify(token) : undefined;
      if (!payload) return sendProblem(res, 401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
      claims = claimsAsApiGatewayRenders(payload);
    }

    const body = await readBody(req);
    if (body === 'too-large') return sendProblem(res, 413, 'Payload too large');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
    const text = isUtf8(body);
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey: `${route.method} ${route.path}`,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
      ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
      isBase64Encoded: body.length > 0 && !text,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'local',
        http: {
          method,
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: randomUUID(),
        routeKey: `${route.method} ${route.path}`,
        stage: '$default',
        time: now.toISOString(),
        timeEpoch: now.getTime(),
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      },
    };

    const handler = await loadHandler(route.handler);
    const result = (await handler(event, lambdaContext(route.id))) as APIGatewayProxyStructuredResultV2;
    const responseBody =
      result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
    res.writeHead(result.statusCode ?? 200, {
      ...(result.headers as Record<string, string>),
      ...(responseBody ? { 'content-length': String(responseBody.length) } : {}),
    });
    res.end(responseBody);
    options.log?.(`${method} ${url.pathname} → ${result.statusCode} ${Date.now() - started} ms`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.(`gateway error: ${String(error)}`);
      if (!res.headersSent) sendProblem(res, 500, 'Internal error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  async function deliverS3Event(event: { Records: { s3: { object: { key: string } } }[] }) {
    const key = event.Records[0]?.s3.object.key ?? '';
    for (const route of s3Routes.filter((r) => key.startsWith(r.prefix))) {
      const handler = await loadHandler(route.handler);
      // Lambda retries a failed asynchronous invocation twice.
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await handler(event, lambdaContext(route.id));
          break;
        } catch (error) {
          options.log?.(`${route.id} failed (attempt ${attempt + 1}): ${String(error)}`);
        }
      }
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    deliverS3Event(event) {
      const delivery = deliverS3Event(event).finally(() => pending.delete(delivery));
      pending.add(delivery);
      return delivery;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
