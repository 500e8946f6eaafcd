/**
 * How much does the API add to the data access under it, on the hot routes?
 *
 *   npm run bench:api                                   10 s per route, 10 connections
 *   npm run bench:api -- --duration 5 --connections 20
 *   npm run bench:api -- --only getEntry                  one route (by route-table id)
 *   npm run bench:api -- --only getEntry --profile /tmp/prof   also a CPU profile of the world process
 *                                                       while the load is measured: <dir>/<routeId>.cpuprofile
 *   npm run bench:api -- --judge-org RXX                  judges whose tokens name an organisation (not
 *                                                       the entries'), so their list checks it is recorded
 *   npm run bench:api -- --dynamo-in-process              dynalite on the gateway's thread, as before issue 7
 *                                                       (for comparison; the DB's CPU is then the world's)
 *
 * Starts a local world (embedded DynamoDB and S3, the gateway and the real handlers, as the e2e tests
 * do) with one difference: DynamoDB (dynalite) runs in a `node` process of its own, as in AWS the
 * database is not on the function's CPU. Seeds a programme, a category, submitted entries and judges
 * assigned to every entry, then for each hot route:
 *   1. calls it once per connection's caller and records the DynamoDB calls it makes (what, and which
 *      ran side by side), through the process's one DocumentClient;
 *   2. drives it with autocannon from another process (so the load generator does not share the
 *      gateway's thread; gateway, database and load are three processes on the machine's cores) for
 *      the duration;
 *   3. replays the recorded DynamoDB calls straight through the same DocumentClient to the same
 *      DynamoDB process, with the same concurrency and for the same time: the raw round trip of the
 *      same data access.
 * and prints p50/p99/throughput of both and the ratio p50 API / p50 raw. Targets (issue 7): ratio
 * ≤ 1.5, ≥ 500 req/s. A route missing from the route table is skipped with a note.
 * A script, not a test: it prints figures.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HttpMethod, Route } from '../infra/route-types.js';

const TARGET_RATIO = 1.5;
const TARGET_RPS = 500;
const ENTRIES = 12;

/** One autocannon run: the same request from every connection, each connection acting for one caller. */
interface LoadPlan {
  url: string;
  method: HttpMethod;
  path: string;
  connections: number;
  warmUpSeconds: number;
  seconds: number;
  /** Bearer token of connection i is tokens[i % tokens.length]. */
  tokens: string[];
  body?: string;
  /** Send If-Match with the ETag of the connection's last answer (starting from these). */
  ifMatch?: string[];
}

interface Figures {
  p50: number;
  p99: number;
  perSecond: number;
  count: number;
  failures: number;
  /** What the failures were: status codes, connection errors, timeouts. */
  failed?: Record<string, number>;
  /** CPU time of the world's process (gateway, handlers, SDK) per answer. */
  cpuMs?: number;
  /** CPU time of the DynamoDB process per answer. */
  dbCpuMs?: number;
}

/** CPU milliseconds this process has used since `since`. */
const cpuSince = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

/** The CPU time of the DynamoDB process so far, when it runs in one of its own. */
type DbCpu = () => Promise<NodeJS.CpuUsage>;
const cpuMsBetween = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) =>
  (to.user - from.user + to.system - from.system) / 1000;

/** The value after `--name` on the command line. */
const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const flag = (name: string, fallback: number) => Number(argument(name) ?? fallback);

function figures(latencies: number[], seconds: number, failed: Record<string, number> = {}): Figures {
  const failures = Object.values(failed).reduce((a, b) => a + b, 0);
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), perSecond: sorted.length / seconds, count: sorted.length, failures, failed };
}

// ---------------------------------------------------------------------------------------------------
// The load generator: a child process that runs autocannon and reports the answers' latencies.

/**
 * One autocannon run of warm-up plus measured time; answers during the warm-up are not counted. (Two
 * runs would lose the answers in flight when the first stops, and with them the score sheets' ETags.)
 */
