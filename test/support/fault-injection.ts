import { Readable } from 'node:stream';
import {
  DynamoDBClient,
  InternalServerError,
  ProvisionedThroughputExceededException,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { dynamo, s3, useClientsForTest } from '../../shared/store/clients.js';
import { S3ObjectClient, type S3Operation } from '../../shared/store/s3-client.js';

/**
 * Faults injected at the clients the handlers use: the SDK's DynamoDB client and the S3 client of
 * shared/store/s3-client.ts. The handlers run in this process (the local gateway loads them), so
 * swapping the clients with `useClientsForTest` reaches every request.
 *
 * Two depths:
 * - `thrown`: the error is thrown before the retries, once per operation (DynamoDB: in the client's
 *   `initialize` step; S3: on calling the operation): the shapes are the SDK's own exception classes,
 *   built as the SDK builds them.
 * - `wire`: the fault is an HTTP answer (or a broken socket) at the client's request handler, so the
 *   client parses it, retries it (maxAttempts 3, with back-off) and throws what it really throws.
 */
export type Service = 'dynamodb' | 's3';

export interface Fault {
  service: Service;
  /** The SDK operation (`PutItem`, `HeadObject`), or every operation when absent. */
  operation?: string;
  /** Let this many matching calls through first (the GetItem before the PutItem, say). */
  after?: number;
  /** Fail this many matching calls, then let them through again; every one when absent. */
  times?: number;
  /** What happens to a failed call. */
  error: () => Error;
  /** Where: thrown before the SDK's retries, or on the wire beneath them (default thrown). */
  depth?: 'thrown' | 'wire';
}

/** A canned HTTP answer for a `wire` fault: the SDK turns it into its error. */
export class WireAnswer extends Error {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string>,
    readonly body: string,
  ) {
    super(`HTTP ${statusCode}`);
  }
}

const metadata = (httpStatusCode: number) => ({ httpStatusCode, attempts: 3, totalRetryDelay: 0 });

/** The fault shapes of the SDK: exceptions as it throws them, and Node socket errors. */
export const faults = {
  throttling: () =>
    new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: metadata(400) }),
  provisionedThroughput: () =>
    new ProvisionedThroughputExceededException({
      message: 'The level of configured provisioned throughput for the table was exceeded.',
      $metadata: metadata(400),
    }),
  requestLimit: () =>
    Object.assign(new Error('Throughput exceeds the current throughput limit for your account.'), {
      name: 'RequestLimitExceeded',
      $fault: 'client',
      $metadata: metadata(400),
    }),
  dynamoServerError: () => new InternalServerError({ message: 'Internal server error', $metadata: metadata(500) }),
  s3SlowDown: () =>
    new S3ServiceException({
      name: 'SlowDown',
      $fault: 'server',
      message: 'Please reduce your request rate.',
      $metadata: metadata(503),
    }),
  s3Unknown503: () =>
    new S3ServiceException({ name: 'Unknown', $fault: 'server', message: 'UnknownError', $metadata: metadata(503) }),
  connectionReset: () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }),
  connectionRefused: () => Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }),
  timeout: () =>
    Object.assign(new Error('a request has exceeded the configured 2000 ms requestTimeout'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
    }),
  dnsTryAgain: () =>
    Object.assign(new Error('getaddrinfo EAI_AGAIN dynamodb.eu-west-2.amazonaws.com'), { code: 'EAI_AGAIN' }),
  /** DynamoDB's answer to throttling, on the wire. */
  wireDynamoThrottling: () =>
    new WireAnswer(
      400,
      { 'content-type': 'application/x-amz-json-1.0' },
      JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded' }),
    ),
  /** S3's answer to too many requests, on the wire. */
  wireS3SlowDown: () =>
    new WireAnswer(
      503,
      { 'content-type': 'application/xml' },
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
    ),
  /** A load balancer's HTML page instead of JSON. */
  wireBadGateway: () =>
    new WireAnswer(502, { 'content-type': 'text/html' }, '<html><body>502 Bad Gateway</body></html>'),
} as const;

interface Armed extends Fault {
  seen: number;
  failed: number;
}

const operationOf = (commandName: string) => commandName.replace(/Command$/, '');

