import type { HttpRoute, Route } from '../../infra/route-types.js';
import { routeList } from '../../infra/routes.js';
import { expectations, NOT_HTTP } from '../support/matrix/expectations.js';
import { buildMatrixWorld, secretsHiddenFrom, type MatrixWorld } from '../support/matrix/matrix-world.js';
import { MATRIX_ROLES, type MatrixRole } from '../support/matrix/roles.js';
import { samples, type MatrixRequest } from '../support/matrix/samples.js';
import { startLocalWorld, type ApiAnswer, type LocalWorld } from '../support/local-world.js';

/**
 * Issue 7: who may call what. For every route of the route table and every kind of caller, a
 * well-formed request about a real object, sent over HTTP through the local gateway, and the answer
 * the expectations table says (test/support/matrix/expectations.ts). Every answer a caller other than
 * an organiser gets is also searched for what that caller must never see: another organisation's
 * entry (its id, title, answers, evidence), another judge's id, anyone else's score comment.
 */
let world: LocalWorld;
let m: MatrixWorld;
let cells = 0;

beforeAll(async () => {
  world = await startLocalWorld();
  m = await buildMatrixWorld(world);
}, 60_000);
afterAll(async () => {
  const http = routeList.filter((r) => r.kind === 'http').length;
  const s3 = routeList.length - http;
  if (cells > 0) {
    console.log(
      `authorisation matrix: ${http} HTTP routes × ${MATRIX_ROLES.length} callers = ${http * MATRIX_ROLES.length} cells; ` +
        `${cells} asserted; ${s3} S3-event route(s) listed as "${NOT_HTTP}"`,
    );
  }
  await world?.stop();
});

/** Reads first, then writes: a write that went wrong cannot spoil a read's object. */
const httpRoutes = routeList
  .filter((r): r is HttpRoute => r.kind === 'http')
  .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));

/**
 * The path (and query) of a cell's request. First checks the sample against the route's own schemas,
 * so that the answer is about authorisation, never about bad input.
 */
