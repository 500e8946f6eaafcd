import type { Entry } from '../entries/entry.js';
import { ConflictError } from '../errors.js';
import { conflictsWith, effectiveConflicts } from './conflicts.js';
import type { Judge } from './judge.js';
import { isOnPanel } from './panel.js';
import type { ScoreStatus } from './scoring-state.js';

/**
 * An organiser may assign a judge by hand only to a submitted entry, only from the category's panel,
 * and never across a conflict (declared, or the judge's own organisation). Each refusal is a 409.
 */
export function checkManualAssignment(
  entry: Pick<Entry, 'status' | 'categoryId' | 'orgCode'>,
  judge: Pick<Judge, 'categoryIds' | 'conflicts' | 'orgCode' | 'userId'>,
): void {
  if (entry.status !== 'submitted') {
    throw new ConflictError(`Only submitted entries are judged; this one is ${entry.status}.`);
  }
  if (!isOnPanel(judge, entry.categoryId)) {
    throw new ConflictError(`Judge ${judge.userId} does not sit on this category's panel.`);
  }
  if (conflictsWith(effectiveConflicts(judge), entry.orgCode)) {
    throw new ConflictError(`Judge ${judge.userId} has a conflict of interest with this entry's organisation.`);
  }
}

/**
 * Taking an entry off a judge who has already given a final score throws that judgement away, so the
 * organiser must say so (`force`).
 */
export function checkUnassignment(scoreStatus: ScoreStatus, force: boolean): void {
  if (scoreStatus === 'final' && !force) {
    throw new ConflictError('This judge has a final score for the entry; add ?force=true to remove it anyway.');
  }
}
