import { keys } from '../../shared/store/keys.js';
import { removalsOfCategory } from '../../shared/store/assignment-log.js';
import { putItem } from '../../shared/store/table.js';
import { entrantOf, HSJ_CRITERIA, QUESTIONS, setUpProgramme, submittedEntry, type Setup } from '../support/fixtures.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

/**
 * One programme, three categories:
 * - A (open, 2 judges per entry): panel Ann (declares Halton), Tom, Sara (her token names Blackburn);
 * - B (blind, 1 judge per entry): panel Gareth only;
 * - C (3 judges per entry): panel Ann, Tom, Sara — too few for Halton's entry once Ann is out.
 */
let world: LocalWorld;
let setup: Setup;
let categoryB: string;
let categoryC: string;
const orgs: Record<string, { code: string; token: string }> = {};
const entries: Record<string, string> = {};
const tokens: Record<string, string> = {};

const pairsOf = (items: { entryId: string; judgeId: string }[]) => items.map((i) => `${i.entryId}:${i.judgeId}`);

async function addCategory(body: Record<string, unknown>): Promise<string> {
  const answer = await world.call('POST', `/programmes/${setup.programmeId}/categories`, {
    token: setup.organiser,
    body: {
      name: 'Category',
      description: 'A category',
      questions: QUESTIONS,
      criteria: HSJ_CRITERIA,
      judgesPerEntry: 2,
      shortlistSize: 2,
      maxEvidenceFiles: 5,
      ...body,
    },
  });
  if (answer.status !== 201) throw new Error(answer.text);
  return answer.body.categoryId;
}

const registerBody = (userId: string, categoryIds: string[], extra: Record<string, unknown> = {}) => ({
  userId,
  name: userId,
  email: `${userId}@judges.example.org`,
  categoryIds,
  conflicts: [],
  ...extra,
});

beforeAll(async () => {
  world = await startLocalWorld();
  setup = await setUpProgramme(world, { name: 'CCG of the Year', judgesPerEntry: 2 });
  categoryB = await addCategory({ name: 'Patient Safety', blind: true, judgesPerEntry: 1 });
  categoryC = await addCategory({ name: 'Integrated Care', judgesPerEntry: 3 });
  orgs.halton = await entrantOf(world, setup.organiser, '01F', 'Halton CCG');
  orgs.fylde = await entrantOf(world, setup.organiser, '02M', 'Fylde and Wyre CCG');
  orgs.bwd = await entrantOf(world, setup.organiser, '00Q', 'Blackburn with Darwen CCG');
  for (const name of ['halton', 'fylde', 'bwd'] as const) {
    entries[`A-${name}`] = (await submittedEntry(world, setup, orgs[name])).entryId;
  }
  entries['B-halton'] = (await submittedEntry(world, { ...setup, categoryId: categoryB }, orgs.halton)).entryId;
  entries['B-fylde'] = (await submittedEntry(world, { ...setup, categoryId: categoryB }, orgs.fylde)).entryId;
  entries['C-halton'] = (await submittedEntry(world, { ...setup, categoryId: categoryC }, orgs.halton)).entryId;
  entries['C-fylde'] = (await submittedEntry(world, { ...setup, categoryId: categoryC }, orgs.fylde)).entryId;
  tokens.ann = await world.token('judge', { userId: 'judge-ann' });
  tokens.tom = await world.token('judge', { userId: 'judge-tom' });
  tokens.sara = await world.token('judge', { userId: 'judge-sara', orgCode: '00Q' });
  tokens.gareth = await world.token('judge', { userId: 'judge-gareth' });
}, 60_000);
afterAll(() => world.stop());