async function generateLoad(plan: LoadPlan): Promise<Figures> {
  const { default: autocannon } = await import('autocannon');
  const etags = plan.ifMatch ? [...plan.ifMatch] : [];
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  let measuring = false;
  let connection = 0;
  const started = performance.now();
  const measureFrom = started + plan.warmUpSeconds * 1000;
  return new Promise<Figures>((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        duration: plan.warmUpSeconds + plan.seconds,
        setupClient: (client) => {
          const i = connection++;
          const headers: Record<string, string> = {
            authorization: `Bearer ${plan.tokens[i % plan.tokens.length]}`,
            ...(plan.body ? { 'content-type': 'application/json' } : {}),
          };
          client.setRequests([
            {
              method: plan.method,
              path: plan.path,
              ...(plan.body ? { body: plan.body } : {}),
              headers,
              ...(plan.ifMatch
                ? {
                    setupRequest: (request) => ({
                      ...request,
                      headers: { ...headers, 'if-match': etags[i % etags.length]! },
                    }),
                    onResponse: (status, _body, _context, responseHeaders) => {
                      const etag = responseHeaders?.etag;
                      if (status === 200 && typeof etag === 'string') etags[i % etags.length] = etag;
                    },
                  }
                : {}),
            },
          ]);
        },
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (performance.now() - measureFrom) / 1000;
        resolve(
          figures(latencies, seconds, {
            ...failed,
            ...(result.errors ? { 'connection errors': result.errors } : {}),
            ...(result.timeouts ? { timeouts: result.timeouts } : {}),
          }),
        );
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (!measuring && performance.now() >= measureFrom) {
        measuring = true;
        process.send!({ measuring: true });
      }
      if (!measuring) return;
      if (status >= 200 && status < 300) latencies.push(responseTime);
      else failed[`HTTP ${status}`] = (failed[`HTTP ${status}`] ?? 0) + 1;
    });
  });
}

/**
 * Runs the load from a child process; meanwhile counts this process's CPU time over the measured
 * part, and with `profile` records a CPU profile of it (for Chrome DevTools or speedscope).
 */
function loadFromChild(plan: LoadPlan, dbCpu: DbCpu, profile?: string): Promise<Figures> {
  const profiler = profile ? new Session() : undefined;
  const post = (method: string) =>
    new Promise<unknown>((done, fail) =>
      profiler!.post(method, (error, result) => (error ? fail(error) : done(result))),
    );
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--load-generator'], { execArgv: ['--import', 'tsx'] });
    let cpuStart = process.cpuUsage();
    let dbStart: Promise<NodeJS.CpuUsage> | undefined;
    child.on('message', async (message: { measuring?: true; result?: Figures; error?: string }) => {
      if (message.measuring) {
        cpuStart = process.cpuUsage();
        dbStart = dbCpu();
        if (profiler) {
          profiler.connect();
          await post('Profiler.enable');
          await post('Profiler.start');
        }
      } else if (message.result) {
        const cpuMs = cpuSince(cpuStart) / message.result.count;
        const dbCpuMs = cpuMsBetween(await dbStart!, await dbCpu()) / message.result.count;
        if (profiler) {
          const { profile: recorded } = (await post('Profiler.stop')) as { profile: unknown };
          writeFileSync(profile!, JSON.stringify(recorded));
          profiler.disconnect();
        }
        resolve({ ...message.result, cpuMs, dbCpuMs });
      } else reject(new Error(message.error));
    });
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
    child.send(plan);
  });
}

// ---------------------------------------------------------------------------------------------------
// The world, the recording of each route's DynamoDB calls and their raw replay.

