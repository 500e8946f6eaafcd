import type { AssignmentRemoval } from '../domain/judging/assignment-log.js';
import { keys } from './keys.js';
import { allUnderPrefix } from './list-page.js';
import { putItem } from './table.js';

/** Records an assignment taken away, in its category's log (its key makes it unique). */
export async function recordRemoval(removal: AssignmentRemoval): Promise<void> {
  await putItem({
    ...keys.assignmentRemoval(removal.categoryId, removal.at, removal.entryId, removal.judgeId, removal.round),
    ...removal,
  });
}

/** A category's removed assignments, oldest first. */
export async function removalsOfCategory(categoryId: string, round: 1 | 2 = 1): Promise<AssignmentRemoval[]> {
  return allUnderPrefix<AssignmentRemoval>(keys.assignmentRemovalsOfCategory(categoryId, round));
}