describe('registering judges', () => {
  it('registers a judge with panels and declared conflicts (201, ETag)', async () => {
    const answer = await world.call('POST', `/programmes/${setup.programmeId}/judges`, {
      token: setup.organiser,
      body: registerBody('judge-ann', [setup.categoryId, categoryC], {
        conflicts: [{ orgCode: '01F', kind: 'employee', note: 'Works at Halton CCG' }],
      }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('etag')).toBe('"1"');
    expect(answer.body).toMatchObject({
      userId: 'judge-ann',
      categoryIds: [setup.categoryId, categoryC],
      conflicts: [{ orgCode: '01F', kind: 'employee', note: 'Works at Halton CCG' }],
    });
    for (const [userId, categoryIds] of [
      ['judge-tom', [setup.categoryId, categoryC]],
      ['judge-sara', [setup.categoryId, categoryC]],
      ['judge-gareth', [categoryB]],
    ] as const) {
      const more = await world.call('POST', `/programmes/${setup.programmeId}/judges`, {
        token: setup.organiser,
        body: registerBody(userId, [...categoryIds]),
      });
      expect(more.status).toBe(201);
    }
  });

  it('refuses the same judge twice (409)', async () => {
    const answer = await world.call('POST', `/programmes/${setup.programmeId}/judges`, {
      token: setup.organiser,
      body: registerBody('judge-ann', [setup.categoryId]),
    });
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a category of another programme (422), and stores nothing', async () => {
    const other = await setUpProgramme(world);
    const answer = await world.call('POST', `/programmes/${setup.programmeId}/judges`, {
      token: setup.organiser,
      body: registerBody('judge-zed', [setup.categoryId, other.categoryId]),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ path: 'body.categoryIds.1', message: expect.any(String) }]);
    const list = await world.call('GET', `/programmes/${setup.programmeId}/judges`, { token: setup.organiser });
    expect(list.body.items.map((j: { userId: string }) => j.userId)).not.toContain('judge-zed');
  });

  it('refuses bad input (400), a judge or entrant caller (403) and an unknown programme (404)', async () => {
    const path = `/programmes/${setup.programmeId}/judges`;
    const bad = await world.call('POST', path, {
      token: setup.organiser,
      body: { ...registerBody('judge-x', []), conflicts: [{ orgCode: '01F', kind: 'friend' }] },
    });
    expect(bad.status).toBe(400);
    expect((await world.call('GET', path, { token: tokens.ann })).status).toBe(403);
    expect((await world.call('POST', path, { token: orgs.halton!.token, body: registerBody('x', []) })).status).toBe(
      403,
    );
    const unknown = await world.call('GET', '/programmes/01ARZ3NDEKTSV4RRFFQ69G5FAV/judges', {
      token: setup.organiser,
    });
    expect(unknown.status).toBe(404);
  });

  it("lists the programme's judges for organisers", async () => {
    const answer = await world.call('GET', `/programmes/${setup.programmeId}/judges`, { token: setup.organiser });
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((j: { userId: string }) => j.userId).sort()).toEqual([
      'judge-ann',
      'judge-gareth',
      'judge-sara',
      'judge-tom',
    ]);
  });
});

