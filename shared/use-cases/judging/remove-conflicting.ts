import type { AssignmentRemoval } from '../../domain/judging/assignment-log.js';
import { assignmentsBrokenBy } from '../../domain/judging/conflicts.js';
import type { Judge } from '../../domain/judging/judge.js';
import { recordRemoval } from '../../store/assignment-log.js';
import { assignmentsOfJudge, deleteAssignment } from '../../store/assignments.js';
import { findEntries } from '../../store/entries.js';
import { pairKey, scoreStatuses } from '../../store/judges.js';

/**
 * Takes from a judge every assignment in the judge's programme that their conflicts (declared, or
 * their own organisation) now forbid — even one with a final score: conflicts beat scores. Each
 * removal is recorded in its category's log before the assignment goes, so none goes unrecorded.
 */
export async function removeConflictingAssignments(
  judge: Judge,
  by: string,
  now: Date,
): Promise<Pick<AssignmentRemoval, 'entryId' | 'categoryId' | 'reason' | 'scoreStatus'>[]> {
  const assignments = (await assignmentsOfJudge(judge.userId)).filter((a) => a.programmeId === judge.programmeId);
  if (assignments.length === 0) return [];
  const orgOf = new Map((await findEntries(assignments.map((a) => a.entryId))).map((e) => [e.entryId, e.orgCode]));
  const broken = assignmentsBrokenBy(
    assignments.flatMap((a) => {
      const orgCode = orgOf.get(a.entryId);
      return orgCode === undefined ? [] : [{ ...a, orgCode }];
    }),
    judge,
  );
  if (broken.length === 0) return [];
  const statuses = await scoreStatuses(broken);
  const at = now.toISOString();
  const removed = [];
  for (const a of broken) {
    const scoreStatus = statuses.get(pairKey(a.entryId, a.judgeId)) ?? 'missing';
    await recordRemoval({
      categoryId: a.categoryId,
      entryId: a.entryId,
      judgeId: a.judgeId,
      round: a.round,
      at,
      by,
      reason: a.reason,
      scoreStatus,
    });
    await deleteAssignment(a.entryId, a.judgeId, a.round);
    removed.push({ entryId: a.entryId, categoryId: a.categoryId, reason: a.reason, scoreStatus });
  }
  return removed;
}
