import { MATRIX_ROLES, type MatrixRole } from './roles.js';

/**
 * The answer every caller must get from every route, keyed by route id. The authorisation matrix test
 * (test/e2e/authorisation-matrix.test.ts) fails when the route table has a route this table has no
 * row for, so a new route cannot ship without someone deciding who may call it.
 *
 * The rules the rows follow (api.md, and the route helper's brief):
 * - no token on a route that is not public: 401;
 * - a role the route is not for: 403 (decided from the route's audience before anything is read);
 * - a role the route is for, but an object the caller may not see (another organisation's entry, an
 *   entry the judge is not assigned to, an entry of a conflicted judge's or of their own organisation):
 *   404, never 403, so ids leak nothing;
 * - otherwise the route's success status, on the object the row's request sample names.
 *
 * One status per cell: a cell whose success depended on state would let a leak through.
 */
export type Expectation = Readonly<Record<MatrixRole, number>>;

/** Marks a route that is no HTTP route (an S3 event consumer): listed, so it too forces a decision. */
export const NOT_HTTP = 'not an HTTP route' as const;

export type ExpectationRow = Expectation | typeof NOT_HTTP;

/** One row, its statuses in the order of {@link MATRIX_ROLES} (the column header above each block). */
function row(...statuses: number[]): Expectation {
  if (statuses.length !== MATRIX_ROLES.length) throw new Error(`a row needs ${MATRIX_ROLES.length} statuses`);
  return Object.fromEntries(MATRIX_ROLES.map((role, i) => [role, statuses[i]!])) as Expectation;
}

export const expectations: Readonly<Record<string, ExpectationRow>> = {
  //                         anon ownA entB asgJ unaJ conJ ownJ  org
  // Meta and public: anyone, signed in or not.
  health: /*             */ row(200, 200, 200, 200, 200, 200, 200, 200),
  openapi: /*            */ row(200, 200, 200, 200, 200, 200, 200, 200),
  docs: /*               */ row(200, 200, 200, 200, 200, 200, 200, 200),
  publicResults: /*      */ row(200, 200, 200, 200, 200, 200, 200, 200),
  resultsPage: /*        */ row(200, 200, 200, 200, 200, 200, 200, 200),

  //                         anon ownA entB asgJ unaJ conJ ownJ  org
  // Organisations and programmes: organisers write, everyone signed in reads.
  registerOrganisation: /**/ row(401, 403, 403, 403, 403, 403, 403, 201),
  listOrganisations: /*  */ row(401, 200, 200, 200, 200, 200, 200, 200),
  createProgramme: /*    */ row(401, 403, 403, 403, 403, 403, 403, 201),
  listProgrammes: /*     */ row(401, 200, 200, 200, 200, 200, 200, 200),
  getProgramme: /*       */ row(401, 200, 200, 200, 200, 200, 200, 200),
  changeProgramme: /*    */ row(401, 403, 403, 403, 403, 403, 403, 200),
  createCategory: /*     */ row(401, 403, 403, 403, 403, 403, 403, 201),
  listCategories: /*     */ row(401, 200, 200, 200, 200, 200, 200, 200),
  getCategory: /*        */ row(401, 200, 200, 200, 200, 200, 200, 200),
  changeCategory: /*     */ row(401, 403, 403, 403, 403, 403, 403, 200),

  //                         anon ownA entB asgJ unaJ conJ ownJ  org
  // Entries: every entrant starts drafts for their own organisation; only the owner changes one;
  // organisers, the owner and assigned judges read one; anyone else is told it does not exist.
  createEntry: /*        */ row(401, 201, 201, 403, 403, 403, 403, 403),
  listEntries: /*        */ row(401, 200, 200, 200, 200, 200, 200, 200),
  getEntry: /*           */ row(401, 200, 404, 200, 404, 404, 404, 200),
  editEntry: /*          */ row(401, 200, 404, 403, 403, 403, 403, 403),
  submitEntry: /*        */ row(401, 200, 404, 403, 403, 403, 403, 403),
  withdrawEntry: /*      */ row(401, 200, 404, 403, 403, 403, 403, 403),
  entryAudit: /*         */ row(401, 403, 403, 403, 403, 403, 403, 200),

  //                         anon ownA entB asgJ unaJ conJ ownJ  org
  // Evidence: readable with the entry; changed by the owner only.
  requestEvidenceUpload: row(401, 201, 404, 403, 403, 403, 403, 403),
  listEvidence: /*       */ row(401, 200, 404, 200, 404, 404, 404, 200),
  getEvidenceDownload: /**/ row(401, 200, 404, 200, 404, 404, 404, 200),
  deleteEvidence: /*     */ row(401, 204, 404, 403, 403, 403, 403, 403),
  onEvidenceUploaded: NOT_HTTP,

  //                         anon ownA entB asgJ unaJ conJ ownJ  org
  // Judging: organisers run panels and assignments; judges declare their own conflicts and read
  // their own assignments (every judge of the programme may, assigned or not).
  registerJudge: /*      */ row(401, 403, 403, 403, 403, 403, 403, 201),
  listJudges: /*         */ row(401, 403, 403, 403, 403, 403, 403, 200),
  declareConflicts: /*   */ row(401, 403, 403, 200, 200, 200, 200, 403),
  autoAssign: /*         */ row(401, 403, 403, 403, 403, 403, 403, 200),
  listAssignments: /*    */ row(401, 403, 403, 403, 403, 403, 403, 200),
  assignJudge: /*        */ row(401, 403, 403, 403, 403, 403, 403, 201),
  unassignJudge: /*      */ row(401, 403, 403, 403, 403, 403, 403, 204),
  myAssignments: /*      */ row(401, 403, 403, 200, 200, 200, 200, 403),

  //                         anon ownA entB asgJ unaJ conJ ownJ  org
  // Scores and results: a judge scores and reads only an entry assigned to them (and never one of
  // their own organisation); results, shortlists and winners are the organisers'; feedback is the
  // owning organisation's, once published.
  saveMyScore: /*        */ row(401, 403, 403, 200, 404, 404, 404, 403),
  entryScores: /*        */ row(401, 403, 403, 200, 404, 404, 404, 200),
  categoryProgress: /*   */ row(401, 403, 403, 403, 403, 403, 403, 200),
  categoryResults: /*    */ row(401, 403, 403, 403, 403, 403, 403, 200),
  categoryResultsCsv: /* */ row(401, 403, 403, 403, 403, 403, 403, 200),
  categoryShortlist: /*  */ row(401, 403, 403, 403, 403, 403, 403, 200),
  decideShortlist: /*    */ row(401, 403, 403, 403, 403, 403, 403, 200),
  publishShortlist: /*   */ row(401, 403, 403, 403, 403, 403, 403, 200),
  chooseWinners: /*      */ row(401, 403, 403, 403, 403, 403, 403, 200),
  entryFeedback: /*      */ row(401, 200, 404, 403, 403, 403, 403, 403),
};
