import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type { SignedIn } from '../../domain/principal.js';
import { countingScores } from '../../domain/scoring/counting-scores.js';
import { entryFeedback } from '../../domain/scoring/feedback.js';
import { assignmentsOfEntry } from '../../store/assignments.js';
import { findEntry } from '../../store/entries.js';
import { scoresOfEntry } from '../../store/scores.js';
import { findPublishedShortlist } from '../../store/shortlists.js';
import { getCategory } from '../programmes.js';

/**
 * Feedback for the entrant who owns an entry (anyone else: 404), once the category's shortlist is
 * published — before that, 409 and not a figure, so nothing hints at how the entry is doing.
 */
export async function feedbackForEntrant(principal: SignedIn, entryId: string) {
  const entry = await findEntry(entryId);
  if (!entry || principal.role !== 'entrant' || principal.orgCode !== entry.orgCode) {
    throw new NotFoundError('No such entry.');
  }
  if (!(await findPublishedShortlist(entry.categoryId))) {
    throw new ConflictError('Feedback is given once the shortlist of this category is published.', {
      reason: 'not-yet-published',
    });
  }
  const [category, scores, assignments] = await Promise.all([
    getCategory(entry.categoryId),
    scoresOfEntry(entryId),
    assignmentsOfEntry(entryId),
  ]);
  return {
    entryId: entry.entryId,
    categoryId: entry.categoryId,
    status: entry.status,
    ...entryFeedback(category.criteria, countingScores(scores, assignments)),
  };
}
