import { randomBytes } from 'node:crypto';
import { newId } from '../../../shared/domain/ids.js';
import {
  attachCheckedEvidence,
  completeDraft,
  entrantOf,
  HSJ_CRITERIA,
  QUESTIONS,
  setUpProgramme,
  submittedEntry,
  assignInStore,
} from '../fixtures.js';
import type { ApiAnswer, CallOptions, LocalWorld } from '../local-world.js';
import { MATRIX_ROLES, type MatrixRole } from './roles.js';

/** A string that only some callers may ever see in an answer: an entry's id, title or answer, a judge's id, a comment. */
export interface Secret {
  marker: string;
  what: string;
  /** Organisers see everything; these others may too. */
  visibleTo: readonly MatrixRole[];
}

type JudgeKey = 'assigned' | 'unassigned' | 'conflicted' | 'ownOrg' | 'co';

/**
 * The objects the matrix aims at, made through the API as clients would (a few store writes only
 * where the API has no way: an already-checked evidence file, an assignment made before a judge's
 * organisation was known). Organisation A owns the target entries; B is "another organisation".
 *
 * - programme P, open for entries, with category C (panel: every judge) and category R (panel:
 *   the assigned judge and a co-judge);
 * - in C: A's draft D and submitted entry S (an available evidence file on each), B's draft DB and
 *   submitted entry SB; S is assigned to the assigned judge, the co-judge and the own-organisation
 *   judge; SB to the co-judge only; the assigned judge has a draft score on S, the co-judge a final one;
 * - in R: A's entry R1 and B's entry R2, both scored final by both judges, R1 shortlisted, published
 *   and the winner, R2 not shortlisted: R1's feedback exists and R1 is in the public results.
 */
export interface MatrixWorld {
  world: LocalWorld;
  tokens: Readonly<Record<MatrixRole, string | undefined>>;
  orgA: { code: string; token: string };
  orgB: { code: string; token: string };
  programmeId: string;
  categoryId: string;
  resultsCategoryId: string;
  draftId: string;
  submittedId: string;
  /** An available evidence file of S. */
  evidenceId: string;
  otherDraftId: string;
  otherSubmittedId: string;
  finalistId: string;
  notShortlistedId: string;
  judges: Readonly<Record<JudgeKey, string>>;
  secrets: readonly Secret[];
  /** Called before each cell: puts back what a caller's own earlier request may have taken away. */
  beforeCell(role: MatrixRole): Promise<void>;
  fresh: FreshObjects;
  call(role: MatrixRole, method: string, path: string, options?: Omit<CallOptions, 'token'>): Promise<ApiAnswer>;
}

/** Throwaway objects for rows that change what they touch, so no row spoils a later one. */
export interface FreshObjects {
  /** A complete draft of A in C. */
  draft(): Promise<{ entryId: string; version: number }>;
  /** A complete draft of A in C with one available evidence file: ready to submit. */
  draftWithEvidence(): Promise<{ entryId: string; version: number; evidenceId: string }>;
  /** A submitted entry of A in C, assigned to nobody. */
  submitted(): Promise<{ entryId: string }>;
  /** A submitted entry of A in C, assigned to the assigned judge. */
  assigned(): Promise<{ entryId: string; judgeId: string }>;
  programme(): Promise<{ programmeId: string; version: number }>;
  /** A category of its own programme. */
  category(): Promise<{ categoryId: string; version: number }>;
  /** A category of its own programme with one submitted entry of A, at a stage of the results. */
  judgedCategory(stage: 'submitted' | 'decided' | 'published'): Promise<{ categoryId: string; entryId: string }>;
}

const JUDGE_ROLES: Record<JudgeKey, MatrixRole | undefined> = {
  assigned: 'assignedJudge',
  unassigned: 'unassignedJudge',
  conflicted: 'conflictedJudge',
  ownOrg: 'ownOrgJudge',
  co: undefined,
};

const suffix = () => randomBytes(4).toString('hex');

