import { writtenAssignmentsNowConflicting } from '../../domain/judging/assignment-lease.js';
import type { AssignmentRemoval, RemovalReason } from '../../domain/judging/assignment-log.js';
import { assignmentsBrokenBy } from '../../domain/judging/conflicts.js';
import type { Judge } from '../../domain/judging/judge.js';
import { recordRemoval } from '../../store/assignment-log.js';
import { assignmentsOfJudge, deleteAssignment, type Assignment } from '../../store/assignments.js';
import { findEntries } from '../../store/entries.js';
import { judgesByIds, pairKey, scoreStatuses } from '../../store/judges.js';

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
  const removed = await removeRecorded(broken, () => by, now);
  return removed.map(({ entryId, categoryId, reason, scoreStatus }) => ({ entryId, categoryId, reason, scoreStatus }));
}

type BrokenAssignment = Pick<Assignment, 'entryId' | 'judgeId' | 'categoryId' | 'round'> & { reason: RemovalReason };

/** Removes assignments, each recorded in its category's log (with its score status) before it goes. */
async function removeRecorded<A extends BrokenAssignment>(
  broken: readonly A[],
  by: (assignment: A) => string,
  now: Date,
): Promise<(A & { scoreStatus: AssignmentRemoval['scoreStatus'] })[]> {
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
      by: by(a),
      reason: a.reason,
      scoreStatus,
    });
    await deleteAssignment(a.entryId, a.judgeId, a.round);
    removed.push({ ...a, scoreStatus });
  }
  return removed;
}

/**
 * Why no conflicting assignment survives a race between a writer of assignments (an automatic run,
 * a manual assignment) and a judge's change of conflicts (declared, or their own organisation):
 *
 * - the judge's side writes the judge item FIRST (one conditional write) and only THEN reads the
 *   judge's assignments and removes those that conflict ({@link removeConflictingAssignments});
 * - the writer's side, holding the category's lease, reads the judges and checks them before it
 *   writes (the usual refusal), writes, and THEN reads the judges it wrote for again, strongly
 *   consistently, and withdraws any assignment they now forbid ({@link withdrawNowConflicting}).
 *
 * Take the writer's second read of the judge. If the judge's write came before it, that read sees the
 * new conflicts and the writer withdraws its own assignment. If it came after, then the assignment
 * was written before the judge's write, hence before the judge's side reads the assignments, which
 * therefore finds it and removes it. Either way it goes; whichever order the steps interleave in.
 * (In AWS the judge's side reads assignments through a GSI, which lags its table by well under a
 * second; the argument assumes that read sees a write made before it, as the embedded DynamoDB does.)
 */
export async function withdrawNowConflicting(
  written: readonly (Pick<Assignment, 'entryId' | 'judgeId' | 'categoryId' | 'programmeId' | 'round'> & {
    orgCode: string;
  })[],
  now: Date,
): Promise<{ entryId: string; judgeId: string; reason: RemovalReason }[]> {
  const [first] = written;
  if (!first) return [];
  const judgesNow = await judgesByIds(first.programmeId, [...new Set(written.map((a) => a.judgeId))]);
  const broken = writtenAssignmentsNowConflicting(written, judgesNow);
  // The judge's declaration is what took these away, so the judge is recorded as the remover.
  await removeRecorded(broken, (a) => a.judgeId, now);
  return broken.map(({ entryId, judgeId, reason }) => ({ entryId, judgeId, reason }));
}
