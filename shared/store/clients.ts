import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { config } from '../config.js';

/**
 * The only place SDK clients are made: once per process, reused across invocations.
 * Endpoints come from AWS_ENDPOINT_URL_* (the SDK reads them too), so the same code talks to
 * AWS or to the embedded local servers.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;

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
    documentClient = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return documentClient;
}

export function s3(): S3Client {
  if (!s3Client) {
    const { AWS_REGION, AWS_ENDPOINT_URL_S3 } = config();
    s3Client = new S3Client({
      region: AWS_REGION,
      endpoint: AWS_ENDPOINT_URL_S3,
      forcePathStyle: Boolean(AWS_ENDPOINT_URL_S3),
      // Newer SDKs add a checksum to presigned requests that S3 then rejects (toolchain.md).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler,
    });
  }
  return s3Client;
}

/** Tests swap in a client wrapped with injected faults; nothing else calls this. */
export function useClientsForTest(next: { dynamo?: DynamoDBDocumentClient; s3?: S3Client }): void {
  if (next.dynamo) documentClient = next.dynamo;
  if (next.s3) s3Client = next.s3;
}
