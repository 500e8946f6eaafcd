/** How far a judge has got with an entry: no score yet, a draft, or a locked final score. */
export type ScoreStatus = 'missing' | 'draft' | 'final';

/** The status a stored score item (or its absence) stands for. */
export function scoreStatusOf(score: { final?: unknown } | undefined): ScoreStatus {
  if (!score) return 'missing';
  return score.final === true ? 'final' : 'draft';
}
