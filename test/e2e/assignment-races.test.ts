import { ConflictError } from '../../shared/domain/errors.js';
import type { SignedIn } from '../../shared/domain/principal.js';
import { removalsOfCategory } from '../../shared/store/assignment-log.js';
import { findAssignment, insertAssignment } from '../../shared/store/assignments.js';
import { findJudge, saveJudge } from '../../shared/store/judges.js';
import { autoAssign as runAutoAssign } from '../../shared/use-cases/judging/auto-assign.js';
import { declareConflicts } from '../../shared/use-cases/judging/declare-conflicts.js';
import { assignByHand } from '../../shared/use-cases/judging/manual-assignment.js';
import { withdrawNowConflicting } from '../../shared/use-cases/judging/remove-conflicting.js';
import { keys } from '../../shared/store/keys.js';
import { getItem, putItem } from '../../shared/store/table.js';
import { entrantOf, HSJ_CRITERIA, QUESTIONS, setUpProgramme, submittedEntry, type Setup } from '../support/fixtures.js';
import { startLocalWorld, type ApiAnswer, type LocalWorld } from '../support/local-world.js';

/**
 * Assignment writers racing each other and a judge's conflicts. One programme, three categories,
 * two judges per entry, four panel judges on each:
 * - R (races): four entries, for concurrent automatic runs;
 * - S (stale lease): two entries, behind a lease left by a crashed run;
 * - T (conflicts): two entries, for assignments racing a conflict declared at the same moment;
 * - Q (in process): three entries, for the same races started at the same instant by calling the use
 *   cases in this process (over HTTP the requests arrive a little apart and a run is quick, so they
 *   seldom overlap; these overlap every time).
 */
let world: LocalWorld;
let setup: Setup;
let categoryS: string;
let categoryT: string;
let categoryQ: string;
const JUDGES = ['judge-1', 'judge-2', 'judge-3', 'judge-4'];
const tokens: Record<string, string> = {};
const orgs: { code: string; token: string }[] = [];
const entriesOf: Record<string, string[]> = {};

async function addCategory(name: string): Promise<string> {
  const answer = await world.call('POST', `/programmes/${setup.programmeId}/categories`, {
    token: setup.organiser,
    body: {
      name,
      description: 'A category',
      questions: QUESTIONS,
      criteria: HSJ_CRITERIA,
      judgesPerEntry: 2,
      shortlistSize: 2,
      maxEvidenceFiles: 5,
    },
  });
  if (answer.status !== 201) throw new Error(answer.text);
  return answer.body.categoryId;
}

const assignmentsOf = async (categoryId: string) =>
  (await world.call('GET', `/categories/${categoryId}/assignments?limit=100`, { token: setup.organiser })).body
    .items as { entryId: string; judgeId: string }[];
const autoAssign = (categoryId: string) =>
  world.call('POST', `/categories/${categoryId}/assignments/auto`, { token: setup.organiser });
const declare = (judgeId: string, orgCodes: string[]) =>
  world.call('PUT', `/me/conflicts?programmeId=${setup.programmeId}`, {
    token: tokens[judgeId]!,
    body: { conflicts: orgCodes.map((orgCode) => ({ orgCode, kind: 'adviser' })) },
  });
const expectInProgress = (answer: ApiAnswer) => {
  expect(answer.status).toBe(409);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status: 409, reason: 'assignment in progress' });
};

beforeAll(async () => {
  world = await startLocalWorld();
  setup = await setUpProgramme(world, { name: 'Races', judgesPerEntry: 2 });
  categoryS = await addCategory('Stale lease');
  categoryT = await addCategory('Conflicts');
  categoryQ = await addCategory('In process');
  for (const userId of JUDGES) {
    const registered = await world.call('POST', `/programmes/${setup.programmeId}/judges`, {
      token: setup.organiser,
      body: {
        userId,
        name: userId,
        email: `${userId}@judges.example.org`,
        categoryIds: [setup.categoryId, categoryS, categoryT, categoryQ],
        conflicts: [],
      },
    });
    if (registered.status !== 201) throw new Error(registered.text);
    tokens[userId] = await world.token('judge', { userId });
  }
  for (const [code, name] of [
    ['01F', 'Halton CCG'],
    ['02M', 'Fylde and Wyre CCG'],
    ['00Q', 'Blackburn with Darwen CCG'],
    ['00R', 'Blackpool CCG'],
  ] as const) {
    orgs.push(await entrantOf(world, setup.organiser, code, name));
  }
  const submitAll = async (categoryId: string, count: number) => {
    entriesOf[categoryId] = [];
    for (const org of orgs.slice(0, count)) {
      entriesOf[categoryId].push((await submittedEntry(world, { ...setup, categoryId }, org)).entryId);
    }
  };
  await submitAll(setup.categoryId, 4);
  await submitAll(categoryS, 2);
  await submitAll(categoryT, 2);
  await submitAll(categoryQ, 3);
}, 90_000);
afterAll(() => world.stop());

