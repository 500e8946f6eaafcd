import { JUDGED_STATUSES } from '../../domain/scoring/score.js';
import { scoringProgress } from '../../domain/scoring/progress.js';
import { assignedPairsOfCategory } from '../../store/assignments.js';
import { entryHeadlinesOfCategory } from '../../store/entries.js';
import { scoreMarksOfCategory } from '../../store/scores.js';
import { getCategory } from '../programmes.js';

/** How far judging has got in a category: final, draft and missing sheets per judge and per entry. */
export async function categoryProgress(categoryId: string) {
  await getCategory(categoryId);
  const [entries, assignments, scores] = await Promise.all([
    entryHeadlinesOfCategory(categoryId),
    assignedPairsOfCategory(categoryId),
    scoreMarksOfCategory(categoryId),
  ]);
  return {
    categoryId,
    round: 1,
    ...scoringProgress({
      entryIds: entries.filter((entry) => JUDGED_STATUSES.has(entry.status)).map((entry) => entry.entryId),
      assignments,
      scores,
    }),
  };
}
