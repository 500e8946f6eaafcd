import type { ScoreStatus } from './scoring-state.js';

/**
 * One line of a judge's own list of assignments. In a blind category the title is left out: it
 * often names the organisation.
 */
export function judgeAssignmentView(
  entry: { entryId: string; categoryId: string; title: string },
  category: { blind: boolean } | undefined,
  scoreStatus: ScoreStatus,
) {
  const blind = category?.blind ?? true;
  return {
    entryId: entry.entryId,
    categoryId: entry.categoryId,
    ...(blind ? {} : { title: entry.title }),
    scoreStatus,
  };
}