function pathOf(route: HttpRoute, request: MatrixRequest): string {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const given = Object.keys(request.params ?? {});
  if (names.sort().join() !== given.sort().join()) {
    throw new Error(`the ${route.id} sample names path parameters [${given}], the route has [${names}]`);
  }
  const parts: [keyof MatrixRequest, unknown][] = [
    ['params', request.params ?? {}],
    ['query', request.query ?? {}],
    ['headers', request.headers ?? {}],
  ];
  if (request.body !== undefined) parts.push(['body', request.body]);
  for (const [part, value] of parts) {
    const schema = route.schemas[part as keyof HttpRoute['schemas']];
    if (!schema) {
      if (part === 'body' || (part !== 'headers' && Object.keys(value as object).length > 0)) {
        throw new Error(`the ${route.id} sample sends ${part}, which the route does not take`);
      }
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new Error(`the ${route.id} sample's ${part} is not valid: ${parsed.error.message}`);
  }
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params![name]!));
  const query = new URLSearchParams(request.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

const ids = (answer: ApiAnswer) => ((answer.body?.items ?? []) as { entryId: string }[]).map((item) => item.entryId);

const finalistTitle = () => m.secrets.find((s) => s.what === 'title of R1')!.marker;

/** What some answers must hold beyond their status: who sees which entries and score sheets. */
const bodyChecks: Partial<Record<string, (role: MatrixRole, answer: ApiAnswer) => string[]>> = {
  listEntries(role, answer) {
    const items = (answer.body?.items ?? []) as { entryId: string; orgCode?: string }[];
    const own = { ownerEntrant: m.orgA.code, otherEntrant: m.orgB.code } as Partial<Record<MatrixRole, string>>;
    const problems: string[] = [];
    if (own[role] && items.some((item) => item.orgCode !== own[role])) {
      problems.push(`${role} lists an entry of another organisation`);
    }
    const mustList: Partial<Record<MatrixRole, string[]>> = {
      ownerEntrant: [m.draftId, m.submittedId, m.finalistId],
      otherEntrant: [m.otherDraftId, m.otherSubmittedId, m.notShortlistedId],
      assignedJudge: [m.submittedId, m.finalistId, m.notShortlistedId],
    };
    for (const entryId of mustList[role] ?? []) {
      if (!ids(answer).includes(entryId)) problems.push(`${role} does not list ${entryId}`);
    }
    if (['unassignedJudge', 'conflictedJudge', 'ownOrgJudge'].includes(role) && items.length > 0) {
      problems.push(`${role} lists entries ${ids(answer)}`);
    }
    return problems;
  },
  myAssignments(role, answer) {
    if (role === 'assignedJudge') {
      return ids(answer).includes(m.submittedId) ? [] : ['the assigned judge does not see their assignment'];
    }
    return answer.status === 200 && ids(answer).length > 0 ? [`${role} has assignments ${ids(answer)}`] : [];
  },
  publicResults: (_role, answer) => (answer.text.includes(finalistTitle()) ? [] : ['the winner is not shown']),
  resultsPage: (_role, answer) => (answer.text.includes(finalistTitle()) ? [] : ['the winner is not shown']),
  declareConflicts(role, answer) {
    const removed = ((answer.body?.removed ?? []) as { entryId: string; reason: string }[]).map(
      (r) => `${r.entryId} (${r.reason})`,
    );
    const allowed = role === 'ownOrgJudge' ? [`${m.submittedId} (own organisation)`] : [];
    return removed.every((r) => allowed.includes(r)) ? [] : [`${role}'s declaration removed ${removed}`];
  },
  entryScores(role, answer) {
    const judges = ((answer.body?.items ?? []) as { judgeId: string }[]).map((s) => s.judgeId);
    if (role === 'assignedJudge' && judges.join() !== m.judges.assigned) {
      return [`the assigned judge sees the sheets of ${judges}`];
    }
    if (role === 'organiser' && !judges.includes(m.judges.co)) return ['the organiser misses a sheet'];
    return [];
  },
};

/**
 * The text of an answer searched for secrets. One decided exception: a judge's conflict declaration
 * answers which of their own assignments it took away (`removed`), and that may name an entry of
 * their own organisation they were assigned before it was known — it was theirs, and only its id is
 * given; the `removed` list is checked on its own (bodyChecks.declareConflicts).
 */
const searchedText = (routeId: string, answer: ApiAnswer): string =>
  routeId === 'declareConflicts' && answer.body && typeof answer.body === 'object'
    ? JSON.stringify({ ...answer.body, removed: undefined })
    : answer.text;

describe('the authorisation matrix', () => {
  it('has a row for every route of the route table, and none for a route that is gone', () => {
    const ids = new Set(routeList.map((r: Route) => r.id));
    const missing = routeList.filter((r) => expectations[r.id] === undefined).map((r) => r.id);
    const stale = Object.keys(expectations).filter((id) => !ids.has(id));
    const misfiled = routeList
      .filter((r) => (r.kind === 's3') !== (expectations[r.id] === NOT_HTTP) && expectations[r.id] !== undefined)
      .map((r) => r.id);
    const unsampled = httpRoutes.filter((r) => samples[r.id] === undefined).map((r) => r.id);
    expect({ missing, stale, misfiled, unsampled }).toEqual({ missing: [], stale: [], misfiled: [], unsampled: [] });
  });

  describe.each(httpRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_, route) => {
    it(`answers every caller as the ${route.id} row says, and shows nobody what is not theirs`, async () => {
      // Prepare
      const row = expectations[route.id];
      const sample = samples[route.id];
      if (row === undefined) throw new Error(`no expectations row for ${route.id}: decide who may call it`);
      if (row === NOT_HTTP) throw new Error(`${route.id} is an HTTP route but its row says "${NOT_HTTP}"`);
      if (!sample) throw new Error(`no request sample for ${route.id}`);
      const wrong: string[] = [];

      for (const role of MATRIX_ROLES) {
        await m.beforeCell(role);
        const request = await sample(m, role);
        const path = pathOf(route, request);

        // Act
        const answer = await m.call(role, route.method, path, {
          ...(request.headers ? { headers: request.headers } : {}),
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        cells++;

        // Assess
        if (answer.status !== row[role]) {
          wrong.push(`${role}: expected ${row[role]}, got ${answer.status} ${answer.text.slice(0, 300)}`);
        }
        if (answer.status >= 400 && answer.headers.get('content-type') !== 'application/problem+json') {
          wrong.push(`${role}: a ${answer.status} that is no problem+json`);
        }
        for (const hidden of secretsHiddenFrom(m, role)) {
          if (searchedText(route.id, answer).includes(hidden.marker))
            wrong.push(`${role}: the ${answer.status} answer shows ${hidden.what}`);
        }
        if (answer.status < 300) wrong.push(...(bodyChecks[route.id]?.(role, answer) ?? []));
      }
      expect(wrong).toEqual([]);
    }, 30_000);
  });
});
