import { startLocalWorld, type LocalWorld } from '../support/local-world.js';
import { attachCheckedEvidence, completeDraft, entrantOf, setUpProgramme, type Setup } from '../support/fixtures.js';

let world: LocalWorld;
let setup: Setup;
let a: { code: string; token: string };
let b: { code: string; token: string };

beforeAll(async () => {
  world = await startLocalWorld();
  setup = await setUpProgramme(world);
  a = await entrantOf(world, setup.organiser, 'AAA01', 'Fylde and Wyre CCG');
  b = await entrantOf(world, setup.organiser, 'BBB02', 'Halton CCG');
});
afterAll(() => world.stop());

describe("an entrant's journey", () => {
  it('drafts, edits and submits an entry, keeping Unicode exactly', async () => {
    const title = 'Gofal Iechyd – Cymru 🏥 café';
    const created = await world.call('POST', '/entries', {
      token: a.token,
      body: { categoryId: setup.categoryId, title },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ orgCode: 'AAA01', status: 'draft', title });
    expect(created.headers.get('etag')).toBe('"1"');

    const answer = 'Rydym wedi gwella gofal 👩‍⚕️ — naïve coöperation.';
    const edited = await world.call('PATCH', `/entries/${created.body.entryId}`, {
      token: a.token,
      headers: { 'if-match': '"1"' },
      body: { answers: { summary: answer, impact: 'Fewer admissions' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.answers.summary).toBe(answer);
    await attachCheckedEvidence(created.body.entryId);

    const submitted = await world.call('POST', `/entries/${created.body.entryId}/submit`, { token: a.token });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const read = await world.call('GET', `/entries/${created.body.entryId}`, { token: a.token });
    expect(read.body.title).toBe(title);
    expect(read.body.answers.summary).toBe(answer);
  });

  it('takes the organisation from the token, never from the body', async () => {
    const answer = await world.call('POST', '/entries', {
      token: a.token,
      body: { categoryId: setup.categoryId, title: 'Sneaky', orgCode: 'BBB02' },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });

  it("keeps another organisation's entrant out of an entry: read, list, edit, submit, withdraw all look like 404", async () => {
    const draft = await completeDraft(world, a.token, setup.categoryId, 'Private to A');
    const path = `/entries/${draft.entryId}`;
    expect((await world.call('GET', path, { token: b.token })).status).toBe(404);
    const list = await world.call('GET', '/entries', { token: b.token });
    expect(list.body.items.map((e: { entryId: string }) => e.entryId)).not.toContain(draft.entryId);
    const edit = await world.call('PATCH', path, {
      token: b.token,
      headers: { 'if-match': `"${draft.version}"` },
      body: { title: 'Hijacked' },
    });
    expect(edit.status).toBe(404);
    expect((await world.call('POST', `${path}/submit`, { token: b.token })).status).toBe(404);
    expect((await world.call('POST', `${path}/withdraw`, { token: b.token })).status).toBe(404);
    const unchanged = await world.call('GET', path, { token: a.token });
    expect(unchanged.body).toMatchObject({ title: 'Private to A', status: 'draft', version: draft.version });
  });

  it('refuses an edit with a stale ETag (412) or none (428), changing nothing', async () => {
    const draft = await completeDraft(world, a.token, setup.categoryId);
    const path = `/entries/${draft.entryId}`;
    const stale = await world.call('PATCH', path, {
      token: a.token,
      headers: { 'if-match': '"1"' },
      body: { title: 'Late' },
    });
    expect(stale.status).toBe(412);
    const missing = await world.call('PATCH', path, { token: a.token, body: { title: 'Blind' } });
    expect(missing.status).toBe(428);
    expect((await world.call('GET', path, { token: a.token })).body.title).toBe('Our project');
  });

  it('refuses to submit over a word limit or missing an answer, naming the field', async () => {
    const created = await world.call('POST', '/entries', {
      token: a.token,
      body: { categoryId: setup.categoryId, title: 'Short' },
    });
    await attachCheckedEvidence(created.body.entryId);
    const missing = await world.call('POST', `/entries/${created.body.entryId}/submit`, { token: a.token });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'answers.summary', message: 'this question needs an answer' },
        { path: 'answers.impact', message: 'this question needs an answer' },
      ]),
    );
    const tooLong = await world.call('PATCH', `/entries/${created.body.entryId}`, {
      token: a.token,
      headers: { 'if-match': created.headers.get('etag') ?? '' },
      body: { answers: { extra: Array.from({ length: 51 }, (_, i) => `word${i}`).join(' ') } },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0]).toMatchObject({ path: 'answers.extra', message: '51 words; the limit is 50' });
  });

  it('refuses to submit without an available evidence file', async () => {
    const draft = await completeDraft(world, a.token, setup.categoryId);
    const answer = await world.call('POST', `/entries/${draft.entryId}/submit`, { token: a.token });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain('evidence');
  });

  it('returns the same draft for a retried create with the same Idempotency-Key, and 422 for another body', async () => {
    const headers = { 'idempotency-key': 'create-once-123' };
    const body = { categoryId: setup.categoryId, title: 'Retried' };
    const first = await world.call('POST', '/entries', { token: a.token, headers, body });
    const second = await world.call('POST', '/entries', { token: a.token, headers, body });
    expect(second.status).toBe(201);
    expect(second.body.entryId).toBe(first.body.entryId);
    const other = await world.call('POST', '/entries', { token: a.token, headers, body: { ...body, title: 'Other' } });
    expect(other.status).toBe(422);
    const mine = await world.call('GET', '/entries?limit=100', { token: a.token });
    expect(mine.body.items.filter((e: { title: string }) => e.title === 'Retried')).toHaveLength(1);
  });

  it('withdraws a submitted entry and records every status change in the audit trail', async () => {
    const draft = await completeDraft(world, a.token, setup.categoryId);
    await attachCheckedEvidence(draft.entryId);
    await world.call('POST', `/entries/${draft.entryId}/submit`, { token: a.token });
    const withdrawn = await world.call('POST', `/entries/${draft.entryId}/withdraw`, { token: a.token });
    expect(withdrawn.body.status).toBe('withdrawn');
    const audit = await world.call('GET', `/entries/${draft.entryId}/audit`, { token: setup.organiser });
    const moves = audit.body.items.filter((h: { action: string }) => h.action !== 'edited');
    expect(moves.map((h: { from?: string; to: string }) => [h.from, h.to])).toEqual([
      [undefined, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'withdrawn'],
    ]);
    expect(
      moves.every((h: { by: string; at: string }) => h.by === `entrant-AAA01` && !Number.isNaN(Date.parse(h.at))),
    ).toBe(true);
    expect((await world.call('GET', `/entries/${draft.entryId}/audit`, { token: a.token })).status).toBe(403);
  });

  it('refuses to submit after entries close, and to withdraw once judging has started', async () => {
    const draft = await completeDraft(world, a.token, setup.categoryId);
    await attachCheckedEvidence(draft.entryId);
    const programme = await world.call('GET', `/programmes/${setup.programmeId}`, { token: setup.organiser });
    const past = new Date(Date.now() - 60_000).toISOString();
    const earlier = new Date(Date.now() - 120_000).toISOString();
    const moved = await world.call('PATCH', `/programmes/${setup.programmeId}`, {
      token: setup.organiser,
      headers: { 'if-match': programme.headers.get('etag') ?? '' },
      body: { entriesOpenAt: earlier, entriesCloseAt: past },
    });
    expect(moved.status).toBe(200);
    const late = await world.call('POST', `/entries/${draft.entryId}/submit`, { token: a.token });
    expect(late.status).toBe(409);
    expect(late.body.type).toMatch(/deadline-passed$/);
    const withdraw = await world.call('POST', `/entries/${draft.entryId}/withdraw`, { token: a.token });
    expect(withdraw.status).toBe(409);
    const restore = await world.call('PATCH', `/programmes/${setup.programmeId}`, {
      token: setup.organiser,
      headers: { 'if-match': moved.headers.get('etag') ?? '' },
      body: { entriesOpenAt: programme.body.entriesOpenAt, entriesCloseAt: programme.body.entriesCloseAt },
    });
    expect(restore.status).toBe(200);
  });

  it('lets organisers list by category and status, a page at a time, with a cursor bound to the query', async () => {
    const first = await world.call('GET', `/entries?categoryId=${setup.categoryId}&limit=2`, {
      token: setup.organiser,
    });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await world.call(
      'GET',
      `/entries?categoryId=${setup.categoryId}&limit=2&cursor=${first.body.nextCursor}`,
      {
        token: setup.organiser,
      },
    );
    expect(second.status).toBe(200);
    expect(second.body.items[0].entryId).not.toBe(first.body.items[0].entryId);
    const forged = await world.call('GET', `/entries?status=draft&limit=2&cursor=${first.body.nextCursor}`, {
      token: setup.organiser,
    });
    expect(forged.status).toBe(422);
    const entrantReuse = await world.call('GET', `/entries?cursor=${first.body.nextCursor}`, { token: a.token });
    expect(entrantReuse.status).toBe(422);
    const submitted = await world.call('GET', `/entries?categoryId=${setup.categoryId}&status=submitted`, {
      token: setup.organiser,
    });
    expect(submitted.body.items.every((e: { status: string }) => e.status === 'submitted')).toBe(true);
  });

  it('keeps entry writes to entrants and category changes to organisers (403 for the wrong role)', async () => {
    const judge = await world.token('judge');
    expect(
      (await world.call('POST', '/entries', { token: judge, body: { categoryId: setup.categoryId, title: 'x' } }))
        .status,
    ).toBe(403);
    const change = await world.call('PATCH', `/categories/${setup.categoryId}`, {
      token: a.token,
      headers: { 'if-match': '"1"' },
      body: { name: 'Mine now' },
    });
    expect(change.status).toBe(403);
  });
});