function expectStatus(answer: ApiAnswer, status: number, what: string): ApiAnswer {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.text}`);
  return answer;
}

export async function buildMatrixWorld(world: LocalWorld): Promise<MatrixWorld> {
  const run = suffix();
  const setup = await setUpProgramme(world);
  const { organiser, programmeId, categoryId } = setup;
  const ok = async (status: number, what: string, answer: Promise<ApiAnswer>) =>
    expectStatus(await answer, status, what);

  const resultsCategory = await ok(
    201,
    'category R',
    world.call('POST', `/programmes/${programmeId}/categories`, {
      token: organiser,
      body: {
        name: 'Patient Safety',
        description: 'Judged and published before the matrix runs',
        questions: QUESTIONS,
        criteria: HSJ_CRITERIA,
        judgesPerEntry: 2,
        shortlistSize: 1,
        maxEvidenceFiles: 5,
      },
    }),
  );
  const resultsCategoryId: string = resultsCategory.body.categoryId;

  const orgA = await entrantOf(world, organiser);
  const orgB = await entrantOf(world, organiser);

  const judges: Record<JudgeKey, string> = {
    assigned: `mx-asg-${run}`,
    unassigned: `mx-una-${run}`,
    conflicted: `mx-con-${run}`,
    ownOrg: `mx-own-${run}`,
    co: `mx-co-${run}`,
  };
  const panels: Record<JudgeKey, string[]> = {
    assigned: [categoryId, resultsCategoryId],
    co: [categoryId, resultsCategoryId],
    unassigned: [categoryId],
    conflicted: [categoryId],
    ownOrg: [categoryId],
  };
  for (const [key, userId] of Object.entries(judges) as [JudgeKey, string][]) {
    await ok(
      201,
      `judge ${key}`,
      world.call('POST', `/programmes/${programmeId}/judges`, {
        token: organiser,
        body: {
          userId,
          name: `Judge ${key}`,
          email: `${key}@judges.example.org`,
          categoryIds: panels[key],
          conflicts: key === 'conflicted' ? [{ orgCode: orgA.code, kind: 'employee' }] : [],
        },
      }),
    );
  }
  const judgeTokens = Object.fromEntries(
    await Promise.all(
      (Object.entries(judges) as [JudgeKey, string][]).map(async ([key, userId]) => [
        key,
        await world.token('judge', { userId, ...(key === 'ownOrg' ? { orgCode: orgA.code } : {}) }),
      ]),
    ),
  ) as Record<JudgeKey, string>;

  const secrets: Secret[] = [];
  const secret = (marker: string, what: string, visibleTo: readonly MatrixRole[]) => {
    secrets.push({ marker, what, visibleTo });
    return marker;
  };

  /** A named entry whose id, title and answer text are all secrets with the same readers. */
  async function namedEntry(
    label: string,
    org: { code: string; token: string },
    inCategory: string,
    readers: readonly MatrixRole[],
    options: { submit: boolean; publicTitle?: boolean },
  ) {
    const title = secret(`Title ${label} ${run}`, `title of ${label}`, options.publicTitle ? MATRIX_ROLES : readers);
    const created = await ok(
      201,
      `entry ${label}`,
      world.call('POST', '/entries', { token: org.token, body: { categoryId: inCategory, title } }),
    );
    const entryId: string = created.body.entryId;
    secret(entryId, `id of ${label}`, readers);
    const answer = secret(`answer-${label}-${run}`, `an answer of ${label}`, readers);
    await ok(
      200,
      `answers of ${label}`,
      world.call('PATCH', `/entries/${entryId}`, {
        token: org.token,
        headers: { 'if-match': created.headers.get('etag') ?? '' },
        body: { answers: { summary: `We joined up care: ${answer}`, impact: 'Fewer admissions.' } },
      }),
    );
    const evidenceId = await attachCheckedEvidence(entryId, newId());
    secret(evidenceId, `evidence of ${label}`, readers);
    if (options.submit) {
      await ok(200, `submit ${label}`, world.call('POST', `/entries/${entryId}/submit`, { token: org.token }));
    }
    return { entryId, evidenceId };
  }

  const draft = await namedEntry('D', orgA, categoryId, ['ownerEntrant'], { submit: false });
  const submitted = await namedEntry('S', orgA, categoryId, ['ownerEntrant', 'assignedJudge'], { submit: true });
  const otherDraft = await namedEntry('DB', orgB, categoryId, ['otherEntrant'], { submit: false });
  const otherSubmitted = await namedEntry('SB', orgB, categoryId, ['otherEntrant'], { submit: true });
  const finalist = await namedEntry('R1', orgA, resultsCategoryId, ['ownerEntrant', 'assignedJudge'], {
    submit: true,
    publicTitle: true,
  });
  const notShortlisted = await namedEntry('R2', orgB, resultsCategoryId, ['otherEntrant', 'assignedJudge'], {
    submit: true,
  });

  // Judges see their own id in their own answers (score sheets, their conflicts), nobody else's;
  // the co-judge is no caller of the matrix, only a colleague whose marks must stay hidden.
  for (const [key, userId] of Object.entries(judges) as [JudgeKey, string][]) {
    const role = JUDGE_ROLES[key];
    secret(userId, `judge id ${key}`, role ? [role] : []);
  }

  const assign = (entryId: string, judge: JudgeKey) =>
    ok(
      201,
      `assign ${judge}`,
      world.call('PUT', `/entries/${entryId}/assignments/${judges[judge]}`, { token: organiser }),
    );
  // The own-organisation judge is assigned before any request of theirs has named their organisation.
  for (const judge of ['assigned', 'co', 'ownOrg'] as const) await assign(submitted.entryId, judge);
  await assign(otherSubmitted.entryId, 'co');
  for (const judge of ['assigned', 'co'] as const) {
    await assign(finalist.entryId, judge);
    await assign(notShortlisted.entryId, judge);
  }

  const marks = (mark: number) => Object.fromEntries(HSJ_CRITERIA.map((c) => [c.id, mark]));
  const score = (judge: JudgeKey, entryId: string, mark: number, comment: string, final: boolean) =>
    ok(
      200,
      `score by ${judge}`,
      world.call('PUT', `/entries/${entryId}/scores/me`, {
        token: judgeTokens[judge],
        body: { scores: marks(mark), comment, final },
      }),
    );
  await score(
    'assigned',
    submitted.entryId,
    6,
    secret(`comment S asg ${run}`, 'draft score on S', ['assignedJudge']),
    false,
  );
  await score('co', submitted.entryId, 7, secret(`comment S co ${run}`, "co-judge's score on S", []), true);
  await score(
    'assigned',
    finalist.entryId,
    9,
    secret(`comment R1 asg ${run}`, 'score on R1', ['assignedJudge', 'ownerEntrant']),
    true,
  );
  await score(
    'co',
    finalist.entryId,
    8,
    secret(`comment R1 co ${run}`, "co-judge's score on R1", ['ownerEntrant']),
    true,
  );
  await score(
    'assigned',
    notShortlisted.entryId,
    4,
    secret(`comment R2 asg ${run}`, 'score on R2', ['assignedJudge', 'otherEntrant']),
    true,
  );
  await score(
    'co',
    notShortlisted.entryId,
    3,
    secret(`comment R2 co ${run}`, "co-judge's score on R2", ['otherEntrant']),
    true,
  );

  await ok(
    200,
    'shortlist R',
    world.call('POST', `/categories/${resultsCategoryId}/shortlist`, { token: organiser, body: {} }),
  );
  await ok(
    200,
    'publish R',
    world.call('POST', `/categories/${resultsCategoryId}/shortlist/publish`, { token: organiser }),
  );
  await ok(
    200,
    'winners R',
    world.call('POST', `/categories/${resultsCategoryId}/winners`, {
      token: organiser,
      body: { winner: finalist.entryId },
    }),
  );

  const tokens: Record<MatrixRole, string | undefined> = {
    anonymous: undefined,
    ownerEntrant: orgA.token,
    otherEntrant: orgB.token,
    assignedJudge: judgeTokens.assigned,
    unassignedJudge: judgeTokens.unassigned,
    conflictedJudge: judgeTokens.conflicted,
    ownOrgJudge: judgeTokens.ownOrg,
    organiser,
  };

  const fresh: FreshObjects = {
    draft: () => completeDraft(world, orgA.token, categoryId, 'Throwaway draft'),
    async draftWithEvidence() {
      const made = await completeDraft(world, orgA.token, categoryId, 'Throwaway draft with evidence');
      return { ...made, evidenceId: await attachCheckedEvidence(made.entryId, newId()) };
    },
    async submitted() {
      return { entryId: (await submittedEntry(world, setup, orgA)).entryId };
    },
    async assigned() {
      const { entryId } = await submittedEntry(world, setup, orgA);
      await assign(entryId, 'assigned');
      return { entryId, judgeId: judges.assigned };
    },
    async programme() {
      const made = await setUpProgramme(world);
      const read = await ok(
        200,
        'programme',
        world.call('GET', `/programmes/${made.programmeId}`, { token: organiser }),
      );
      return { programmeId: made.programmeId, version: read.body.version };
    },
    async category() {
      const made = await setUpProgramme(world);
      const read = await ok(200, 'category', world.call('GET', `/categories/${made.categoryId}`, { token: organiser }));
      return { categoryId: made.categoryId, version: read.body.version };
    },
    async judgedCategory(stage) {
      const made = await setUpProgramme(world);
      const { entryId } = await submittedEntry(world, made, orgA);
      if (stage !== 'submitted') {
        await ok(
          200,
          'decide',
          world.call('POST', `/categories/${made.categoryId}/shortlist`, {
            token: organiser,
            body: { entryIds: [entryId], reason: 'Chosen by hand for the matrix' },
          }),
        );
      }
      if (stage === 'published') {
        await ok(
          200,
          'publish',
          world.call('POST', `/categories/${made.categoryId}/shortlist/publish`, { token: organiser }),
        );
      }
      return { categoryId: made.categoryId, entryId };
    },
  };

  return {
    world,
    tokens,
    orgA,
    orgB,
    programmeId,
    categoryId,
    resultsCategoryId,
    draftId: draft.entryId,
    submittedId: submitted.entryId,
    evidenceId: submitted.evidenceId,
    otherDraftId: otherDraft.entryId,
    otherSubmittedId: otherSubmitted.entryId,
    finalistId: finalist.entryId,
    notShortlistedId: notShortlisted.entryId,
    judges,
    secrets,
    fresh,
    async beforeCell(role) {
      // A request of the own-organisation judge records their organisation and so takes the
      // assignment away (as it should); put it back, so every cell of theirs meets the worst case:
      // assigned to an entry of their own organisation.
      if (role !== 'ownOrgJudge') return;
      await assignInStore({ categoryId, programmeId }, submitted.entryId, judges.ownOrg);
    },
    call(role, method, path, options = {}) {
      const token = tokens[role];
      return world.call(method, path, { ...options, ...(token ? { token } : {}) });
    },
  };
}

/** The secrets a caller must never be shown. */
export const secretsHiddenFrom = (m: Pick<MatrixWorld, 'secrets'>, role: MatrixRole): Secret[] =>
  role === 'organiser' ? [] : m.secrets.filter((s) => !s.visibleTo.includes(role));
