import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { routeList } from '../routes.js';
import type { Route } from '../route-types.js';
import { startEmbeddedServers, type EmbeddedServers } from './embedded-servers.js';
import { startGateway, type Gateway } from './gateway.js';
import { localIssuer, type LocalIssuer } from './jwt-issuer.js';
import { ensureTable, LOCAL_BUCKET_CORS } from './provision.js';

export const LOCAL_TABLE = 'laurel-local';
export const LOCAL_BUCKET = 'laurel-evidence-local';

export interface LocalStack {
  servers: EmbeddedServers;
  gateway: Gateway;
  issuer: LocalIssuer;
  stop(): Promise<void>;
}

/**
 * The whole local world: embedded DynamoDB and S3 on loopback, the table and bucket, the
 * environment the handlers read, the token issuer and the gateway over the route table.
 * `npm start` and the integration and end-to-end tests all start it the same way.
 */
export async function startLocalStack(options: {
  dataDir: string;
  inMemoryTable?: boolean;
  port?: number;
  routes?: readonly Route[];
  log?: (line: string) => void;
  /** dynalite in a process of its own (the API benchmark); see startEmbeddedServers. */
  dynamoInChildProcess?: boolean;
}): Promise<LocalStack> {
  const servers = await startEmbeddedServers({
    dataDir: options.dataDir,
    bucket: { name: LOCAL_BUCKET, cors: LOCAL_BUCKET_CORS },
    ...(options.inMemoryTable !== undefined ? { inMemoryTable: options.inMemoryTable } : {}),
    ...(options.dynamoInChildProcess ? { dynamoInChildProcess: true } : {}),
  });
  Object.assign(process.env, {
    TABLE_NAME: LOCAL_TABLE,
    BUCKET_NAME: LOCAL_BUCKET,
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: servers.dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: servers.s3Endpoint,
    DOCS_ASSETS_DIR: dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')),
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  });
  await ensureTable(servers.dynamoEndpoint, LOCAL_TABLE);
  const issuer = await localIssuer(options.dataDir);
  const gateway = await startGateway({
    routes: options.routes ?? routeList,
    issuer,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  servers.s3rver.on('event', (event: unknown) => {
    void gateway.deliverS3Event(JSON.parse(JSON.stringify(event)) as Parameters<Gateway['deliverS3Event']>[0]);
  });
  return {
    servers,
    gateway,
    issuer,
    async stop() {
      await gateway.settled();
      await gateway.close();
      await servers.stop();
    },
  };
}
