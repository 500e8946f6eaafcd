import { publishShortlist } from '../../shared/domain/shortlists/publication.js';
import { findEntry } from '../../shared/store/entries.js';
import { findShortlist, insertPublishedShortlist } from '../../shared/store/shortlists.js';
import {
  assignInStore,
  HSJ_CRITERIA,
  QUESTIONS,
  setUpProgramme,
  submittedEntry,
  type Setup,
} from '../support/fixtures.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

/**
 * One programme, two categories:
 * - A: four submitted entries (E1 best … E4 weakest), three judges scoring every entry, shortlist of 2;
 * - B: one submitted entry, never published.
 * The tests run in order, as an awards round does: score, watch progress, rank, shortlist, publish,
 * choose winners, give feedback, show the public.
 */
let world: LocalWorld;
let setup: Setup;
let categoryB: string;
const entries: { entryId: string; entrant: { code: string; token: string } }[] = [];
let entryB: { entryId: string; entrant: { code: string; token: string } };
const judges = ['judge-ann', 'judge-tom', 'judge-sara'];
const tokens: Record<string, string> = {};
const COMMENTS = ['Clear outcomes for patients', 'Ambitious and well led', 'Needs stronger evidence of spread'];

const day = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');

/** Every criterion gets the same mark: entry quality 9, 7, 5, 3, moved by the judge's leniency. */
const marksFor = (entryIndex: number, judgeIndex: number) => {
  const mark = Math.min(10, Math.max(0, [9, 7, 5, 3][entryIndex]! + [0, -1, 1][judgeIndex]!));
  return Object.fromEntries(HSJ_CRITERIA.map((c) => [c.id, mark]));
};

async function assign(entryId: string, judgeId: string, categoryId: string) {
  await assignInStore({ categoryId, programmeId: setup.programmeId }, entryId, judgeId);
}

const putScore = (judge: string, entryId: string, body: unknown, ifMatch?: string) =>
  world.call('PUT', `/entries/${entryId}/scores/me`, {
    token: tokens[judge]!,
    body,
    ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
  });

