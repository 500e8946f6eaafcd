import type { Criterion } from '../categories.js';
import { compareIds } from '../results/rank-entries.js';
import type { Score } from './score.js';

export interface EntryFeedback {
  /** How many judges' final scores the figures come from. */
  judgeCount: number;
  /** Mean mark per criterion, in the criterion's own units; null when nobody scored the entry. */
  criteria: { id: string; name: string; maxScore: number; mean: number | null }[];
  /** The judges' comments, in text order so that nothing ties a comment to a judge. */
  comments: string[];
}

/**
 * Feedback for an entrant from the final scores of their entry: the mean mark per criterion and the
 * judges' comments. It names no judge and carries no judge's individual marks, and its comments are
 * sorted by their text (not by judge or time), so no comment can be traced to whoever wrote it.
 * Draft scores never count.
 */
export function entryFeedback(
  criteria: readonly Pick<Criterion, 'id' | 'name' | 'maxScore'>[],
  scores: readonly Pick<Score, 'scores' | 'comment' | 'final'>[],
): EntryFeedback {
  const finals = scores.filter((score) => score.final);
  return {
    judgeCount: finals.length,
    criteria: criteria.map((criterion) => {
      const marks = finals.map((score) => score.scores[criterion.id]).filter((mark) => mark !== undefined);
      const mean = marks.length === 0 ? null : marks.reduce((sum, mark) => sum + mark, 0) / marks.length;
      return {
        id: criterion.id,
        name: criterion.name,
        maxScore: criterion.maxScore,
        mean: mean === null ? null : Math.round(mean * 100) / 100,
      };
    }),
    comments: finals
      .map((score) => score.comment.trim())
      .filter((comment) => comment !== '')
      .sort(compareIds),
  };
}