describe('conflicts and automatic assignment', () => {
  it("records a judge's own organisation from their token when they declare conflicts", async () => {
    const answer = await world.call('PUT', `/me/conflicts?programmeId=${setup.programmeId}`, {
      token: tokens.sara,
      body: { conflicts: [] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ userId: 'judge-sara', orgCode: '00Q', conflicts: [], removed: [] });
    expect(answer.headers.get('etag')).toBe('"2"');
  });

  it('never gives a judge conflicted with Halton CCG (01F) Halton’s entry, nor a judge their own organisation’s', async () => {
    // Act
    const answer = await world.call('POST', `/categories/${setup.categoryId}/assignments/auto`, {
      token: setup.organiser,
    });
    // Assess
    expect(answer.status).toBe(200);
    const pairs = pairsOf(answer.body.added);
    expect(pairs).toHaveLength(6);
    expect(pairs).not.toContain(`${entries['A-halton']}:judge-ann`);
    expect(pairs).not.toContain(`${entries['A-bwd']}:judge-sara`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        `${entries['A-halton']}:judge-tom`,
        `${entries['A-halton']}:judge-sara`,
        `${entries['A-bwd']}:judge-ann`,
        `${entries['A-bwd']}:judge-tom`,
      ]),
    );
    expect(answer.body).toMatchObject({ maxLoad: 2, minLoad: 2, spread: 0 });
    expect(answer.body.loads).toEqual([
      { judgeId: 'judge-ann', load: 2 },
      { judgeId: 'judge-sara', load: 2 },
      { judgeId: 'judge-tom', load: 2 },
    ]);
    const listed = await world.call('GET', `/categories/${setup.categoryId}/assignments`, { token: setup.organiser });
    expect(pairsOf(listed.body.items).sort()).toEqual([...pairs].sort());
    expect(listed.body.items[0]).toEqual({
      entryId: expect.any(String),
      judgeId: expect.any(String),
      assignedAt: expect.any(String),
      by: 'auto',
    });
  });

  it('adds nothing when run again', async () => {
    const answer = await world.call('POST', `/categories/${setup.categoryId}/assignments/auto`, {
      token: setup.organiser,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.added).toEqual([]);
  });

  it('lets a judge read only the entries assigned to them (404 otherwise)', async () => {
    const own = await world.call('GET', `/entries/${entries['A-bwd']}`, { token: tokens.ann });
    expect(own.status).toBe(200);
    expect(own.body.title).toBe('Entry of 00Q');
    const halton = await world.call('GET', `/entries/${entries['A-halton']}`, { token: tokens.ann });
    expect(halton.status).toBe(404);
    const list = await world.call('GET', '/entries', { token: tokens.ann });
    expect(list.body.items.map((e: { entryId: string }) => e.entryId).sort()).toEqual(
      [entries['A-bwd'], entries['A-fylde']].sort(),
    );
  });

  it('refuses a too-small panel with 409 naming the uncoverable entries, and writes nothing', async () => {
    const answer = await world.call('POST', `/categories/${categoryC}/assignments/auto`, { token: setup.organiser });
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.uncoverable).toEqual([{ entryId: entries['C-halton'], needed: 3, available: 2 }]);
    expect(answer.body.detail).toContain(entries['C-halton']);
    const listed = await world.call('GET', `/categories/${categoryC}/assignments`, { token: setup.organiser });
    expect(listed.body.items).toEqual([]);
  });

  it('removes an assignment when its judge declares a conflict afterwards, and records why', async () => {
    // Prepare: Tom has Blackburn's entry
    const before = await world.call('GET', '/me/assignments', { token: tokens.tom });
    expect(before.body.items.map((i: { entryId: string }) => i.entryId)).toContain(entries['A-bwd']);
    // Act
    const answer = await world.call('PUT', `/me/conflicts?programmeId=${setup.programmeId}`, {
      token: tokens.tom,
      body: { conflicts: [{ orgCode: '00Q', kind: 'adviser', note: 'Advised their board in 2016' }] },
    });
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.removed).toEqual([
      { entryId: entries['A-bwd'], categoryId: setup.categoryId, reason: 'conflict declared', scoreStatus: 'missing' },
    ]);
    const after = await world.call('GET', '/me/assignments', { token: tokens.tom });
    expect(after.body.items.map((i: { entryId: string }) => i.entryId)).not.toContain(entries['A-bwd']);
    expect((await world.call('GET', `/entries/${entries['A-bwd']}`, { token: tokens.tom })).status).toBe(404);
    const listed = await world.call('GET', `/categories/${setup.categoryId}/assignments`, { token: setup.organiser });
    expect(pairsOf(listed.body.items)).not.toContain(`${entries['A-bwd']}:judge-tom`);
    const log = await removalsOfCategory(setup.categoryId);
    expect(log).toEqual([
      expect.objectContaining({
        entryId: entries['A-bwd'],
        judgeId: 'judge-tom',
        by: 'judge-tom',
        reason: 'conflict declared',
      }),
    ]);
  });

  it('refuses a stale If-Match on conflicts (412) and a programme the caller does not judge (404)', async () => {
    const stale = await world.call('PUT', `/me/conflicts?programmeId=${setup.programmeId}`, {
      token: tokens.tom,
      headers: { 'if-match': '"1"' },
      body: { conflicts: [] },
    });
    expect(stale.status).toBe(412);
    const other = await setUpProgramme(world);
    const notJudge = await world.call('PUT', `/me/conflicts?programmeId=${other.programmeId}`, {
      token: tokens.tom,
      body: { conflicts: [] },
    });
    expect(notJudge.status).toBe(404);
    const organiser = await world.call('PUT', `/me/conflicts?programmeId=${setup.programmeId}`, {
      token: setup.organiser,
      body: { conflicts: [] },
    });
    expect(organiser.status).toBe(403);
  });
});

describe('manual assignment', () => {
  const put = (entryId: string, judgeId: string, token = setup.organiser) =>
    world.call('PUT', `/entries/${entryId}/assignments/${judgeId}`, { token });

  it('refuses a conflicted judge (409)', async () => {
    const answer = await put(entries['A-halton']!, 'judge-ann');
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toMatch(/conflict/);
  });

  it('refuses a judge off the category panel (409)', async () => {
    const answer = await put(entries['A-halton']!, 'judge-gareth');
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toMatch(/panel/);
  });

  it('refuses an entry that is not submitted (409), an unknown judge (404) and a judge caller (403)', async () => {
    const draft = await world.call('POST', '/entries', {
      token: orgs.fylde!.token,
      body: { categoryId: setup.categoryId, title: 'Still a draft' },
    });
    expect((await put(draft.body.entryId, 'judge-tom')).status).toBe(409);
    expect((await put(entries['A-halton']!, 'nobody')).status).toBe(404);
    expect((await put(entries['A-bwd']!, 'judge-ann', tokens.ann)).status).toBe(403);
  });

  it('assigns a panel judge without a conflict (201), and again changes nothing (200)', async () => {
    const first = await put(entries['B-fylde']!, 'judge-gareth');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ entryId: entries['B-fylde'], judgeId: 'judge-gareth', by: 'organiser-1' });
    const again = await put(entries['B-fylde']!, 'judge-gareth');
    expect(again.status).toBe(200);
    expect(again.body.assignedAt).toBe(first.body.assignedAt);
  });

  it('needs force to take an entry off a judge with a final score, and records it', async () => {
    // Prepare: Sara has a final score for Halton's entry and a draft for Fylde's
    await putItem({ ...keys.score(entries['A-halton']!, 'judge-sara'), final: true });
    await putItem({ ...keys.score(entries['A-fylde']!, 'judge-sara'), final: false });
    const mine = await world.call('GET', '/me/assignments', { token: tokens.sara });
    expect(mine.body.items).toEqual(
      expect.arrayContaining([
        { entryId: entries['A-halton'], categoryId: setup.categoryId, title: 'Entry of 01F', scoreStatus: 'final' },
        { entryId: entries['A-fylde'], categoryId: setup.categoryId, title: 'Entry of 02M', scoreStatus: 'draft' },
      ]),
    );
    const path = `/entries/${entries['A-halton']}/assignments/judge-sara`;
    // Act
    const refused = await world.call('DELETE', path, { token: setup.organiser });
    const forced = await world.call('DELETE', `${path}?force=true`, { token: setup.organiser });
    // Assess
    expect(refused.status).toBe(409);
    expect(forced.status).toBe(204);
    const listed = await world.call('GET', `/categories/${setup.categoryId}/assignments`, { token: setup.organiser });
    expect(pairsOf(listed.body.items)).not.toContain(`${entries['A-halton']}:judge-sara`);
    expect(await removalsOfCategory(setup.categoryId)).toContainEqual(
      expect.objectContaining({
        entryId: entries['A-halton'],
        judgeId: 'judge-sara',
        reason: 'removed by organiser',
        scoreStatus: 'final',
        by: 'organiser-1',
      }),
    );
    expect((await world.call('DELETE', path, { token: setup.organiser })).status).toBe(404);
  });

  it('takes an entry without a final score off a judge without force', async () => {
    const answer = await world.call('DELETE', `/entries/${entries['A-fylde']}/assignments/judge-sara`, {
      token: setup.organiser,
    });
    expect(answer.status).toBe(204);
  });
});

