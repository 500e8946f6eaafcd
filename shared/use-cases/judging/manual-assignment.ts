import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { checkManualAssignment, checkUnassignment } from '../../domain/judging/manual-assignment.js';
import type { SignedIn } from '../../domain/principal.js';
import { recordRemoval } from '../../store/assignment-log.js';
import { deleteAssignment, findAssignment, insertAssignment, type Assignment } from '../../store/assignments.js';
import { findEntry } from '../../store/entries.js';
import { findJudge, scoreStatus } from '../../store/judges.js';
import { withAssignmentLease } from './assignment-lease.js';
import { withdrawNowConflicting } from './remove-conflicting.js';

/** What the API shows of an assignment. */
export const assignmentView = (a: Assignment) => ({
  entryId: a.entryId,
  judgeId: a.judgeId,
  categoryId: a.categoryId,
  assignedAt: a.assignedAt,
  by: a.by,
});

/** Tries at the category's lease before a manual assignment gives up with 409 (about a second in all). */
const MANUAL_LEASE_ATTEMPTS = 8;

/**
 * An organiser assigns a judge to an entry by hand: a submitted entry, a judge of the entry's
 * programme on the category's panel, no conflict. Assigning again changes nothing (`created: false`).
 *
 * It holds the category's assignment lease (waiting briefly for one held by another assignment, then
 * 409), so an automatic run never plans around it from a stale snapshot. The judge is read inside the
 * lease and read again after the write: an assignment a conflict declared meanwhile forbids is
 * withdrawn and refused with 409, as if it had been seen first (see {@link withdrawNowConflicting}).
 */
export async function assignByHand(principal: SignedIn, entryId: string, judgeId: string, now: Date) {
  const entry = await findEntry(entryId);
  if (!entry) throw new NotFoundError('No such entry.');
  return withAssignmentLease(entry.categoryId, now, MANUAL_LEASE_ATTEMPTS, async (lease) => {
    const judge = await findJudge(entry.programmeId, judgeId);
    if (!judge) throw new NotFoundError('No such judge in this programme.');
    checkManualAssignment(entry, judge);
    const assignment: Assignment = {
      entryId,
      judgeId,
      categoryId: entry.categoryId,
      programmeId: entry.programmeId,
      round: 1,
      assignedAt: now.toISOString(),
      by: principal.userId,
    };
    lease.assertSafeToWrite();
    if (await insertAssignment(assignment)) {
      const withdrawn = await withdrawNowConflicting([{ ...assignment, orgCode: entry.orgCode }], now);
      if (withdrawn.length > 0) {
        throw new ConflictError(
          `Judge ${judgeId} declared a conflict of interest with this entry's organisation meanwhile; the assignment was withdrawn.`,
        );
      }
      return { assignment: assignmentView(assignment), created: true };
    }
    const existing = await findAssignment(entryId, judgeId);
    return { assignment: assignmentView(existing ?? assignment), created: false };
  });
}

/**
 * An organiser takes an entry off a judge. If the judge has a final score for it the organiser must
 * force it; the removal is recorded in the category's log either way.
 */
export async function unassign(principal: SignedIn, entryId: string, judgeId: string, force: boolean, now: Date) {
  const assignment = await findAssignment(entryId, judgeId);
  if (!assignment) throw new NotFoundError('No such assignment.');
  const status = await scoreStatus(entryId, judgeId, assignment.round);
  checkUnassignment(status, force);
  await recordRemoval({
    categoryId: assignment.categoryId,
    entryId,
    judgeId,
    round: assignment.round,
    at: now.toISOString(),
    by: principal.userId,
    reason: 'removed by organiser',
    scoreStatus: status,
  });
  await deleteAssignment(entryId, judgeId, assignment.round);
}
