import {
  attachCheckedEvidence,
  completeDraft,
  entrantOf,
  HSJ_CRITERIA,
  setUpProgramme,
  submittedEntry,
  type Setup,
} from '../support/fixtures.js';
import { startLocalWorld, type ApiAnswer, type LocalWorld } from '../support/local-world.js';

/**
 * Issue 7: what racing clients can and cannot do. Every request goes over HTTP through the local
 * gateway, all at once, as a double-clicking browser or a retrying network would send them.
 *
 * The third rule of the issue — 20 concurrent evidence requests on a limit of 10 let exactly 10
 * through and the entry holds exactly those 10 pending files — is tested once, in
 * test/e2e/evidence.test.ts ("lets exactly 10 of 20 concurrent requests through on a limit of 10").
 */
let world: LocalWorld;
let setup: Setup;
let owner: { code: string; token: string };
let judge: string;
const JUDGE = 'judge-racer';
const RACERS = 50;

beforeAll(async () => {
  world = await startLocalWorld();
  setup = await setUpProgramme(world, { maxEvidenceFiles: 10 });
  owner = await entrantOf(world, setup.organiser);
  const registered = await world.call('POST', `/programmes/${setup.programmeId}/judges`, {
    token: setup.organiser,
    body: {
      userId: JUDGE,
      name: 'Racing judge',
      email: 'racer@judges.example.org',
      categoryIds: [setup.categoryId],
      conflicts: [],
    },
  });
  if (registered.status !== 201) throw new Error(`judge: ${registered.text}`);
  judge = await world.token('judge', { userId: JUDGE });
}, 30_000);
afterAll(() => world.stop());

const count = (answers: ApiAnswer[], status: number) => answers.filter((a) => a.status === status).length;
const winnerOf = (answers: ApiAnswer[]) => answers.findIndex((a) => a.status === 200);
const audit = async (entryId: string) =>
  (await world.call('GET', `/entries/${entryId}/audit`, { token: setup.organiser })).body.items as {
    action: string;
    from?: string;
    to?: string;
  }[];

describe('racing writes with the same ETag', () => {
  it(`lets exactly one of ${RACERS} score saves with the same If-Match win; the rest get 412 and the sheet is the winner's`, async () => {
    // Prepare: an assigned judge has saved a first draft (version 1)
    const { entryId } = await submittedEntry(world, setup, owner);
    const assigned = await world.call('PUT', `/entries/${entryId}/assignments/${JUDGE}`, { token: setup.organiser });
    expect(assigned.status).toBe(201);
    const marks = (seed: number) => Object.fromEntries(HSJ_CRITERIA.map((c, k) => [c.id, (seed + k) % 11]));
    const first = await world.call('PUT', `/entries/${entryId}/scores/me`, {
      token: judge,
      body: { scores: marks(0), comment: 'First draft', final: false },
    });
    expect(first.headers.get('etag')).toBe('"1"');
    const bodies = Array.from({ length: RACERS }, (_, i) => ({
      scores: marks(i),
      comment: `Draft from tab ${i}`,
      final: false,
    }));

    // Act
    const answers = await Promise.all(
      bodies.map((body) =>
        world.call('PUT', `/entries/${entryId}/scores/me`, { token: judge, headers: { 'if-match': '"1"' }, body }),
      ),
    );

    // Assess
    expect(count(answers, 200)).toBe(1);
    expect(count(answers, 412)).toBe(RACERS - 1);
    expect(answers.filter((a) => a.status === 412).every((a) => a.body.type.endsWith('/stale-version'))).toBe(true);
    const winner = winnerOf(answers);
    expect(answers[winner]!.headers.get('etag')).toBe('"2"');
    const mine = await world.call('GET', `/entries/${entryId}/scores`, { token: judge });
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ ...bodies[winner], version: 2, judgeId: JUDGE });
    const all = await world.call('GET', `/entries/${entryId}/scores`, { token: setup.organiser });
    expect(all.body.items).toHaveLength(1);
  });

  it(`lets exactly one of ${RACERS} entry edits with the same ETag win; the rest get 412 and nothing else is lost`, async () => {
    // Prepare: a complete draft, read once by every tab
    const { entryId } = await completeDraft(world, owner.token, setup.categoryId, 'Before the race');
    const read = await world.call('GET', `/entries/${entryId}`, { token: owner.token });
    const etag = read.headers.get('etag')!;
    const editsBefore = (await audit(entryId)).filter((h) => h.action === 'edited').length;
    const bodies = Array.from({ length: RACERS }, (_, i) => ({
      title: `Title from tab ${i}`,
      answers: { extra: `Extra from tab ${i}` },
    }));

    // Act
    const answers = await Promise.all(
      bodies.map((body) =>
        world.call('PATCH', `/entries/${entryId}`, { token: owner.token, headers: { 'if-match': etag }, body }),
      ),
    );

    // Assess
    expect(count(answers, 200)).toBe(1);
    expect(count(answers, 412)).toBe(RACERS - 1);
    const winner = winnerOf(answers);
    const stored = await world.call('GET', `/entries/${entryId}`, { token: owner.token });
    expect(stored.body.title).toBe(bodies[winner]!.title);
    expect(stored.body.answers).toEqual({ ...read.body.answers, ...bodies[winner]!.answers });
    expect(stored.body.version).toBe(read.body.version + 1);
    expect(stored.headers.get('etag')).toBe(answers[winner]!.headers.get('etag'));
    expect((await audit(entryId)).filter((h) => h.action === 'edited')).toHaveLength(editsBefore + 1);
  });
});

