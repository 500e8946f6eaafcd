import { judgeAssignmentView } from '../../domain/judging/assignment-view.js';
import type { SignedIn } from '../../domain/principal.js';
import { judgeListDetails, pageOfCategoryAssignments, pageOfJudgeAssignments } from '../../store/assignments.js';
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
 * One page of the caller's own assignments with how far they have got with each. Also records the
 * organisation their token names as their own, which takes away any assignment it makes conflicted:
 * beside the page's Query, since it usually changes nothing, and the page is read again when it took
 * any away. Then one BatchGet brings the entries, the caller's sheets and the categories together.
 */
export async function myAssignments(principal: SignedIn, page: Page, now: Date) {
  const request = { ...page, scope: `me#${principal.userId}#assigned` };
  // Both are waited for, even when one fails (a stale cursor, say): the recording is never left
  // half-done behind an answer, as it could be in a Lambda frozen once it has answered.
  const [recorded, firstRead] = await Promise.allSettled([
    recordOwnOrganisation(principal, now),
    pageOfJudgeAssignments(principal.userId, request),
  ]);
  if (recorded.status === 'rejected') throw recorded.reason;
  if (firstRead.status === 'rejected') throw firstRead.reason;
  const result = recorded.value > 0 ? await pageOfJudgeAssignments(principal.userId, request) : firstRead.value;
  const details = await judgeListDetails(result.items);
  return {
    items: result.items.flatMap((a) => {
      const entry = details.entry(a.entryId);
      if (!entry || (principal.orgCode !== undefined && entry.orgCode === principal.orgCode)) return [];
      return [judgeAssignmentView(entry, details.category(a.categoryId), details.scoreStatus(a))];
    }),
    ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
  };
}
