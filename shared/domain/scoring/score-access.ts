import type { SignedIn } from '../principal.js';
import type { Score } from './score.js';

/**
 * The scores of an entry a caller may see: an organiser all of them, a judge only their own (never
 * a colleague's, so no judge is swayed by another), anyone else none. The caller has already been
 * allowed to read the entry itself.
 */
export function visibleScores(principal: SignedIn, scores: readonly Score[]): Score[] {
  if (principal.role === 'organiser') return [...scores];
  if (principal.role === 'judge') return scores.filter((score) => score.judgeId === principal.userId);
  return [];
}
