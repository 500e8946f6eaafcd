import type { AssignmentRemoval } from '../domain/judging/assignment-log.js';
import { keys } from './keys.js';
import { withoutKeys } from './list-page.js';
import { putItem, queryAll } from './table.js';

/** Records an assignment taken away, in its category's log (its key makes it unique). */
export async function recordRemoval(removal: AssignmentRemoval): Promise<void> {
  await putItem({
    ...keys.assignmentRemoval(removal.categoryId, removal.at, removal.entryId, removal.judgeId, removal.round),
    ...removal,
  });
}

/** A category's removed assignments, oldest first. */
export async function removalsOfCategory(categoryId: string, round: 1 | 2 = 1): Promise<AssignmentRemoval[]> {
  const { pk, skPrefix } = keys.assignmentRemovalsOfCategory(categoryId, round);
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
  });
  return items.map(withoutKeys<AssignmentRemoval>);
}