async function main(): Promise<void> {
  const [{ routes }, { startLocalWorld }, fixtures, { dynamo }] = await Promise.all([
    import('../infra/routes.js'),
    import('../test/support/local-world.js'),
    import('../test/support/fixtures.js'),
    import('../shared/store/clients.js'),
  ]);
  const connections = flag('connections', 10);
  const seconds = flag('duration', 10);
  const rawSeconds = Math.max(2, Math.round(seconds / 2));
  const judgeOrg = argument('judge-org');

  const dynamoInProcess = process.argv.includes('--dynamo-in-process');
  const world = await startLocalWorld({ dynamoInChildProcess: !dynamoInProcess });
  // In process, the database's CPU is counted in the world's: there is none to count apart.
  const dbCpu: DbCpu = world.stack.servers.dynamoCpuUsage ?? (async () => ({ user: 0, system: 0 }));
  try {
    // Prepare: a programme open for entries, submitted entries, judges assigned to every entry.
    const setup = await fixtures.setUpProgramme(world);
    const entryIds: string[] = [];
    for (let i = 0; i < ENTRIES; i++) entryIds.push((await fixtures.submittedEntry(world, setup)).entryId);
    const judgeIds = Array.from({ length: connections }, (_, i) => `bench-judge-${String(i + 1).padStart(2, '0')}`);
    const judgeTokens = await Promise.all(
      judgeIds.map((userId) => world.token('judge', { userId, ...(judgeOrg ? { orgCode: judgeOrg } : {}) })),
    );
    for (const judgeId of judgeIds) {
      for (const entryId of entryIds) {
        await fixtures.assignInStore(setup, entryId, judgeId, 'bench');
      }
    }
    const entryId = entryIds[0]!;
    const scoreBody = JSON.stringify({
      scores: Object.fromEntries(fixtures.HSJ_CRITERIA.map((c) => [c.id, 7])),
      comment: 'Clear outcomes for patients',
      final: false,
    });

    // Every DynamoDB call of the process goes through this one DocumentClient: record them on demand.
    const client = dynamo();
    const send = client.send.bind(client) as (command: Command) => Promise<unknown>;
    let recording: Call[] | undefined;
    (client as { send: unknown }).send = async (command: Command) => {
      if (!recording) return send(command);
      const call: Call = { command, started: performance.now(), ended: 0 };
      recording.push(call);
      try {
        return await send(command);
      } finally {
        call.ended = performance.now();
      }
    };

    interface Hot {
      name: string;
      routeId: string;
      method: HttpMethod;
      /** Values for the row's path parameters. */
      params?: Record<string, string>;
      tokens: string[];
      body?: string;
      /** Score sheets are saved with If-Match, as a client does after its first save. */
      ifMatch?: boolean;
    }
    const hot: Hot[] = [
      {
        name: 'read entry (organiser)',
        routeId: 'getEntry',
        method: 'GET',
        params: { entryId },
        tokens: [setup.organiser],
      },
      { name: 'list assignments (judge)', routeId: 'myAssignments', method: 'GET', tokens: judgeTokens },
      {
        name: 'save score (judge)',
        routeId: 'saveMyScore',
        method: 'PUT',
        params: { entryId },
        tokens: judgeTokens,
        body: scoreBody,
        ifMatch: true,
      },
    ];

    const rows: Record<string, string | number>[] = [];
    const notes: string[] = [];
    const only = argument('only');
    for (const hotRoute of hot.filter((h) => !only || h.routeId === only)) {
      const row = (routes as Record<string, Route | undefined>)[hotRoute.routeId];
      if (row?.kind !== 'http' || row.method !== hotRoute.method) {
        notes.push(
          `${hotRoute.name}: skipped, no ${hotRoute.method} route "${hotRoute.routeId}" in the route table (yet).`,
        );
        continue;
      }
      const route = {
        ...hotRoute,
        path: row.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(hotRoute.params?.[name] ?? '')),
      };

      // Record: one call per caller, as the load will make it (a score sheet's first save is not recorded).
      const etags: string[] = [];
      const waves: Command[][][] = [];
      let refused: string | undefined;
      for (const token of route.tokens) {
        let ifMatch: string | undefined;
        if (route.ifMatch) {
          const first = await world.call(route.method, route.path, { token, body: JSON.parse(route.body!) });
          if (first.status !== 200) refused ??= `its first save answered ${first.status} ${first.text}`;
          ifMatch = first.headers.get('etag') ?? undefined;
        }
        recording = [];
        const answer = await world.call(route.method, route.path, {
          token,
          ...(route.body ? { body: JSON.parse(route.body) } : {}),
          ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
        });
        const calls = recording;
        recording = undefined;
        if (answer.status !== 200) refused ??= `it answered ${answer.status} ${answer.text}`;
        if (route.ifMatch) etags.push(answer.headers.get('etag') ?? '');
        waves.push(inWaves(calls));
      }
      if (refused) {
        notes.push(`${route.name}: skipped, ${refused.slice(0, 300)}`);
        continue;
      }

      const profileDir = argument('profile');
      if (profileDir) mkdirSync(profileDir, { recursive: true });
      const api = await loadFromChild(
        {
          url: world.url,
          method: route.method,
          path: route.path,
          connections,
          warmUpSeconds: 2,
          seconds,
          tokens: route.tokens,
          ...(route.body ? { body: route.body } : {}),
          ...(route.ifMatch ? { ifMatch: etags } : {}),
        },
        dbCpu,
        profileDir ? join(profileDir, `${route.routeId}.cpuprofile`) : undefined,
      );
      await replay(send, waves, connections, 1, dbCpu);
      const raw = await replay(send, waves, connections, rawSeconds, dbCpu);

      const ratio = api.p50 / raw.p50;
      const misses = [ratio > TARGET_RATIO ? 'ratio' : '', api.perSecond < TARGET_RPS ? 'req/s' : ''].filter(Boolean);
      const shape = waves[0]!.map((wave) => wave.map(commandName).join(' ∥ ')).join(' → ');
      rows.push({
        route: route.name,
        'API p50 ms': round(api.p50),
        'API p99 ms': round(api.p99),
        'API req/s': Math.round(api.perSecond),
        failed: api.failures,
        'raw p50 ms': round(raw.p50),
        'raw p99 ms': round(raw.p99),
        'raw ops/s': Math.round(raw.perSecond),
        'p50 ratio': round(ratio),
        'CPU ms/req API (raw)': `${round(api.cpuMs!)} (${round(raw.cpuMs!)})`,
        'DB CPU ms/req API (raw)': dynamoInProcess ? 'in world' : `${round(api.dbCpuMs!)} (${round(raw.dbCpuMs!)})`,
        target: misses.length ? `MISSED: ${misses.join(', ')}` : 'ok',
      });
      notes.push(`${route.name}: ${route.method} ${row.path} makes ${shape}`);
      for (const [side, result] of [
        ['API', api],
        ['raw', raw],
      ] as const) {
        if (result.failures) notes.push(`  ${side} failures: ${JSON.stringify(result.failed)}`);
      }
    }

    console.table(rows);
    for (const line of notes) console.log(line);
    console.log(
      `${connections} connections, ${seconds} s per route after 2 s of warm-up (raw: ${rawSeconds} s, same concurrency); ` +
        `node ${process.version}, ${availableParallelism()} cores. Targets: p50 ratio ≤ ${TARGET_RATIO}, ≥ ${TARGET_RPS} req/s.` +
        (judgeOrg ? ` Judges' tokens name organisation ${judgeOrg}.` : ''),
    );
    console.log(
      'Raw = the DynamoDB calls recorded from one API call, replayed through the same DocumentClient to the same ' +
        'DynamoDB process (dynalite in a node process of its own, as in AWS the database is not on the function’s CPU).',
    );
    console.log(
      "CPU ms/req = the gateway process's CPU time per answer (handlers, SDK; the load generator's and the " +
        "database's excluded); DB CPU ms/req = the DynamoDB process's. They move less than p50 and req/s when " +
        'other work shares the machine. One core serves at most 1000 / (CPU ms/req) req/s.',
    );
    if (rows.some((r) => r.target !== 'ok')) process.exitCode = 1;
  } finally {
    await world.stop();
  }
}