describe('a retried submit with the same Idempotency-Key', () => {
  const ready = async () => {
    const { entryId } = await completeDraft(world, owner.token, setup.categoryId, 'Ready to submit');
    await attachCheckedEvidence(entryId);
    return entryId;
  };
  const submit = (entryId: string, key: string) =>
    world.call('POST', `/entries/${entryId}/submit`, { token: owner.token, headers: { 'idempotency-key': key } });
  const submissions = async (entryId: string) =>
    (await audit(entryId)).filter((h) => h.action === 'status' && h.to === 'submitted');
  const sameAnswer = (answer: ApiAnswer, first: ApiAnswer) => {
    expect(answer.status).toBe(first.status);
    expect(answer.headers.get('idempotent-replayed')).toBe('true');
    expect(answer.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(answer.body).toEqual(first.body);
  };

  it('runs once when the retries race: duplicates in flight are told to retry (409), and every retry gets the first answer', async () => {
    // Prepare
    const entryId = await ready();
    const key = `submit-race-${entryId}`;

    // Act: ten copies at once, then each copy refused while the first ran is retried
    const answers = await Promise.all(Array.from({ length: 10 }, () => submit(entryId, key)));
    const firsts = answers.filter((a) => a.status === 200 && a.headers.get('idempotent-replayed') === null);
    const inFlight = answers.filter((a) => a.status === 409);
    const retried = [];
    for (let i = 0; i < inFlight.length; i++) retried.push(await submit(entryId, key));

    // Assess
    expect(firsts).toHaveLength(1);
    const first = firsts[0]!;
    expect(first.body.status).toBe('submitted');
    for (const answer of answers.filter((a) => a !== first && a.status !== 409)) sameAnswer(answer, first);
    expect(inFlight.every((a) => /in progress/.test(a.body.detail))).toBe(true);
    for (const answer of retried) sameAnswer(answer, first);
    expect(await submissions(entryId)).toHaveLength(1);
  });

  it('runs once when retried one after another, and replays the first answer even after the entry moved on', async () => {
    // Prepare
    const entryId = await ready();
    const key = `submit-retry-${entryId}`;

    // Act
    const first = await submit(entryId, key);
    const retry = await submit(entryId, key);
    const withdrawn = await world.call('POST', `/entries/${entryId}/withdraw`, { token: owner.token });
    const late = await submit(entryId, key);

    // Assess
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    sameAnswer(retry, first);
    expect(withdrawn.status).toBe(200);
    sameAnswer(late, first);
    expect(await submissions(entryId)).toHaveLength(1);
    expect((await world.call('GET', `/entries/${entryId}`, { token: owner.token })).body.status).toBe('withdrawn');
  });
});
