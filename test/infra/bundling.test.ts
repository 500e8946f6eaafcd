import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import * as esbuild from 'esbuild';
import { esbuildOptions, repoRoot } from '../../infra/bundling.js';
import { ServiceFunction } from '../../infra/constructs/service-function.js';
import { setUpProgramme, submittedEntry } from '../support/fixtures.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

// One function that reads the table (so its bundle carries the DynamoDB client and its credential chain).
const HANDLER = 'functions/entries/get-entry.ts';

let workDir: string;
let benchFile: string;
let cdkBundle: Buffer;
let benchBundle: Buffer;
let bundledInputs: string[];
beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'laurel-bundling-'));
  const app = new App({ outdir: join(workDir, 'cdk.out') });
  const target = new ServiceFunction(new Stack(app, 'Bundling'), 'GetEntry', {
    handler: HANDLER,
    description: 'bundling test',
    environment: {},
  });
  app.synth();
  const asset = target.fn.node.findChild('Code') as Asset;
  cdkBundle = readFileSync(join(app.outdir, asset.assetPath, 'index.mjs'));

  benchFile = join(workDir, 'bench', 'index.mjs');
  const built = await esbuild.build({ ...esbuildOptions(join(repoRoot, HANDLER), benchFile), metafile: true });
  benchBundle = readFileSync(benchFile);
  bundledInputs = Object.keys(built.metafile.inputs);
}, 60_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('function bundling', () => {
  it('is one set of settings: the esbuild call bench:cold makes gives the CDK asset byte for byte', () => {
    expect(benchBundle.equals(cdkBundle)).toBe(true);
  });

  it("carries Lambda's credential chain (environment, container endpoint) instead of the SDK's whole chain", () => {
    expect(bundledInputs).toContain('shared/store/lambda-credentials.ts');
    const sdkChain = bundledInputs.filter((input) =>
      /@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|login)|nested-clients|token-providers)\//.test(
        input,
      ),
    );
    expect(sdkChain).toEqual([]);
  });

  it('runs in a plain Node.js process and answers a request, signing its DynamoDB calls with that chain', async () => {
    // Prepare
    const world: LocalWorld = await startLocalWorld();
    try {
      const { entryId } = await submittedEntry(world, await setUpProgramme(world));
      const event = {
        version: '2.0',
        rawPath: `/entries/${entryId}`,
        headers: {},
        pathParameters: { entryId },
        isBase64Encoded: false,
        requestContext: {
          requestId: 'bundle-test',
          http: { method: 'GET', path: `/entries/${entryId}` },
          authorizer: { jwt: { claims: { sub: 'organiser-1', 'cognito:groups': '[organisers]' } } },
        },
      };
      const script = `
        const { handler } = await import(${JSON.stringify(pathToFileURL(benchFile).href)});
        const context = { awsRequestId: 'bundle-test', functionName: 'getEntry', getRemainingTimeInMillis: () => 10000 };
        console.log(JSON.stringify(await handler(JSON.parse(process.argv[1]), context)));`;
      // What Lambda gives a function: its variables and the execution role's keys, nothing from this process.
      const lambdaEnv = {
        PATH: process.env.PATH ?? '',
        ...Object.fromEntries(
          ['TABLE_NAME', 'BUCKET_NAME', 'AWS_REGION', 'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_S3'].map(
            (name) => [name, process.env[name] ?? ''],
          ),
        ),
        AWS_ACCESS_KEY_ID: 'ASIALAMBDA',
        AWS_SECRET_ACCESS_KEY: 'lambda-secret',
        AWS_SESSION_TOKEN: 'lambda-session',
        POWERTOOLS_LOG_LEVEL: 'WARN',
      };

      // Act
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', script, JSON.stringify(event)],
        { env: lambdaEnv },
      );

      // Assess
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { statusCode: number; body: string };
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body)).toMatchObject({ entryId });
    } finally {
      await world.stop();
    }
  }, 30_000);
});
