import { planAssignment } from '../../domain/assignment/index.js';
import { ConflictError } from '../../domain/errors.js';
import { withoutWithdrawn } from '../../domain/judging/assignment-lease.js';
import { panelOf } from '../../domain/judging/panel.js';
import { assignmentsOfCategory, insertAssignments } from '../../store/assignments.js';
import { entryOrgsOfCategory } from '../../store/entries.js';
import { currentJudgesOfProgramme } from '../../store/judges.js';
import { getCategory } from '../programmes.js';
import { withAssignmentLease } from './assignment-lease.js';
import { withdrawNowConflicting } from './remove-conflicting.js';

/**
 * Gives every submitted entry of a category the judges it still needs from the category's panel,
 * with no conflict (declared or own organisation) and the judges' loads as even as they can be.
 * Assignments already made (by hand or by an earlier run) stay, so a second run adds only what is
 * missing. When some entry cannot be covered nothing is written and the 409 names every such entry.
 *
 * The run holds the category's assignment lease throughout, and reads the judges, entries and
 * existing assignments inside it, so two runs never plan from the same snapshot (which would give an
 * entry more than `judgesPerEntry` judges): a run that finds the lease taken answers 409 at once and
 * writes nothing. After writing it reads its judges again and withdraws any assignment a conflict
 * declared meanwhile forbids (see {@link withdrawNowConflicting} for why none survives).
 */
export async function autoAssign(categoryId: string, now: Date) {
  const category = await getCategory(categoryId);
  return withAssignmentLease(categoryId, now, 1, async (lease) => {
    const [judges, entries, existing] = await Promise.all([
      currentJudgesOfProgramme(category.programmeId),
      entryOrgsOfCategory(categoryId, 'submitted'),
      assignmentsOfCategory(categoryId),
    ]);
    const plan = planAssignment({
      judgesPerEntry: category.judgesPerEntry,
      entries,
      panel: panelOf(judges, categoryId),
      existing,
    });
    if (!plan.feasible) {
      const ids = plan.uncoverable.map((u) => u.entryId);
      throw new ConflictError(
        `Too few judges without a conflict for ${ids.length} ${ids.length === 1 ? 'entry' : 'entries'} ` +
          `(${ids.join(', ')}); nothing was assigned.`,
        { uncoverable: plan.uncoverable },
      );
    }
    lease.assertSafeToWrite();
    const assignedAt = now.toISOString();
    const written = plan.added.map((pair) => ({
      ...pair,
      categoryId,
      programmeId: category.programmeId,
      round: 1 as const,
      assignedAt,
      by: 'auto',
    }));
    await insertAssignments(written);
    const orgOf = new Map(entries.map((e) => [e.entryId, e.orgCode]));
    const withdrawn = await withdrawNowConflicting(
      written.flatMap((a) => {
        const orgCode = orgOf.get(a.entryId);
        return orgCode === undefined ? [] : [{ ...a, orgCode }];
      }),
      now,
    );
    return withdrawn.length === 0
      ? { added: plan.added, loads: plan.loads, maxLoad: plan.maxLoad, minLoad: plan.minLoad, spread: plan.spread }
      : { ...withoutWithdrawn(plan, withdrawn), withdrawn };
  });
}
