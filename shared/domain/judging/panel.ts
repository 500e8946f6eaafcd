import { effectiveConflicts } from './conflicts.js';
import type { Judge } from './judge.js';

/** A judge sits on a category's panel when the organiser listed the category for them. */
export const isOnPanel = (judge: Pick<Judge, 'categoryIds'>, categoryId: string): boolean =>
  judge.categoryIds.includes(categoryId);

/**
 * A category's panel as the assignment planner takes it: the programme's judges who sit on it, each
 * with their effective conflicts (declared ones and their own organisation).
 */
export function panelOf(judges: readonly Judge[], categoryId: string): { judgeId: string; conflicts: Set<string> }[] {
  return judges
    .filter((judge) => isOnPanel(judge, categoryId))
    .map((judge) => ({ judgeId: judge.userId, conflicts: effectiveConflicts(judge) }));
}
