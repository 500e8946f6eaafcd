import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectClient, type S3RequestHandler } from '../../shared/store/s3-client.js';

/**
 * The AWS SDK's S3 client and ours (shared/store/s3-client.ts) side by side: same region, endpoint,
 * credentials, retries and request handler, so a test can ask both the same thing and compare the
 * answers byte for byte. The local S3 server checks no signature, so this comparison is what shows
 * that our presigned URLs and POST policies would pass in AWS.
 */
export interface Place {
  region: string;
  /** A custom endpoint, addressed path-style (the local S3 server); absent: AWS's regional endpoint. */
  endpoint?: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The places the evidence bucket is reached at: locally, in eu-west-2 (ours) and in us-east-1. */
export const PLACES: Place[] = [
  { region: 'eu-west-2', endpoint: 'http://127.0.0.1:4569' },
  { region: 'eu-west-2' },
  { region: 'us-east-1' },
  { region: 'ap-southeast-2' },
];

/** Long-term keys (no session token) and a role's temporary keys, as Lambda has them. */
export const CREDENTIALS: Credentials[] = [
  { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  {
    accessKeyId: 'ASIAEXAMPLE',
    secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
    sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCWV1LXdlc3QtMiJHMEUCIQDtoken+/=',
  },
];

/** A request handler for clients that must send nothing (presigning is local). */
export const sendsNothing: S3RequestHandler = {
  handle: () => Promise.reject(new Error('this client was not meant to send a request')),
};

/** One canned HTTP answer, as the SDK's NodeHttpHandler would hand it over. */
export function answer(statusCode: number, headers: Record<string, string> = {}, body: string | Uint8Array = '') {
  const bytes = Buffer.from(body);
  return {
    response: {
      statusCode,
      reason: '',
      headers: { ...headers, 'content-length': headers['content-length'] ?? String(bytes.length) },
      body: Readable.from([bytes]),
    },
  };
}

/** Both clients for one place and set of credentials, sharing `requestHandler`. */
export function s3Twins(
  place: Place,
  credentials: Credentials,
  options: { maxAttempts?: number; requestHandler?: S3RequestHandler } = {},
): { sdk: S3Client; ours: S3ObjectClient } {
  const requestHandler = options.requestHandler ?? sendsNothing;
  const maxAttempts = options.maxAttempts ?? 3;
  const sdk = new S3Client({
    region: place.region,
    ...(place.endpoint ? { endpoint: place.endpoint, forcePathStyle: true } : {}),
    credentials,
    maxAttempts,
    // As the SDK client was configured in shared/store/clients.ts before it was replaced.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: requestHandler as never,
  });
  const ours = new S3ObjectClient({
    region: place.region,
    ...(place.endpoint ? { endpoint: place.endpoint } : {}),
    credentials: async () => credentials,
    maxAttempts,
    requestHandler,
  });
  return { sdk, ours };
}

/** Runs `act` with `Date.now()` fixed (the SDK's presigned POST reads the clock itself). */
export async function atClock<T>(epochMs: number, act: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => epochMs;
  try {
    return await act();
  } finally {
    Date.now = realNow;
  }
}