/** Fault-injecting copies of the real clients; `install()` swaps them in, `restore()` swaps back. */
export function faultInjector() {
  const real = { dynamo: dynamo(), s3: s3() };
  const armed: Armed[] = [];
  const calls: string[] = [];

  /** The fault that takes this call, if any (counting the call against every matching fault). */
  const take = (service: Service, operation: string, depth: 'thrown' | 'wire'): Armed | undefined => {
    let chosen: Armed | undefined;
    for (const f of armed) {
      if (f.service !== service || (f.depth ?? 'thrown') !== depth || (f.operation && f.operation !== operation))
        continue;
      f.seen++;
      const due = f.seen > (f.after ?? 0) && f.failed < (f.times ?? Infinity);
      if (due && !chosen) {
        f.failed++;
        chosen = f;
      }
    }
    return chosen;
  };

  /** Beneath the retries: the request handler answers (or breaks) as a failing service would. */
  function wireFaults(handler: { handle: (request: any, options?: any) => Promise<any> }, service: Service) {
    const send = handler.handle.bind(handler);
    handler.handle = async (request: any, options?: any) => {
      const target = String(request.headers?.['x-amz-target'] ?? '');
      const operation = service === 'dynamodb' ? (target.split('.')[1] ?? '') : s3Operation(request);
      const fault = take(service, operation, 'wire');
      if (!fault) return send(request, options);
      const error = fault.error();
      if (!(error instanceof WireAnswer)) throw error;
      return {
        response: {
          statusCode: error.statusCode,
          reason: '',
          headers: { ...error.headers, 'content-length': String(Buffer.byteLength(error.body)) },
          body: Readable.from([Buffer.from(error.body)]),
        },
      };
    };
  }

  function wrapDynamo(client: DynamoDBClient): DynamoDBClient {
    const stack = client.middlewareStack as unknown as {
      add(
        middleware: (
          next: (args: unknown) => Promise<unknown>,
          context: { commandName?: string },
        ) => (args: unknown) => Promise<unknown>,
        options: { step: 'initialize'; name: string; priority: 'high' },
      ): void;
    };
    stack.add(
      (next, context) => async (args) => {
        const operation = operationOf(context.commandName ?? '');
        calls.push(`dynamodb:${operation}`);
        const fault = take('dynamodb', operation, 'thrown');
        if (fault) throw fault.error();
        return next(args);
      },
      { step: 'initialize', name: 'injectFaults', priority: 'high' },
    );
    wireFaults(client.config.requestHandler as { handle: (request: any, options?: any) => Promise<any> }, 'dynamodb');
    return client;
  }

  /** The S3 client's operations throw before its retries; its request handler fails beneath them. */
  function wrapS3(client: S3ObjectClient): S3ObjectClient {
    const operations: Record<S3Operation, 'headObject' | 'getObject' | 'deleteObject'> = {
      HeadObject: 'headObject',
      GetObject: 'getObject',
      DeleteObject: 'deleteObject',
    };
    for (const [operation, method] of Object.entries(operations)) {
      const real = (client[method] as (args: any) => Promise<any>).bind(client);
      (client as any)[method] = async (args: any) => {
        calls.push(`s3:${operation}`);
        const fault = take('s3', operation, 'thrown');
        if (fault) throw fault.error();
        return real(args);
      };
    }
    wireFaults(client.config.requestHandler, 's3');
    return client;
  }

  // Fresh clients with the real ones' region, endpoint, retries and credentials, and handlers of their own
  // (so wrapping them leaves the real clients untouched).
  const dynamoBase = wrapDynamo(
    new DynamoDBClient({
      region: real.dynamo.config.region,
      endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB,
      maxAttempts: real.dynamo.config.maxAttempts,
      credentials: real.dynamo.config.credentials,
    }),
  );
  const faulty = {
    dynamo: DynamoDBDocumentClient.from(dynamoBase, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    }),
    s3: wrapS3(
      new S3ObjectClient({
        region: real.s3.config.region,
        ...(real.s3.config.endpoint ? { endpoint: real.s3.config.endpoint } : {}),
        maxAttempts: real.s3.config.maxAttempts,
        requestHandler: new NodeHttpHandler(),
        // Presigning sends nothing: a presign fault is a failure to sign (the credentials), armed as operation `presign`.
        credentials: async () => {
          const fault = take('s3', 'presign', 'thrown');
          if (fault) throw fault.error();
          return real.s3.config.credentials();
        },
      }),
    ),
  };

  return {
    /** Every SDK operation sent through the faulty clients, as `service:Operation`. */
    calls,
    install: () => useClientsForTest(faulty),
    restore: () => useClientsForTest(real),
    /** Arms a fault; it stays armed until `disarm()`. */
    inject(fault: Fault) {
      armed.push({ ...fault, seen: 0, failed: 0 });
    },
    /** Takes every fault away; the calls seen stay readable until `reset()`. */
    disarm() {
      armed.length = 0;
    },
    reset() {
      armed.length = 0;
      calls.length = 0;
    },
  };
}

/** The S3 operation of a raw request, enough for the operations the evidence code sends. */
function s3Operation(request: { method?: string; query?: Record<string, unknown> }): string {
  switch (request.method) {
    case 'HEAD':
      return 'HeadObject';
    case 'GET':
      return 'GetObject';
    case 'DELETE':
      return 'DeleteObject';
    case 'PUT':
      return 'PutObject';
    default:
      return request.method ?? '';
  }
}