/** Groups calls that ran side by side (Promise.all): a call that began before the wave's first answer joins it. */
function inWaves(calls: Call[]): Command[][] {
  const waves: { firstEnd: number; commands: Command[] }[] = [];
  for (const call of [...calls].sort((a, b) => a.started - b.started)) {
    const wave = waves.at(-1);
    if (wave && call.started < wave.firstEnd) {
      wave.commands.push(call.command);
      wave.firstEnd = Math.min(wave.firstEnd, call.ended);
    } else {
      waves.push({ firstEnd: call.ended, commands: [call.command] });
    }
  }
  return waves.map((wave) => wave.commands);
}

/**
 * Replays each caller's recorded calls in a loop, `concurrency` loops at once, for `seconds`. Writes
 * are replayed without their condition: the recorded condition held once, and a replay repeats the write.
 */
async function replay(
  send: (command: Command) => Promise<unknown>,
  waves: Command[][][],
  concurrency: number,
  seconds: number,
  dbCpu: DbCpu,
): Promise<Figures> {
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  const dbStart = await dbCpu();
  const end = performance.now() + seconds * 1000;
  const cpuStart = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const mine = waves[i % waves.length]!.map((wave) => wave.map(unconditional));
      while (performance.now() < end) {
        const started = performance.now();
        try {
          for (const wave of mine) await Promise.all(wave.map((command) => send(copy(command))));
          latencies.push(performance.now() - started);
        } catch (error) {
          const name = (error as Error).name;
          failed[name] = (failed[name] ?? 0) + 1;
        }
      }
    }),
  );
  const cpuMs = cpuSince(cpuStart) / latencies.length;
  const dbCpuMs = cpuMsBetween(dbStart, await dbCpu()) / latencies.length;
  return { ...figures(latencies, seconds, failed), cpuMs, dbCpuMs };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** A DocumentClient command, as recorded and replayed. */