/** Every key of a JSON value, at any depth. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
      : [];

beforeAll(async () => {
  world = await startLocalWorld();
  setup = await setUpProgramme(world, { judgesPerEntry: 3, shortlistSize: 2 });
  const b = await world.call('POST', `/programmes/${setup.programmeId}/categories`, {
    token: setup.organiser,
    body: {
      name: 'Patient Safety',
      description: 'Safer care',
      questions: QUESTIONS,
      criteria: HSJ_CRITERIA,
      judgesPerEntry: 1,
      shortlistSize: 1,
      maxEvidenceFiles: 5,
    },
  });
  categoryB = b.body.categoryId;
  for (let i = 0; i < 4; i++) entries.push(await submittedEntry(world, setup));
  entryB = await submittedEntry(world, { ...setup, categoryId: categoryB });
  for (const judge of judges) {
    tokens[judge] = await world.token('judge', { userId: judge });
    for (const { entryId } of entries) await assign(entryId, judge, setup.categoryId);
  }
  await assign(entryB.entryId, 'judge-ann', categoryB);
  tokens.outsider = await world.token('judge', { userId: 'judge-outsider' });
}, 60_000);
afterAll(() => world.stop());

describe('scoring', () => {
  it('saves a first draft without If-Match, and later drafts only with the ETag last read', async () => {
    // Prepare
    const [e1] = entries;
    const draft = { scores: { ambition: 6 }, comment: 'First thoughts', final: false };

    // Act
    const first = await putScore('judge-ann', e1!.entryId, draft);
    const withoutIfMatch = await putScore('judge-ann', e1!.entryId, draft);
    const stale = await putScore('judge-ann', e1!.entryId, draft, '"7"');
    const second = await putScore('judge-ann', e1!.entryId, { ...draft, scores: { ambition: 8 } }, '"1"');

    // Assess
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({
      entryId: e1!.entryId,
      judgeId: 'judge-ann',
      categoryId: setup.categoryId,
      round: 1,
      final: false,
      version: 1,
    });
    expect(withoutIfMatch.status).toBe(428);
    expect(stale.status).toBe(412);
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toBe('"2"');
    expect(second.body.scores).toEqual({ ambition: 8 });
  });

  it('refuses a mark outside the criterion’s range with 422 naming the field, and keeps the sheet', async () => {
    // Act
    const answer = await putScore('judge-ann', entries[0]!.entryId, { scores: { ambition: 11 }, final: false }, '"2"');
    const negative = await putScore('judge-ann', entries[0]!.entryId, { scores: { outcome: -1 }, final: false }, '"2"');

    // Assess
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.errors).toEqual([{ path: 'body.scores.ambition', message: 'must be between 0 and 10' }]);
    expect(negative.status).toBe(422);
    const sheet = await world.call('GET', `/entries/${entries[0]!.entryId}/scores`, { token: tokens['judge-ann']! });
    expect(sheet.body.items[0]).toMatchObject({ version: 2, scores: { ambition: 8 } });
  });

  it('refuses a final score that leaves a criterion unmarked', async () => {
    const answer = await putScore('judge-ann', entries[0]!.entryId, { scores: { ambition: 8 }, final: true }, '"2"');
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain('body.scores.outcome');
  });

  it('tells a judge who is not assigned that the entry does not exist', async () => {
    // Act
    const put = await putScore('outsider', entries[0]!.entryId, { scores: {}, comment: '', final: false });
    const get = await world.call('GET', `/entries/${entries[0]!.entryId}/scores`, { token: tokens.outsider! });

    // Assess
    expect(put.status).toBe(404);
    expect(get.status).toBe(404);
  });

  it('freezes the criteria once the first score is saved', async () => {
    // Prepare
    const category = await world.call('GET', `/categories/${setup.categoryId}`, { token: setup.organiser });
    const changed = HSJ_CRITERIA.map((c) => (c.id === 'value' ? { ...c, weight: 3 } : c));

    // Act
    const answer = await world.call('PATCH', `/categories/${setup.categoryId}`, {
      token: setup.organiser,
      headers: { 'if-match': category.headers.get('etag')! },
      body: { criteria: changed },
    });

    // Assess
    expect(answer.status).toBe(409);
  });

  it('shows a judge their own score only, never a colleague’s; organisers see all; entrants none', async () => {
    // Prepare: Tom makes his score of E1 final
    const tom = await putScore('judge-tom', entries[0]!.entryId, {
      scores: marksFor(0, 1),
      comment: COMMENTS[1],
      final: true,
    });
    expect(tom.status).toBe(200);

    // Act
    const ann = await world.call('GET', `/entries/${entries[0]!.entryId}/scores`, { token: tokens['judge-ann']! });
    const organiser = await world.call('GET', `/entries/${entries[0]!.entryId}/scores`, { token: setup.organiser });
    const entrant = await world.call('GET', `/entries/${entries[0]!.entryId}/scores`, {
      token: entries[0]!.entrant.token,
    });

    // Assess
    expect(ann.status).toBe(200);
    expect(ann.body.items.map((s: { judgeId: string }) => s.judgeId)).toEqual(['judge-ann']);
    expect(ann.text).not.toContain('judge-tom');
    expect(organiser.body.items.map((s: { judgeId: string }) => s.judgeId).sort()).toEqual(['judge-ann', 'judge-tom']);
    expect(entrant.status).toBe(403);
  });

  it('reports progress per judge and per entry: final, draft and missing', async () => {
    // Act
    const answer = await world.call('GET', `/categories/${setup.categoryId}/progress`, { token: setup.organiser });

    // Assess: Ann has a draft of E1, Tom a final of E1; the other ten assignments have no sheet
    expect(answer.status).toBe(200);
    expect(answer.body.totals).toEqual({ assigned: 12, final: 1, draft: 1, missing: 10 });
    const judgeRow = (id: string) => answer.body.judges.find((j: { judgeId: string }) => j.judgeId === id);
    expect(judgeRow('judge-ann')).toEqual({ judgeId: 'judge-ann', assigned: 4, final: 0, draft: 1, missing: 3 });
    expect(judgeRow('judge-tom')).toEqual({ judgeId: 'judge-tom', assigned: 4, final: 1, draft: 0, missing: 3 });
    expect(judgeRow('judge-sara')).toEqual({ judgeId: 'judge-sara', assigned: 4, final: 0, draft: 0, missing: 4 });
    const e1 = answer.body.entries.find((e: { entryId: string }) => e.entryId === entries[0]!.entryId);
    expect(e1).toMatchObject({ assigned: 3, final: 1, draft: 1, missing: 1 });
    expect(answer.body.entries).toHaveLength(4);
  });

  it('locks a final score: a later write is refused with 409', async () => {
    // Prepare: every judge finalises every entry (Tom's E1 is final already)
    for (const [j, judge] of judges.entries()) {
      for (const [i, { entryId }] of entries.entries()) {
        if (judge === 'judge-tom' && i === 0) continue;
        const mine = await world.call('GET', `/entries/${entryId}/scores`, { token: tokens[judge]! });
        const etag = mine.body.items[0] ? `"${mine.body.items[0].version}"` : undefined;
        const saved = await putScore(
          judge,
          entryId,
          { scores: marksFor(i, j), comment: COMMENTS[j], final: true },
          etag,
        );
        expect(saved.status).toBe(200);
      }
    }

    // Act
    const again = await putScore('judge-tom', entries[0]!.entryId, { scores: marksFor(0, 1), final: true }, '"1"');

    // Assess
    expect(again.status).toBe(409);
    const progress = await world.call('GET', `/categories/${setup.categoryId}/progress`, { token: setup.organiser });
    expect(progress.body.totals).toEqual({ assigned: 12, final: 12, draft: 0, missing: 0 });
  });
});

describe('results', () => {
  it('ranks the entries by normalised score, with titles and organisations for organisers', async () => {
    // Act
    const answer = await world.call('GET', `/categories/${setup.categoryId}/results`, { token: setup.organiser });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.ranking.map((r: { entryId: string }) => r.entryId)).toEqual(entries.map((e) => e.entryId));
    expect(answer.body.ranking.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(answer.body.ranking[0]).toMatchObject({
      judgeCount: 3,
      title: `Entry of ${entries[0]!.entrant.code}`,
      orgCode: entries[0]!.entrant.code,
      status: 'submitted',
    });
    expect(answer.body.proposedShortlist).toEqual([entries[0]!.entryId, entries[1]!.entryId]);
    expect(answer.body.counts).toEqual({ entries: 4, scored: 4, finalScores: 12 });
  });

  it('refuses results to a judge', async () => {
    const answer = await world.call('GET', `/categories/${setup.categoryId}/results`, { token: tokens['judge-ann']! });
    expect(answer.status).toBe(403);
  });

  it('offers the results as a CSV download that Excel reads as UTF-8, with judges labelled, not identified', async () => {
    // Act
    const answer = await world.call('GET', `/categories/${setup.categoryId}/results.csv`, { token: setup.organiser });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="results-${setup.categoryId}.csv"`);
    // fetch's text() drops a byte order mark, so read the bytes themselves
    const raw = await fetch(`${world.url}/categories/${setup.categoryId}/results.csv`, {
      headers: { authorization: `Bearer ${setup.organiser}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = answer.text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Rank,Entry ID,Org code,Title,Judge,Ambition,/);
    expect(lines).toHaveLength(1 + 12);
    expect(answer.text).toContain('Judge 1');
    for (const judge of judges) expect(answer.text).not.toContain(judge);
  });

  it('feedback is not given before the shortlist is published, and shows no figure', async () => {
    // Act
    const answer = await world.call('GET', `/entries/${entries[1]!.entryId}/feedback`, {
      token: entries[1]!.entrant.token,
    });

    // Assess
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(keysOf(answer.body)).not.toEqual(expect.arrayContaining(['criteria']));
    expect(answer.text).not.toMatch(/Clear outcomes|mean/);
  });
});

describe('shortlist, publication and winners', () => {
  it('refuses a shortlist that overrides the proposal without a reason, and changes nothing', async () => {
    // Act
    const answer = await world.call('POST', `/categories/${setup.categoryId}/shortlist`, {
      token: setup.organiser,
      body: { entryIds: [entries[0]!.entryId, entries[2]!.entryId] },
    });
    const stored = await world.call('GET', `/categories/${setup.categoryId}/shortlist`, { token: setup.organiser });

    // Assess
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { path: 'body.reason', message: 'a shortlist that differs from the proposal needs a reason' },
    ]);
    expect(stored.status).toBe(404);
  });

  it('takes the proposal by default, then records an override with its reason', async () => {
    // Act
    const proposal = await world.call('POST', `/categories/${setup.categoryId}/shortlist`, {
      token: setup.organiser,
      body: {},
    });
    const override = await world.call('POST', `/categories/${setup.categoryId}/shortlist`, {
      token: setup.organiser,
      headers: { 'if-match': proposal.headers.get('etag')! },
      body: { entryIds: [entries[0]!.entryId, entries[2]!.entryId], reason: 'E2 broke the eligibility rules' },
    });
    const stale = await world.call('POST', `/categories/${setup.categoryId}/shortlist`, {
      token: setup.organiser,
      headers: { 'if-match': proposal.headers.get('etag')! },
      body: {},
    });

    // Assess
    expect(proposal.status).toBe(200);
    expect(proposal.body).toMatchObject({ entryIds: [entries[0]!.entryId, entries[1]!.entryId], overridden: false });
    expect(override.status).toBe(200);
    expect(override.headers.get('etag')).toBe('"2"');
    expect(override.body).toMatchObject({ overridden: true, reason: 'E2 broke the eligibility rules' });
    expect(override.body.history).toHaveLength(2);
    expect(stale.status).toBe(412);
  });

  it('publishes the shortlist once: entries become shortlisted or not; a second publish is refused', async () => {
    // Act
    const first = await world.call('POST', `/categories/${setup.categoryId}/shortlist/publish`, {
      token: setup.organiser,
    });
    const second = await world.call('POST', `/categories/${setup.categoryId}/shortlist/publish`, {
      token: setup.organiser,
    });

    // Assess
    expect(first.status).toBe(200);
    expect(first.body.entryIds).toEqual([entries[0]!.entryId, entries[2]!.entryId]);
    expect(second.status).toBe(409);
    const statuses = await Promise.all(
      entries.map(
        async (e) => (await world.call('GET', `/entries/${e.entryId}`, { token: setup.organiser })).body.status,
      ),
    );
    expect(statuses).toEqual(['shortlisted', 'not_shortlisted', 'shortlisted', 'not_shortlisted']);
    const audit = await world.call('GET', `/entries/${entries[1]!.entryId}/audit`, { token: setup.organiser });
    expect(audit.body.items.at(-1)).toMatchObject({ from: 'submitted', to: 'not_shortlisted', by: 'organiser-1' });
  });

  it('closes scoring and the shortlist once published', async () => {
    const score = await putScore('judge-ann', entries[1]!.entryId, { scores: {}, final: false }, '"1"');
    const shortlist = await world.call('POST', `/categories/${setup.categoryId}/shortlist`, {
      token: setup.organiser,
      body: {},
    });
    expect(score.status).toBe(409);
    expect(shortlist.status).toBe(409);
  });

  it('chooses winners only from the published shortlist, once', async () => {
    // Act
    const outsider = await world.call('POST', `/categories/${setup.categoryId}/winners`, {
      token: setup.organiser,
      body: { winner: entries[1]!.entryId },
    });
    const chosen = await world.call('POST', `/categories/${setup.categoryId}/winners`, {
      token: setup.organiser,
      body: { winner: entries[2]!.entryId, highlyCommended: [entries[0]!.entryId] },
    });
    const again = await world.call('POST', `/categories/${setup.categoryId}/winners`, {
      token: setup.organiser,
      body: { winner: entries[0]!.entryId },
    });

    // Assess
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors).toEqual([{ path: 'body.winner', message: 'is not on the published shortlist' }]);
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ winner: entries[2]!.entryId, highlyCommended: [entries[0]!.entryId] });
    expect(again.status).toBe(409);
    const status = async (i: number) =>
      (await world.call('GET', `/entries/${entries[i]!.entryId}`, { token: setup.organiser })).body.status;
    expect([await status(0), await status(2)]).toEqual(['highly_commended', 'winner']);
  });

  it('refuses winners in a category whose shortlist is not published', async () => {
    const answer = await world.call('POST', `/categories/${categoryB}/winners`, {
      token: setup.organiser,
      body: { winner: entryB.entryId },
    });
    expect(answer.status).toBe(409);
  });
});

describe('feedback and public results', () => {
  it('gives the entrant criterion means and comments after publication, with no judge in sight', async () => {
    // Act
    const answer = await world.call('GET', `/entries/${entries[1]!.entryId}/feedback`, {
      token: entries[1]!.entrant.token,
    });

    // Assess: E2 was marked 7, 6 and 8 on every criterion
    expect(answer.status).toBe(200);
    expect(answer.body.judgeCount).toBe(3);
    expect(answer.body.criteria.map((c: { mean: number }) => c.mean)).toEqual([7, 7, 7, 7, 7]);
    expect(answer.body.comments).toEqual([...COMMENTS].sort());
    expect(keysOf(answer.body).filter((key) => /judge(?!Count)/i.test(key))).toEqual([]);
    for (const judge of judges) expect(answer.text).not.toContain(judge);
  });

  it('gives feedback only to the entry’s own organisation', async () => {
    const other = await world.call('GET', `/entries/${entries[1]!.entryId}/feedback`, {
      token: entries[0]!.entrant.token,
    });
    const organiser = await world.call('GET', `/entries/${entries[1]!.entryId}/feedback`, { token: setup.organiser });
    expect(other.status).toBe(404);
    expect(organiser.status).toBe(403);
  });

  it('shows the public the shortlist and winners, and nothing else', async () => {
    // Act: no token
    const answer = await world.call('GET', `/public/programmes/${setup.programmeId}/results`);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ programmeId: setup.programmeId, name: 'Test Awards', year: 2026 });
    const [a, b] = answer.body.categories;
    expect(a).toEqual({
      categoryId: setup.categoryId,
      name: 'CCG of the Year',
      status: 'published',
      winnersAnnounced: true,
      finalists: [
        {
          organisation: `Org ${entries[2]!.entrant.code}`,
          title: `Entry of ${entries[2]!.entrant.code}`,
          status: 'winner',
        },
        {
          organisation: `Org ${entries[0]!.entrant.code}`,
          title: `Entry of ${entries[0]!.entrant.code}`,
          status: 'highly_commended',
        },
      ],
    });
    expect(b).toEqual({
      categoryId: categoryB,
      name: 'Patient Safety',
      status: 'not_published',
      winnersAnnounced: false,
      finalists: [],
    });
    expect(keysOf(answer.body).filter((key) => /score|comment|judge|draft|reason|mean|rank/i.test(key))).toEqual([]);
    for (const hidden of [
      ...judges,
      ...COMMENTS,
      entries[1]!.entrant.code,
      entries[3]!.entrant.code,
      entryB.entrant.code,
      entries[1]!.entryId,
    ]) {
      expect(answer.text).not.toContain(hidden);
    }
  });

  it('answers 404 for a programme that does not exist', async () => {
    const answer = await world.call('GET', '/public/programmes/01ARZ3NDEKTSV4RRFFQ69G5FAV/results');
    expect(answer.status).toBe(404);
  });
});

describe('the judging deadline', () => {
  it('refuses a score once judging has closed', async () => {
    // Prepare: a programme whose entries are in, then its dates move so that judging closed yesterday
    const late = await setUpProgramme(world);
    const { entryId } = await submittedEntry(world, late);
    await assignInStore(late, entryId, 'judge-ann');
    const programme = await world.call('GET', `/programmes/${late.programmeId}`, { token: late.organiser });
    const now = Date.now();
    const moved = await world.call('PATCH', `/programmes/${late.programmeId}`, {
      token: late.organiser,
      headers: { 'if-match': programme.headers.get('etag')! },
      body: { entriesOpenAt: iso(now - 3 * day), entriesCloseAt: iso(now - 2 * day), judgingClosesAt: iso(now - day) },
    });
    expect(moved.status).toBe(200);

    // Act
    const answer = await putScore('judge-ann', entryId, { scores: { ambition: 5 }, comment: '', final: false });

    // Assess
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('https://laurel.awards/problems/deadline-passed');
    const sheets = await world.call('GET', `/entries/${entryId}/scores`, { token: late.organiser });
    expect(sheets.body.items).toEqual([]);
  });
});

describe('a publish interrupted after its snapshot', () => {
  it('finishes the entries’ moves when retried, and only then refuses another publish', async () => {
    // Prepare: category B's entry is scored and shortlisted; a publish wrote its snapshot and crashed
    const scored = await putScore('judge-ann', entryB.entryId, {
      scores: marksFor(0, 0),
      comment: 'Safer nights',
      final: true,
    });
    expect(scored.status).toBe(200);
    const decided = await world.call('POST', `/categories/${categoryB}/shortlist`, {
      token: setup.organiser,
      body: {},
    });
    expect(decided.status).toBe(200);
    const shortlist = (await findShortlist(categoryB))!;
    const entry = (await findEntry(entryB.entryId))!;
    await insertPublishedShortlist(
      publishShortlist(shortlist, new Map([[entry.entryId, entry]]), 'organiser-1', new Date()),
    );

    // Act
    const retried = await world.call('POST', `/categories/${categoryB}/shortlist/publish`, { token: setup.organiser });
    const again = await world.call('POST', `/categories/${categoryB}/shortlist/publish`, { token: setup.organiser });

    // Assess
    expect(retried.status).toBe(200);
    expect((await findEntry(entryB.entryId))!.status).toBe('shortlisted');
    expect(again.status).toBe(409);
  });
});
