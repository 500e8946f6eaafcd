import type { Score } from './score.js';

const pair = (entryId: string, judgeId: string) => JSON.stringify([entryId, judgeId]);

/**
 * The sheets that still belong to a judge's duty: a sheet whose assignment was taken away (a conflict
 * declared after scoring, or an organiser's removal) no longer counts anywhere — not in progress,
 * results or feedback — although it is kept for the record.
 */
export function assignedSheets<S extends Pick<Score, 'entryId' | 'judgeId'>>(
  scores: readonly S[],
  assignments: readonly { entryId: string; judgeId: string }[],
): S[] {
  const assigned = new Set(assignments.map((a) => pair(a.entryId, a.judgeId)));
  return scores.filter((score) => assigned.has(pair(score.entryId, score.judgeId)));
}

/** The scores that count in results and feedback: final, from a judge still assigned to the entry. */
export function countingScores<S extends Pick<Score, 'entryId' | 'judgeId' | 'final'>>(
  scores: readonly S[],
  assignments: readonly { entryId: string; judgeId: string }[],
): S[] {
  return assignedSheets(scores, assignments).filter((score) => score.final);
}
