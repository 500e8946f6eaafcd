import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import dynalite from 'dynalite';
import S3rver from 's3rver';

export interface EmbeddedServers {
  dynamoEndpoint: string;
  s3Endpoint: string;
  s3rver: S3rver;
  /** With `dynamoInChildProcess`: the CPU time the DynamoDB process has used so far. */
  dynamoCpuUsage?: () => Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

type DynaliteOptions = NonNullable<Parameters<typeof dynalite>[0]>;

/** A DynamoDB-compatible server: its port, and how to stop it. */
interface Dynamo {
  port: number;
  cpuUsage?: () => Promise<NodeJS.CpuUsage>;
  close(): Promise<void>;
}

/** How long a DynamoDB child process lives at most, whatever happens to its parent (a bench is minutes). */
const CHILD_LIFETIME_MS = 30 * 60_000;
/** How long the child may take to start listening. */
const CHILD_START_MS = 10_000;

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

async function dynamoInProcess(options: DynaliteOptions, port: number): Promise<Dynamo> {
  const server = dynalite(options);
  return {
    port: await listen(server, port),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The child's program (plain JavaScript, so no TypeScript loader to start): dynalite on loopback; it
 * prints its port as a JSON line, answers `{ cpu: n }` with its CPU time, and ends when asked, when its parent
 * goes (the IPC channel closes) or after its lifetime.
 */
const CHILD_PROGRAM = `
const dynalite = require(process.env.DYNALITE_MODULE);
const server = dynalite(JSON.parse(process.env.DYNALITE_OPTIONS));
server.listen(Number(process.env.DYNALITE_PORT), '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n');
});
process.on('message', (message) => { if (message && message.cpu) process.send({ cpu: message.cpu, usage: process.cpuUsage() }); });
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
});
setTimeout(() => process.exit(0), Number(process.env.DYNALITE_LIFETIME_MS)).unref();
`;

/** The environment without NODE_OPTIONS: the child runs plain JavaScript and needs no loader of ours. */
const withoutNodeOptions = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'NODE_OPTIONS'));

/**
 * dynalite in a `node` process of its own, as in AWS the database is not on the function's CPU: the
 * benchmark gives the gateway and the database a core each. Killed with the servers, or when this
 * process ends.
 */
async function dynamoInChildProcess(options: DynaliteOptions, port: number): Promise<Dynamo> {
  const child: ChildProcess = spawn(process.execPath, ['-e', CHILD_PROGRAM], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: {
      ...withoutNodeOptions(process.env),
      DYNALITE_MODULE: createRequire(import.meta.url).resolve('dynalite'),
      DYNALITE_OPTIONS: JSON.stringify(options),
      DYNALITE_PORT: String(port),
      DYNALITE_LIFETIME_MS: String(CHILD_LIFETIME_MS),
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let cpuQuestions = 0;
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('dynalite did not start in time')), CHILD_START_MS);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dynalite exited with ${code} before listening`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    port: listening,
    cpuUsage: () =>
      new Promise((resolve) => {
        const asked = ++cpuQuestions;
        const answer = (message: { cpu?: number; usage?: NodeJS.CpuUsage }) => {
          if (message.cpu !== asked || !message.usage) return;
          child.off('message', answer);
          resolve(message.usage);
        };
        child.on('message', answer);
        child.send({ cpu: asked });
      }),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

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
  /**
   * Runs dynalite in a child `node` process instead of this one (for the API benchmark: in AWS the
   * database does not share the function's CPU). Tests and `npm start` keep it in process.
   */
  dynamoInChildProcess?: boolean;
}): Promise<EmbeddedServers> {
  const dynamoDir = join(options.dataDir, 'dynamodb');
  const s3Dir = join(options.dataDir, 's3');
  mkdirSync(s3Dir, { recursive: true });
  if (!options.inMemoryTable) mkdirSync(dynamoDir, { recursive: true });

  const dynamoOptions = options.inMemoryTable ? { createTableMs: 0 } : { path: dynamoDir, createTableMs: 0 };
  const dynamo = await (options.dynamoInChildProcess ? dynamoInChildProcess : dynamoInProcess)(
    dynamoOptions,
    options.dynamoPort ?? 0,
  );

  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: options.s3Port ?? 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: options.bucket.name, configs: [options.bucket.cors] }],
  });
  const s3Address = await (s3rver.run() as Promise<AddressInfo>).catch(async (error: unknown) => {
    await dynamo.close();
    throw error;
  });

  return {
    dynamoEndpoint: `http://127.0.0.1:${dynamo.port}`,
    s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
    s3rver,
    ...(dynamo.cpuUsage ? { dynamoCpuUsage: dynamo.cpuUsage } : {}),
    async stop() {
      await s3rver.close();
      await dynamo.close();
    },
  };
}