type Command = Parameters<DynamoDBDocumentClient['send']>[0];
type AnyCommand = { input: Record<string, unknown>; constructor: new (input: never) => AnyCommand };

interface Call {
  command: Command;
  started: number;
  ended: number;
}

function commandName(command: unknown): string {
  return (command as AnyCommand).constructor.name.replace(/Command$/, '');
}

/** A new command of the same kind and input: SDK commands are not meant to be sent twice. */
function copy<C>(command: C): C {
  const { constructor: Kind, input } = command as AnyCommand;
  return new Kind(structuredClone(input) as never) as C;
}

/** The same write without its condition, and without placeholders only the condition used. */
function unconditional<C>(command: C): C {
  const { constructor: Kind, input } = command as AnyCommand;
  if (!('ConditionExpression' in input)) return command;
  const { ExpressionAttributeNames, ExpressionAttributeValues, ...rest } = input;
  delete rest.ConditionExpression;
  const expressions = ['UpdateExpression', 'ProjectionExpression'].map((name) => String(rest[name] ?? '')).join(' ');
  const used = (names: unknown) => {
    const kept = Object.entries((names ?? {}) as Record<string, unknown>).filter(([key]) =>
      new RegExp(`${key.replace(/[^\w]/g, '\\$&')}(?!\\w)`).test(expressions),
    );
    return kept.length ? Object.fromEntries(kept) : undefined;
  };
  const names = used(ExpressionAttributeNames);
  const values = used(ExpressionAttributeValues);
  return new Kind({
    ...rest,
    ...(names ? { ExpressionAttributeNames: names } : {}),
    ...(values ? { ExpressionAttributeValues: values } : {}),
  } as never) as C;
}

// Entry point: the load generator when forked by loadFromChild, else the bench.
if (process.argv.includes('--load-generator')) {
  process.once('message', (plan: LoadPlan) => {
    generateLoad(plan).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (error: unknown) => process.send!({ error: String(error) }, () => process.exit(1)),
    );
  });
} else {
  await main();
}
