import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import { claimsFor } from '../../infra/local/demo-claims.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/jwt-issuer.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import type { Role } from '../../infra/route-types.js';

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed-body tests. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface LocalWorld {
  stack: LocalStack;
  url: string;
  token(role: Role, user?: { userId?: string; orgCode?: string; name?: string }): Promise<string>;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<ApiAnswer<T>>;
  stop(): Promise<void>;
}

/**
 * A whole local Laurel for one test file: embedded DynamoDB (in memory) and S3 (in a temporary
 * folder) on ephemeral ports, and the gateway in front of the real handlers. The API benchmark asks
 * for DynamoDB in a process of its own (`dynamoInChildProcess`), as in AWS it is not on the function's CPU.
 */
export async function startLocalWorld(options: { dynamoInChildProcess?: boolean } = {}): Promise<LocalWorld> {
  // Tests provoke failures on purpose; their logs would bury the results. LAUREL_TEST_LOGS=1 shows them.
  process.env.POWERTOOLS_LOG_LEVEL ??= process.env.LAUREL_TEST_LOGS ? 'INFO' : 'SILENT';
  const dataDir = mkdtempSync(join(tmpdir(), 'laurel-test-'));
  const stack = await startLocalStack({
    dataDir,
    inMemoryTable: true,
    ...(options.dynamoInChildProcess ? { dynamoInChildProcess: true } : {}),
  });
  const url = stack.gateway.url;
  return {
    stack,
    url,
    token: (role, user = {}) =>
      stack.issuer.sign(
        claimsFor(role, {
          userId: user.userId ?? `test-${role}`,
          ...(user.orgCode ? { orgCode: user.orgCode } : {}),
          ...(user.name ? { name: user.name } : {}),
        }),
      ),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | Uint8Array | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        headers: response.headers,
        text,
        body: type.includes('json') && text ? JSON.parse(text) : text,
      };
    },
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A token signed by a key the gateway does not trust, or with other claims: for 401 tests. */
export async function foreignToken(options: { audience?: string; expired?: boolean } = {}): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claimsFor('organiser', { userId: 'intruder' }))
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expired ? Math.floor(Date.now() / 1000) - 60 : '1h')
    .sign(privateKey);
}
