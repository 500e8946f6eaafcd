import { judgeAssignmentView } from '../../domain/judging/assignment-view.js';
import type { Category } from '../../domain/categories.js';
import type { SignedIn } from '../../domain/principal.js';
import { pageOfCategoryAssignments, pageOfJudgeAssignments } from '../../store/assignments.js';
import { findCategory } from '../../store/categories.js';
import { findEntries } from '../../store/entries.js';
import { pairKey, scoreStatuses } from '../../store/judges.js';
import { getCategory } from '../programmes.js';
import { recordOwnOrganisation } from './declare-conflicts.js';

interface Page {
  limit: number;
  cursor?: string | undefined;
}

/** One page of a category's assignments, for organisers. */
export async function categoryAssignments(categoryId: string, page: Page) {
  await getCategory(categoryId);
  const result = await pageOfCategoryAssignments(categoryId, { ...page, scope: `assignments#${categoryId}` });
  return {
    items: result.items.map((a) => ({ entryId: a.entryId, judgeId: a.judgeId, assignedAt: a.assignedAt, by: a.by })),
    ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
  };
}

/**
 * One page of the caller's own assignments with how far they have got with each. First records the
 * organisation their token names as their own, which takes away any assignment it makes conflicted.
 */
export async function myAssignments(principal: SignedIn, page: Page, now: Date) {
  await recordOwnOrganisation(principal, now);
  const result = await pageOfJudgeAssignments(principal.userId, { ...page, scope: `me#${principal.userId}#assigned` });
  const entries = new Map((await findEntries(result.items.map((a) => a.entryId))).map((e) => [e.entryId, e]));
  const categories = new Map<string, Category | undefined>();
  for (const categoryId of new Set(result.items.map((a) => a.categoryId))) {
    categories.set(categoryId, await findCategory(categoryId));
  }
  const statuses = await scoreStatuses(result.items);
  return {
    items: result.items.flatMap((a) => {
      const entry = entries.get(a.entryId);
      if (!entry || (principal.orgCode !== undefined && entry.orgCode === principal.orgCode)) return [];
      return [
        judgeAssignmentView(
          entry,
          categories.get(a.categoryId),
          statuses.get(pairKey(a.entryId, a.judgeId)) ?? 'missing',
        ),
      ];
    }),
    ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
  };
}
