/** Judge assignment: who judges which entry, with no conflicts and loads as even as they can be. */
export type { AssignmentProblem } from './assignment-problem.js';
export { type Conflicts, isConflicted } from './conflicts.js';
export { type AssignmentPlan, type JudgeLoad, type UncoverableEntry, planAssignment } from './plan-assignment.js';
