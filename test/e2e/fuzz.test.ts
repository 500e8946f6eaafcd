import type { HttpRoute } from '../../infra/route-types.js';
import { routeList } from '../../infra/routes.js';
import { config } from '../../shared/config.js';
import { setUpFuzzTargets, type FuzzTargets, realIdFor, callersOf, fillPath } from '../support/fuzz/fuzz-world.js';
import { rawClient, type RawAnswer } from '../support/fuzz/raw-client.js';
import { routeRequests, type FuzzRequest } from '../support/fuzz/route-plan.js';
import { snapshotChanges, storedSnapshot } from '../support/fuzz/stored-snapshot.js';
import { validQuery } from '../support/fuzz/valid-sample.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

/**
 * Robustness (issue 7): every route that takes a body or a query gets thousands of bad and hostile
 * requests, generated from its zod schemas plus hand-made nasties, sent as a caller the route admits.
 * None may answer 5xx, every refusal is problem+json, and nothing stored changes.
 * Replay a run with FUZZ_SEED=<seed>; FUZZ_TOTAL sets how many requests to aim for.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const TOTAL = Number(process.env.FUZZ_TOTAL ?? 10_500);
const CONNECTIONS = 8;
/** A refusal carries a short problem, never an echo of the request. */
const MAX_PROBLEM_BYTES = 64 * 1024;

let world: LocalWorld;
let targets: FuzzTargets;

beforeAll(async () => {
  world = await startLocalWorld();
  targets = await setUpFuzzTargets(world);
}, 60_000);
afterAll(() => world.stop());

const fuzzedRoutes = routeList.filter(
  (r): r is HttpRoute => r.kind === 'http' && Boolean(r.schemas.body ?? r.schemas.query),
);

interface Violation {
  route: string;
  label: string;
  method: string;
  target: string;
  status: number;
  problems: string[];
  answer: string;
}

/** What is wrong with an answer, if anything. */
function answerProblems(request: FuzzRequest, answer: RawAnswer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (answer.status >= 200 && answer.status < 300) {
    if (request.mustRefuse) problems.push('accepted a request built to be refused');
    return problems;
  }
  if (answer.contentType !== 'application/problem+json') problems.push(`content-type ${answer.contentType}`);
  if (answer.body.length > MAX_PROBLEM_BYTES) problems.push(`problem of ${answer.body.length} bytes`);
  try {
    const problem = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
    if (typeof problem.type !== 'string' || typeof problem.title !== 'string') problems.push('no type or title');
    if (problem.status !== answer.status) problems.push(`problem status ${String(problem.status)}`);
  } catch {
    problems.push('body is not JSON');
  }
  return problems;
}

/** A next-page cursor each list route really issues (limit=1 over the two items set up), to forge from. */
async function realCursors(client: ReturnType<typeof rawClient>): Promise<Map<string, string>> {
  const cursors = new Map<string, string>();
  for (const route of fuzzedRoutes.filter((r) => r.method === 'GET' && r.schemas.query?.shape.cursor)) {
    const role = callersOf(route)[0];
    const ids = realIdFor(targets, role);
    const query = new URLSearchParams({ ...validQuery(route.schemas.query!, ids), limit: '1' });
    const answer = await client.send({
      method: 'GET',
      target: `${fillPath(route.path, (n) => encodeURIComponent(ids(n) ?? ''))}?${query}`,
      headers: role ? { authorization: `Bearer ${targets.tokens[role]}` } : {},
    });
    const next = answer.status === 200 ? JSON.parse(answer.body.toString('utf8')).nextCursor : undefined;
    if (typeof next === 'string') cursors.set(route.id, next);
  }
  return cursors;
}

describe('fuzzing every route that takes a body or a query', () => {
  it('never answers 5xx, refuses with problem+json, changes nothing stored and pollutes no prototype', async () => {
    // Prepare
    const client = rawClient(world.url, CONNECTIONS);
    const budget = Math.max(Math.ceil(TOTAL / fuzzedRoutes.length), 150);
    const cursors = await realCursors(client);
    // Idempotency records included: a refused POST must release the key it claimed.
    const before = await storedSnapshot();
    const prototypesBefore = [Object.prototype, Array.prototype, Function.prototype].map((p) =>
      Object.getOwnPropertyNames(p).sort().join(),
    );
    const perRoute = new Map<string, { sent: number; statuses: Map<number, number> }>();
    const violations: Violation[] = [];
    let total = 0;
    const started = Date.now();

    // Act
    function* everything(): Generator<FuzzRequest> {
      for (const [index, route] of fuzzedRoutes.entries()) {
        yield* routeRequests(route, targets, {
          budget,
          seed: SEED + index * 1000,
          maxBodyBytes: config().MAX_BODY_BYTES,
          realCursor: cursors.get(route.id),
          withGatewayCap: index === 0,
        });
      }
    }
    await client.sendAll(everything(), (request, answer) => {
      total++;
      const stats = perRoute.get(request.routeId) ?? { sent: 0, statuses: new Map<number, number>() };
      stats.sent++;
      stats.statuses.set(answer.status, (stats.statuses.get(answer.status) ?? 0) + 1);
      perRoute.set(request.routeId, stats);
      const problems = answerProblems(request, answer);
      if (problems.length) {
        violations.push({
          route: request.routeId,
          label: request.label,
          method: request.method,
          target: request.target.slice(0, 200),
          status: answer.status,
          problems,
          answer: answer.body.toString('utf8').slice(0, 300),
        });
      }
    });
    await world.stack.gateway.settled();
    const seconds = (Date.now() - started) / 1000;
    const after = await storedSnapshot();
    client.close();

    const lines = [...perRoute].map(
      ([id, s]) =>
        `  ${id.padEnd(24)} ${String(s.sent).padStart(5)}  ${[...s.statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}`,
    );
    console.log(
      `fuzz: ${total} requests to ${perRoute.size} routes in ${seconds.toFixed(1)} s (seed ${SEED}, ${CONNECTIONS} connections; real cursors forged for ${[...cursors.keys()].join(', ') || 'none'})\n${lines.join('\n')}`,
    );

    // Assess
    expect({ violations: violations.length, first: violations.slice(0, 20) }).toEqual({ violations: 0, first: [] });
    expect(snapshotChanges(before, after)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join()),
    ).toEqual(prototypesBefore);
    expect(total).toBeGreaterThanOrEqual(Math.min(TOTAL, 10_000));
    expect(fuzzedRoutes.filter((r) => (perRoute.get(r.id)?.sent ?? 0) < 100).map((r) => r.id)).toEqual([]);
  }, 300_000);
});