describe('concurrent automatic runs', () => {
  it('serialise on the category lease: each is 200 or 409 "assignment in progress", and no entry gets more than judgesPerEntry judges', async () => {
    // Act: five runs at once on a category with nothing assigned yet
    const answers = await Promise.all(Array.from({ length: 5 }, () => autoAssign(setup.categoryId)));

    // Assess
    const succeeded = answers.filter((a) => a.status === 200);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    for (const refused of answers.filter((a) => a.status !== 200)) expectInProgress(refused);
    // Runs that succeeded one after another added between them exactly what was needed, once.
    const added = succeeded.flatMap((a) => a.body.added as { entryId: string; judgeId: string }[]);
    expect(added).toHaveLength(4 * 2);
    const items = await assignmentsOf(setup.categoryId);
    expect(items).toHaveLength(4 * 2);
    for (const entryId of entriesOf[setup.categoryId]!) {
      expect(items.filter((i) => i.entryId === entryId)).toHaveLength(2);
    }
    // Every run let go of its lease.
    expect(await getItem(keys.assignmentLease(setup.categoryId))).toBeUndefined();
  });

  it('refuses a run and a manual assignment while another holds a live lease (409), writing nothing', async () => {
    // Prepare: another run holds the lease for 20 s more; judge-x is not assigned to the first entry
    const lease = keys.assignmentLease(setup.categoryId);
    await putItem({ ...lease, owner: 'someone-else', expiresAt: Date.now() + 20_000 });
    const before = await assignmentsOf(setup.categoryId);
    const entryId = entriesOf[setup.categoryId]![0]!;
    const free = JUDGES.find((j) => !before.some((i) => i.entryId === entryId && i.judgeId === j))!;

    // Act
    const auto = await autoAssign(setup.categoryId);
    const manual = await world.call('PUT', `/entries/${entryId}/assignments/${free}`, { token: setup.organiser });

    // Assess
    expectInProgress(auto);
    expectInProgress(manual);
    expect(await findAssignment(entryId, free)).toBeUndefined();
    expect(await assignmentsOf(setup.categoryId)).toEqual(before);
    expect(await getItem(lease)).toMatchObject({ owner: 'someone-else' });
    await putItem({ ...lease, owner: 'someone-else', expiresAt: 0 });
  });
});

describe('a lease left by a crashed run', () => {
  it('lapses: a run after its expiry takes the category and assigns every entry', async () => {
    // Prepare: a run that crashed a minute ago left its lease behind
    const lease = keys.assignmentLease(categoryS);
    await putItem({ ...lease, owner: 'crashed-run', expiresAt: Date.now() - 60_000 });

    // Act
    const answer = await autoAssign(categoryS);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.added).toHaveLength(2 * 2);
    expect(await assignmentsOf(categoryS)).toHaveLength(2 * 2);
    expect(await getItem(lease)).toBeUndefined();
  });
});

describe('assignments racing a conflict declared at the same moment', () => {
  const conflicting = (items: { entryId: string; judgeId: string }[], judgeId: string, entryId: string) =>
    items.some((i) => i.judgeId === judgeId && i.entryId === entryId);

  it('never leaves a manual assignment across the conflict, whichever finishes first', async () => {
    const [entryId] = entriesOf[categoryT]!;
    for (const judgeId of JUDGES) {
      // Act: the organiser assigns the judge to Halton's entry as the judge declares Halton
      const [assigned, declared] = await Promise.all([
        world.call('PUT', `/entries/${entryId}/assignments/${judgeId}`, { token: setup.organiser }),
        declare(judgeId, [orgs[0]!.code]),
      ]);

      // Assess
      expect(declared.status).toBe(200);
      expect([201, 409]).toContain(assigned.status);
      expect(conflicting(await assignmentsOf(categoryT), judgeId, entryId!)).toBe(false);
      expect(await findAssignment(entryId!, judgeId)).toBeUndefined();
    }
  });

  it('never leaves an automatic assignment across the conflict, whichever finishes first', async () => {
    // Prepare: the judges drop their conflicts; nothing is assigned in T
    for (const judgeId of JUDGES) expect((await declare(judgeId, [])).status).toBe(200);
    expect(await assignmentsOf(categoryT)).toEqual([]);
    const [halton, fylde] = entriesOf[categoryT]!;

    // Act: an automatic run while two judges declare Halton and one Fylde
    const [run, ...declared] = await Promise.all([
      autoAssign(categoryT),
      declare('judge-1', [orgs[0]!.code]),
      declare('judge-2', [orgs[0]!.code]),
      declare('judge-3', [orgs[1]!.code]),
    ]);

    // Assess
    expect([200, 409]).toContain(run.status);
    for (const answer of declared) expect(answer.status).toBe(200);
    const items = await assignmentsOf(categoryT);
    expect(conflicting(items, 'judge-1', halton!)).toBe(false);
    expect(conflicting(items, 'judge-2', halton!)).toBe(false);
    expect(conflicting(items, 'judge-3', fylde!)).toBe(false);
    for (const entryId of [halton, fylde])
      expect(items.filter((i) => i.entryId === entryId).length).toBeLessThanOrEqual(2);
  });
});

