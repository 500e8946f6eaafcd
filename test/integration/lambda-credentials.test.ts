import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { defaultProvider } from '../../shared/store/lambda-credentials.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

/**
 * The credential chain the Lambda bundles use instead of the SDK's (infra/bundling.ts aliases it in):
 * the execution role's keys from the environment, else Lambda's container credentials endpoint.
 */
const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
];
const saved = Object.fromEntries(CREDENTIAL_VARIABLES.map((name) => [name, process.env[name]]));

function setEnvironment(values: Record<string, string | undefined>): void {
  for (const name of CREDENTIAL_VARIABLES) delete process.env[name];
  for (const [name, value] of Object.entries(values)) if (value !== undefined) process.env[name] = value;
}

/** A stand-in for Lambda's credentials endpoint: answers each GET with keys expiring `expiresInMs` from now. */
async function credentialsEndpoint(expiresInMs: number) {
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    served.push(String(req.headers.authorization));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        AccessKeyId: `ASIACONTAINER${served.length}`,
        SecretAccessKey: 'container-secret',
        Token: 'container-session',
        Expiration: new Date(Date.now() + expiresInMs).toISOString(),
      }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `http://127.0.0.1:${port}/credentials`,
    served,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

let world: LocalWorld;
beforeAll(async () => {
  world = await startLocalWorld();
});
afterAll(async () => {
  setEnvironment(saved);
  await world.stop();
});
afterEach(() => setEnvironment(saved));

describe('the Lambda credential chain', () => {
  it("takes the execution role's keys from the environment, with the session token", async () => {
    // Prepare
    setEnvironment({
      AWS_ACCESS_KEY_ID: 'ASIAENV',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
      AWS_SESSION_TOKEN: 'env-session',
    });

    // Act
    const credentials = await defaultProvider()();

    // Assess
    expect(credentials).toMatchObject({
      accessKeyId: 'ASIAENV',
      secretAccessKey: 'env-secret',
      sessionToken: 'env-session',
    });
  });

  it('falls back to the container credentials endpoint, sending its authorization token', async () => {
    // Prepare
    const endpoint = await credentialsEndpoint(60 * 60 * 1000);
    setEnvironment({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.uri,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: 'lambda-token',
    });

    try {
      // Act
      const credentials = await defaultProvider()();

      // Assess
      expect(credentials).toMatchObject({ accessKeyId: 'ASIACONTAINER1', sessionToken: 'container-session' });
      expect(endpoint.served).toEqual(['lambda-token']);
    } finally {
      await endpoint.close();
    }
  });

  it('keeps what it found until five minutes before expiry, then fetches again', async () => {
    // Prepare
    const lasting = await credentialsEndpoint(60 * 60 * 1000);
    const expiring = await credentialsEndpoint(4 * 60 * 1000);

    try {
      // Act
      setEnvironment({ AWS_CONTAINER_CREDENTIALS_FULL_URI: lasting.uri });
      const kept = defaultProvider();
      await Promise.all([kept(), kept()]);
      await kept();
      setEnvironment({ AWS_CONTAINER_CREDENTIALS_FULL_URI: expiring.uri });
      const refreshed = defaultProvider();
      await refreshed();
      const second = await refreshed();

      // Assess
      expect(lasting.served).toHaveLength(1);
      expect(expiring.served).toHaveLength(2);
      expect(second.accessKeyId).toBe('ASIACONTAINER2');
    } finally {
      await Promise.all([lasting.close(), expiring.close()]);
    }
  });

  it('fails with the environment provider’s error when Lambda gave neither keys nor an endpoint', async () => {
    // Prepare
    setEnvironment({});

    // Act, Assess
    await expect(defaultProvider()()).rejects.toThrow(/environment variable credentials/);
  });

  it('signs requests when an SDK client uses it as its default chain', async () => {
    // Prepare
    setEnvironment({ AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
    const client = new DynamoDBClient({
      region: 'eu-west-2',
      endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB!,
      credentialDefaultProvider: defaultProvider,
    });

    // Act
    const tables = await client.send(new ListTablesCommand({}));

    // Assess
    expect(tables.TableNames).toContain(process.env.TABLE_NAME);
  });
});
