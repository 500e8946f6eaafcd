import { S3Client } from '@aws-sdk/client-s3';
import { config } from '../../shared/config.js';

const clients = new Map<string, S3Client>();

/**
 * The AWS SDK's full S3 client, aimed at the running local world's bucket: for chores outside a
 * request path (seeding demo files) and for tests that look at or plant objects behind the API's back.
 * The handlers use shared/store/s3-client.ts, which has only the operations they need; this client
 * is a devDependency and never in a Lambda bundle.
 */
export function localS3(): S3Client {
  const { AWS_REGION, AWS_ENDPOINT_URL_S3 } = config();
  if (!AWS_ENDPOINT_URL_S3) throw new Error('localS3() needs the local world (AWS_ENDPOINT_URL_S3)');
  let client = clients.get(AWS_ENDPOINT_URL_S3);
  if (!client) {
    client = new S3Client({
      region: AWS_REGION,
      endpoint: AWS_ENDPOINT_URL_S3,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    clients.set(AWS_ENDPOINT_URL_S3, client);
  }
  return client;
}
