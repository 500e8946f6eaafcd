/**
 * The judging round a score or assignment belongs to. Round 1 scores every submitted entry and
 * yields the shortlist; round 2 (later) scores the finalists (api.md, Rounds).
 */
export type JudgingRound = 1 | 2;

/** What a judge sends: a mark per criterion, a comment for the entrant, and whether it is final. */
export interface ScoreInput {
  scores: Record<string, number>;
  comment: string;
  final: boolean;
}

/**
 * One judge's score sheet for one entry in one round. A draft may be saved again and again; once
 * `final`, it is locked and counts in the results. `version` is the client's ETag.
 */
export interface Score {
  entryId: string;
  judgeId: string;
  categoryId: string;
  programmeId: string;
  round: JudgingRound;
  scores: Record<string, number>;
  comment: string;
  final: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** When the judge made it final. */
  finalisedAt?: string;
}

/**
 * The statuses of an entry that is in judging or has been judged: it counts in progress, results
 * and shortlists. Drafts and withdrawn entries never do.
 */
export const JUDGED_STATUSES: ReadonlySet<string> = new Set([
  'submitted',
  'shortlisted',
  'not_shortlisted',
  'winner',
  'highly_commended',
]);