describe('the same races started at the same instant, in process', () => {
  const organiser: SignedIn = { kind: 'user', userId: 'organiser-1', role: 'organiser' };
  const judgeNamed = (userId: string): SignedIn => ({ kind: 'user', userId, role: 'judge' });
  const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('lets one of two simultaneous automatic runs through and refuses the other with 409, so no entry is over-assigned', async () => {
    // Act
    const [first, second] = await Promise.allSettled([
      runAutoAssign(categoryQ, new Date()),
      runAutoAssign(categoryQ, new Date()),
    ]);

    // Assess
    const outcomes = [first, second];
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(ConflictError);
    expect(refused?.reason.extensions).toEqual({ reason: 'assignment in progress' });
    const items = await assignmentsOf(categoryQ);
    for (const entryId of entriesOf[categoryQ]!) {
      expect(items.filter((i) => i.entryId === entryId)).toHaveLength(2);
    }
  });

  it('never leaves a manual assignment across a conflict declared a few milliseconds before or after it', async () => {
    const entryId = entriesOf[categoryQ]![0]!;
    const items = await assignmentsOf(categoryQ);
    const judgeId = JUDGES.find((j) => !items.some((i) => i.entryId === entryId && i.judgeId === j))!;
    for (let offset = -4; offset <= 4; offset++) {
      // Prepare: the judge has no conflicts and no assignment to the entry
      await declareConflicts(judgeNamed(judgeId), setup.programmeId, [], undefined, new Date());
      expect(await findAssignment(entryId, judgeId)).toBeUndefined();

      // Act: the assignment and the declaration start `offset` ms apart
      const [assigned, declared] = await Promise.allSettled([
        later(Math.max(0, -offset)).then(() => assignByHand(organiser, entryId, judgeId, new Date())),
        later(Math.max(0, offset)).then(() =>
          declareConflicts(
            judgeNamed(judgeId),
            setup.programmeId,
            [{ orgCode: orgs[0]!.code, kind: 'employee' }],
            undefined,
            new Date(),
          ),
        ),
      ]);

      // Assess
      expect(declared.status).toBe('fulfilled');
      if (assigned.status === 'rejected') expect(assigned.reason).toBeInstanceOf(ConflictError);
      expect(await findAssignment(entryId, judgeId)).toBeUndefined();
    }
  });

  it("withdraws, and records, an assignment written just after its judge's conflict was stored (the writer's half)", async () => {
    // Prepare: the judge's new conflict is stored, then an assignment across it is written, as when
    // the declaration lands between a writer's check and its write
    const entryId = entriesOf[categoryQ]![1]!;
    const items = await assignmentsOf(categoryQ);
    const judgeId = JUDGES.find((j) => !items.some((i) => i.entryId === entryId && i.judgeId === j))!;
    const judge = (await findJudge(setup.programmeId, judgeId))!;
    const conflicts = [{ orgCode: orgs[1]!.code, kind: 'other' as const }];
    expect(await saveJudge({ ...judge, conflicts, version: judge.version + 1 }, judge.version)).toBe(true);
    const written = {
      entryId,
      judgeId,
      categoryId: categoryQ,
      programmeId: setup.programmeId,
      round: 1 as const,
      assignedAt: new Date().toISOString(),
      by: 'auto',
    };
    expect(await insertAssignment(written)).toBe(true);

    // Act
    const withdrawn = await withdrawNowConflicting([{ ...written, orgCode: orgs[1]!.code }], new Date());

    // Assess
    expect(withdrawn).toEqual([{ entryId, judgeId, reason: 'conflict declared' }]);
    expect(await findAssignment(entryId, judgeId)).toBeUndefined();
    expect(await removalsOfCategory(categoryQ)).toContainEqual(
      expect.objectContaining({ entryId, judgeId, by: judgeId, reason: 'conflict declared', scoreStatus: 'missing' }),
    );
  });
});
