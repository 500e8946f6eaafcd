import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { config } from '../config.js';
import { S3ObjectClient } from './s3-client.js';

/**
 * The only place SDK clients are made: once per process, reused across invocations.
 * Endpoints come from AWS_ENDPOINT_URL_* (the SDK reads them too), so the same code talks to
 * AWS or to the embedded local servers.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3ObjectClient | undefined;

/**
 * A service that takes a connection and never answers must fail fast enough for the SDK's three
 * attempts and a 503 to fit in the function's 10 s (without it the SDK only logs a warning and
 * waits for ever): 1 s to connect, 2 s for an answer to begin.
 */
const requestHandler = { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true };

export function dynamo(): DynamoDBDocumentClient {
  if (!documentClient) {
    const { AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB } = config();
    const base = new DynamoDBClient({
      region: AWS_REGION,
      endpoint: AWS_ENDPOINT_URL_DYNAMODB,
      maxAttempts: 3,
      requestHandler,
    });
    // The logger middleware copies every input and output through the schema's sensitive-data filter
    // for `logger.info`, even to the SDK's default no-op logger: a walk of every item read, per call,
    // for nothing (no logger is configured; errors still reach the caller).
    base.middlewareStack.remove('loggerMiddleware');
    documentClient = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return documentClient;
}

/**
 * The evidence bucket's client: the few S3 operations the evidence code uses (shared/store/s3-client.ts),
 * on the SDK's signer, credentials, HTTP handler and retries, without the ~150 KB of client-s3.
 */
export function s3(): S3ObjectClient {
  if (!s3Client) {
    const { AWS_REGION, AWS_ENDPOINT_URL_S3 } = config();
    s3Client = new S3ObjectClient({
      region: AWS_REGION,
      // Set locally (the embedded S3 server, addressed path-style); in AWS the regional endpoint.
      ...(AWS_ENDPOINT_URL_S3 ? { endpoint: AWS_ENDPOINT_URL_S3 } : {}),
      // The SDK's default chain; in a Lambda bundle, the Lambda sources only (infra/bundling.ts).
      credentials: defaultProvider(),
      maxAttempts: 3,
      requestHandler: new NodeHttpHandler(requestHandler),
    });
  }
  return s3Client;
}

/** Tests swap in a client wrapped with injected faults; nothing else calls this. */
export function useClientsForTest(next: { dynamo?: DynamoDBDocumentClient; s3?: S3ObjectClient }): void {
  if (next.dynamo) documentClient = next.dynamo;
  if (next.s3) s3Client = next.s3;
}
