import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import dynalite from 'dynalite';
import S3rver from 's3rver';

export interface EmbeddedServers {
  dynamoEndpoint: string;
  s3Endpoint: string;
  s3rver: S3rver;
  stop(): Promise<void>;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

/**
 * Starts the DynamoDB-compatible (dynalite) and S3-compatible (s3rver) servers on loopback.
 * With a data folder both keep their data on disk across restarts; without one, dynalite keeps it
 * in memory and s3rver in a folder the caller gives (tests use a temporary one).
 */
export async function startEmbeddedServers(options: {
  dataDir: string;
  inMemoryTable?: boolean;
  /** Made (with its CORS configuration) when s3rver starts, if missing. */
  bucket: { name: string; cors: string };
  dynamoPort?: number;
  s3Port?: number;
}): Promise<EmbeddedServers> {
  const dynamoDir = join(options.dataDir, 'dynamodb');
  const s3Dir = join(options.dataDir, 's3');
  mkdirSync(s3Dir, { recursive: true });
  if (!options.inMemoryTable) mkdirSync(dynamoDir, { recursive: true });

  const dynamo = dynalite(options.inMemoryTable ? { createTableMs: 0 } : { path: dynamoDir, createTableMs: 0 });
  const dynamoPort = await listen(dynamo, options.dynamoPort ?? 0);

  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: options.s3Port ?? 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: options.bucket.name, configs: [options.bucket.cors] }],
  });
  const s3Address = (await s3rver.run()) as AddressInfo;

  return {
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
    s3rver,
    async stop() {
      await s3rver.close();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}
