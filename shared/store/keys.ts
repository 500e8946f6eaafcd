/**
 * Every key of the single table, spelled once. Items carry `pk`/`sk` and up to three generic
 * index keys (`gsi1pk`/`gsi1sk`, …). Assignment and score keys carry the judging round so a later
 * round needs no migration (api.md, Rounds).
 */
export type Round = 1 | 2;

export interface ItemKey {
  pk: string;
  sk: string;
}

const one = (pk: string, sk: string): ItemKey => ({ pk, sk });

export const keys = {
  organisation: (code: string) => one(`ORG#${code}`, 'ORG'),
  organisationList: () => ({ gsi1pk: 'ORGS' }),

  programme: (programmeId: string) => one(`PROG#${programmeId}`, 'PROG'),
  programmeList: () => ({ gsi1pk: 'PROGS' }),

  category: (categoryId: string) => one(`CAT#${categoryId}`, 'CAT'),
  categoriesOfProgramme: (programmeId: string) => ({ gsi1pk: `PROG#${programmeId}#CATS` }),

  entry: (entryId: string) => one(`ENTRY#${entryId}`, 'ENTRY'),
  /** gsi1: a category's entries, sorted by status then id, so a status filter is a begins_with. */
  entriesOfCategory: (categoryId: string) => ({ gsi1pk: `CAT#${categoryId}#ENTRIES` }),
  entryInCategorySort: (status: string, entryId: string) => `${status}#${entryId}`,
  /** gsi2: an organisation's entries. */
  entriesOfOrganisation: (orgCode: string) => ({ gsi2pk: `ORG#${orgCode}#ENTRIES` }),
  /** gsi3: every entry, for an organiser's unfiltered list. */
  allEntries: () => ({ gsi3pk: 'ENTRIES' }),

  judge: (programmeId: string, userId: string) => one(`PROG#${programmeId}`, `JUDGE#${userId}`),
  judgesOfProgramme: (programmeId: string) => ({ pk: `PROG#${programmeId}`, skPrefix: 'JUDGE#' }),
  /** gsi2: the programmes a user judges in (their judge items), sorted by programme. */
  programmesOfJudge: (userId: string) => ({ gsi2pk: `JUDGE#${userId}#PROGS` }),

  assignment: (entryId: string, judgeId: string, round: Round = 1) =>
    one(`ENTRY#${entryId}`, `ROUND#${round}#ASSIGN#${judgeId}`),
  assignmentsOfEntry: (entryId: string, round: Round = 1) => ({
    pk: `ENTRY#${entryId}`,
    skPrefix: `ROUND#${round}#ASSIGN#`,
  }),
  /** gsi1: a category's assignments; gsi2: a judge's. */
  assignmentsOfCategory: (categoryId: string, round: Round = 1) => ({
    gsi1pk: `CAT#${categoryId}#ROUND#${round}#ASSIGN`,
  }),
  assignmentsOfJudge: (judgeId: string, round: Round = 1) => ({ gsi2pk: `JUDGE#${judgeId}#ROUND#${round}#ASSIGN` }),

  /** A category's log of assignments taken away, oldest first. */
  assignmentRemoval: (categoryId: string, at: string, entryId: string, judgeId: string, round: Round = 1) =>
    one(`CAT#${categoryId}`, `ROUND#${round}#ASSIGNLOG#${at}#${entryId}#${judgeId}`),
  assignmentRemovalsOfCategory: (categoryId: string, round: Round = 1) => ({
    pk: `CAT#${categoryId}`,
    skPrefix: `ROUND#${round}#ASSIGNLOG#`,
  }),

  /**
   * A category's assignment lease: whoever holds it is the one writer of the category's assignments
   * (an automatic run or a manual assignment). Its sort key is outside the ASSIGNLOG# prefix.
   */
  assignmentLease: (categoryId: string, round: Round = 1) => one(`CAT#${categoryId}`, `ROUND#${round}#ASSIGNLOCK`),

  score: (entryId: string, judgeId: string, round: Round = 1) =>
    one(`ENTRY#${entryId}`, `ROUND#${round}#SCORE#${judgeId}`),
  scoresOfEntry: (entryId: string, round: Round = 1) => ({ pk: `ENTRY#${entryId}`, skPrefix: `ROUND#${round}#SCORE#` }),
  /** gsi1: a category's scores, for results and progress. */
  scoresOfCategory: (categoryId: string, round: Round = 1) => ({ gsi1pk: `CAT#${categoryId}#ROUND#${round}#SCORES` }),

  shortlist: (categoryId: string, round: Round = 1) => one(`CAT#${categoryId}`, `ROUND#${round}#SHORTLIST`),
  publishedShortlist: (categoryId: string, round: Round = 1) => one(`CAT#${categoryId}`, `ROUND#${round}#PUBLISHED`),
  winners: (categoryId: string) => one(`CAT#${categoryId}`, 'WINNERS'),

  idempotency: (scope: string, key: string) => one(`IDEMP#${scope}#${key}`, 'IDEMP'),
} as const;
