import { HSJ_CRITERIA, nextOrgCode, QUESTIONS } from '../fixtures.js';
import type { MatrixWorld } from './matrix-world.js';
import type { MatrixRole } from './roles.js';

/** What one cell sends: path parameters, query, body and headers; the method and path come from the route. */
export interface MatrixRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A well-formed request to one route, aimed at a real object: the shared one for reads and for
 * writes that leave it as it was, a throwaway one made for the cell where the write would change it
 * (so the cell's answer is the only thing that differs between callers). The test checks each
 * sample against the route's own zod schemas before sending it, so a 4xx is never bad input.
 */
export type Sample = (m: MatrixWorld, role: MatrixRole) => MatrixRequest | Promise<MatrixRequest>;

const day = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

let counter = 0;
const next = () => ++counter;

const programmeBody = () => {
  const now = Date.now();
  return {
    name: `Matrix Awards ${next()}`,
    year: 2026,
    entriesOpenAt: iso(now - day),
    entriesCloseAt: iso(now + 7 * day),
    judgingClosesAt: iso(now + 30 * day),
  };
};

const categoryBody = () => ({
  name: `Matrix category ${next()}`,
  description: 'Made by the authorisation matrix',
  questions: QUESTIONS,
  criteria: HSJ_CRITERIA,
  judgesPerEntry: 2,
  shortlistSize: 2,
  maxEvidenceFiles: 10,
});

export const samples: Readonly<Record<string, Sample>> = {
  health: () => ({}),
  openapi: () => ({}),
  docs: () => ({}),
  publicResults: (m) => ({ params: { programmeId: m.programmeId } }),
  resultsPage: (m) => ({ params: { programmeId: m.programmeId } }),

  registerOrganisation: () => ({ body: { code: nextOrgCode(), name: 'Matrix Trust', kind: 'Trust' } }),
  listOrganisations: () => ({}),
  createProgramme: () => ({ body: programmeBody() }),
  listProgrammes: () => ({}),
  getProgramme: (m) => ({ params: { programmeId: m.programmeId } }),
  async changeProgramme(m) {
    const { programmeId, version } = await m.fresh.programme();
    return { params: { programmeId }, headers: ifMatch(version), body: { name: 'Renamed by the matrix' } };
  },
  async createCategory(m) {
    const { programmeId } = await m.fresh.programme();
    return { params: { programmeId }, body: categoryBody() };
  },
  listCategories: (m) => ({ params: { programmeId: m.programmeId } }),
  getCategory: (m) => ({ params: { categoryId: m.categoryId } }),
  async changeCategory(m) {
    const { categoryId, version } = await m.fresh.category();
    return { params: { categoryId }, headers: ifMatch(version), body: { description: 'Changed by the matrix' } };
  },

  // A new draft belongs to the caller's own organisation, so creating one touches nobody else's.
  createEntry: (m) => ({ body: { categoryId: m.categoryId, title: 'Started by the matrix' } }),
  listEntries: () => ({}),
  getEntry: (m) => ({ params: { entryId: m.submittedId } }),
  async editEntry(m) {
    const { entryId, version } = await m.fresh.draft();
    return {
      params: { entryId },
      headers: ifMatch(version),
      body: { title: 'Edited by the matrix', answers: { extra: 'One more thing.' } },
    };
  },
  async submitEntry(m) {
    const { entryId, version } = await m.fresh.draftWithEvidence();
    return { params: { entryId }, headers: ifMatch(version) };
  },
  async withdrawEntry(m) {
    const { entryId, version } = await m.fresh.draft();
    return { params: { entryId }, headers: ifMatch(version) };
  },
  entryAudit: (m) => ({ params: { entryId: m.submittedId } }),

  async requestEvidenceUpload(m) {
    const { entryId } = await m.fresh.draft();
    return { params: { entryId }, body: { fileName: 'plan.pdf', contentType: 'application/pdf', size: 1024 } };
  },
  listEvidence: (m) => ({ params: { entryId: m.submittedId } }),
  getEvidenceDownload: (m) => ({ params: { entryId: m.submittedId, evidenceId: m.evidenceId } }),
  async deleteEvidence(m) {
    const { entryId, evidenceId } = await m.fresh.draftWithEvidence();
    return { params: { entryId, evidenceId } };
  },

  registerJudge: (m) => {
    const userId = `mx-new-judge-${next()}`;
    return {
      params: { programmeId: m.programmeId },
      body: {
        userId,
        name: 'A new judge',
        email: `${userId}@judges.example.org`,
        categoryIds: [m.categoryId],
        conflicts: [],
      },
    };
  },
  listJudges: (m) => ({ params: { programmeId: m.programmeId } }),
  // Each judge declares the list they already have, so the call changes no assignment the matrix relies on.
  declareConflicts: (m, role) => ({
    query: { programmeId: m.programmeId },
    body: { conflicts: role === 'conflictedJudge' ? [{ orgCode: m.orgA.code, kind: 'employee' }] : [] },
  }),
  async autoAssign(m) {
    const { categoryId } = await m.fresh.category();
    return { params: { categoryId } };
  },
  listAssignments: (m) => ({ params: { categoryId: m.categoryId } }),
  async assignJudge(m) {
    const { entryId } = await m.fresh.submitted();
    return { params: { entryId, judgeId: m.judges.assigned } };
  },
  async unassignJudge(m) {
    const { entryId, judgeId } = await m.fresh.assigned();
    return { params: { entryId, judgeId } };
  },
  myAssignments: () => ({}),

  async saveMyScore(m, role) {
    const request: MatrixRequest = {
      params: { entryId: m.submittedId },
      body: {
        scores: Object.fromEntries(HSJ_CRITERIA.map((c) => [c.id, 6])),
        // The assigned judge's sheet keeps its comment, which the matrix watches for leaks.
        comment:
          role === 'assignedJudge'
            ? m.secrets.find((s) => s.what === 'draft score on S')!.marker
            : 'Scored by the matrix',
        final: false,
      },
    };
    if (role !== 'assignedJudge') return request;
    const mine = await m.call(role, 'GET', `/entries/${m.submittedId}/scores`);
    return { ...request, headers: ifMatch(mine.body.items[0].version) };
  },
  entryScores: (m) => ({ params: { entryId: m.submittedId } }),
  categoryProgress: (m) => ({ params: { categoryId: m.categoryId } }),
  categoryResults: (m) => ({ params: { categoryId: m.categoryId } }),
  categoryResultsCsv: (m) => ({ params: { categoryId: m.categoryId } }),
  categoryShortlist: (m) => ({ params: { categoryId: m.resultsCategoryId } }),
  async decideShortlist(m) {
    const { categoryId, entryId } = await m.fresh.judgedCategory('submitted');
    return { params: { categoryId }, body: { entryIds: [entryId], reason: 'Chosen by hand for the matrix' } };
  },
  async publishShortlist(m) {
    const { categoryId } = await m.fresh.judgedCategory('decided');
    return { params: { categoryId } };
  },
  async chooseWinners(m) {
    const { categoryId, entryId } = await m.fresh.judgedCategory('published');
    return { params: { categoryId }, body: { winner: entryId } };
  },
  entryFeedback: (m) => ({ params: { entryId: m.finalistId } }),
};
