import { planAssignment } from '../../domain/assignment/index.js';
import { ConflictError } from '../../domain/errors.js';
import { panelOf } from '../../domain/judging/panel.js';
import { assignmentsOfCategory, insertAssignments } from '../../store/assignments.js';
import { entryOrgsOfCategory } from '../../store/entries.js';
import { allJudgesOfProgramme } from '../../store/judges.js';
import { getCategory } from '../programmes.js';

/**
 * Gives every submitted entry of a category the judges it still needs from the category's panel,
 * with no conflict (declared or own organisation) and the judges' loads as even as they can be.
 * Assignments already made (by hand or by an earlier run) stay, so a second run adds only what is
 * missing. When some entry cannot be covered nothing is written and the 409 names every such entry.
 */
export async function autoAssign(categoryId: string, now: Date) {
  const category = await getCategory(categoryId);
  const [judges, entries, existing] = await Promise.all([
    allJudgesOfProgramme(category.programmeId),
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
  const assignedAt = now.toISOString();
  await insertAssignments(
    plan.added.map((pair) => ({
      ...pair,
      categoryId,
      programmeId: category.programmeId,
      round: 1 as const,
      assignedAt,
      by: 'auto',
    })),
  );
  const { added, loads, maxLoad, minLoad, spread } = plan;
  return { added, loads, maxLoad, minLoad, spread };
}