describe('a blind category', () => {
  it('hides the title and organisation from the judge, in the entry, the entry list and their assignments', async () => {
    const entry = await world.call('GET', `/entries/${entries['B-fylde']}`, { token: tokens.gareth });
    expect(entry.status).toBe(200);
    expect(entry.body).not.toHaveProperty('title');
    expect(entry.body).not.toHaveProperty('orgCode');
    expect(entry.body.answers.summary).toBeDefined();
    const mine = await world.call('GET', '/me/assignments', { token: tokens.gareth });
    expect(mine.body.items).toEqual([{ entryId: entries['B-fylde'], categoryId: categoryB, scoreStatus: 'missing' }]);
    const list = await world.call('GET', '/entries', { token: tokens.gareth });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('title');
    expect(list.body.items[0]).not.toHaveProperty('orgCode');
    const organiserView = await world.call('GET', `/entries/${entries['B-fylde']}`, { token: setup.organiser });
    expect(organiserView.body.title).toBe('Entry of 02M');
  });

  it("hides the entrant's evidence file names from the judge, not from organisers", async () => {
    const path = `/entries/${entries['B-fylde']}/evidence`;
    const judgeView = await world.call('GET', path, { token: tokens.gareth });
    expect(judgeView.body.items.map((i: { fileName: string }) => i.fileName)).toEqual(['Evidence 1.pdf']);
    const organiserView = await world.call('GET', path, { token: setup.organiser });
    expect(organiserView.body.items.map((i: { fileName: string }) => i.fileName)).toEqual(['plan.pdf']);
  });
});

describe("a judge's own organisation", () => {
  it("takes away an assignment to it once the judge's token names it, and hides the entry", async () => {
    // Prepare: Gareth, registered without an organisation, is given Halton's blind-category entry
    expect(
      (
        await world.call('PUT', `/entries/${entries['B-halton']}/assignments/judge-gareth`, {
          token: setup.organiser,
        })
      ).status,
    ).toBe(201);
    const garethAtHalton = await world.token('judge', { userId: 'judge-gareth', orgCode: '01F' });
    // Act
    const mine = await world.call('GET', '/me/assignments', { token: garethAtHalton });
    // Assess
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { entryId: string }) => i.entryId)).toEqual([entries['B-fylde']]);
    expect((await world.call('GET', `/entries/${entries['B-halton']}`, { token: garethAtHalton })).status).toBe(404);
    expect(await removalsOfCategory(categoryB)).toEqual([
      expect.objectContaining({ entryId: entries['B-halton'], judgeId: 'judge-gareth', reason: 'own organisation' }),
    ]);
    const judges = await world.call('GET', `/programmes/${setup.programmeId}/judges`, { token: setup.organiser });
    expect(judges.body.items.find((j: { userId: string }) => j.userId === 'judge-gareth').orgCode).toBe('01F');
    const again = await world.call('PUT', `/entries/${entries['B-halton']}/assignments/judge-gareth`, {
      token: setup.organiser,
    });
    expect(again.status).toBe(409);
  });
});
