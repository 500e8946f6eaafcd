import { type AssignmentProblem, compareIds, indexProblem } from './assignment-problem.js';
import { balanceLoads } from './balance-loads.js';

/** How many entries a panel judge has in the category once the plan is applied. */
export interface JudgeLoad {
  judgeId: string;
  load: number;
}

/** An entry that cannot get the judges it still needs from the panel. */
export interface UncoverableEntry {
  entryId: string;
  /** Judges it still needs beyond those already assigned. */
  needed: number;
  /** Panel judges without a conflict who are not already assigned to it. */
  available: number;
}

/**
 * The assignments to add, or why none can be. Loads, `maxLoad`, `minLoad` and `spread` are over the
 * panel judges (0 for an empty panel) and include the existing assignments.
 */
export type AssignmentPlan =
  | {
      feasible: true;
      /** New pairs only, sorted by entry then judge; existing pairs are never repeated. */
      added: { entryId: string; judgeId: string }[];
      /** Every panel judge, sorted by id. */
      loads: JudgeLoad[];
      maxLoad: number;
      minLoad: number;
      spread: number;
    }
  | { feasible: false; uncoverable: UncoverableEntry[] };

/**
 * Plans a category's judge assignment: every entry ends with exactly `judgesPerEntry` judges (an entry
 * that already has as many or more gets none), each new judge from the panel, distinct, and without a
 * conflict with the entry's organisation. Among all such completions it picks one whose greatest judge
 * load is the least possible and whose spread (greatest − least load over the panel) is then the least
 * possible; the loads are in fact decreasingly minimal (see {@link balanceLoads} for the argument).
 * The same input in any order gives the same plan.
 *
 * Feasibility is per entry: a judge may take any number of entries, so judges never compete for an
 * entry's slots and the plan exists exactly when every entry has as many available judges as it still
 * needs. Otherwise nothing is planned and every short entry is reported.
 *
 * @throws InvalidError when `judgesPerEntry` is not a whole number ≥ 0 or an entry or judge id repeats
 */
export function planAssignment(problem: AssignmentProblem): AssignmentPlan {
  const indexed = indexProblem(problem);
  const uncoverable = indexed.entryIds.flatMap((entryId, entry) => {
    const needed = indexed.needed[entry]!;
    const available = indexed.candidates[entry]!.length;
    return available < needed ? [{ entryId, needed, available }] : [];
  });
  if (uncoverable.length > 0) return { feasible: false, uncoverable };

  const balanced = balanceLoads(indexed);
  const added = balanced.added
    .map(({ entry, judge }) => ({ entryId: indexed.entryIds[entry]!, judgeId: indexed.judgeIds[judge]! }))
    .sort((a, b) => compareIds(a.entryId, b.entryId) || compareIds(a.judgeId, b.judgeId));
  const loads = indexed.judgeIds.map((judgeId, judge) => ({ judgeId, load: balanced.loads[judge]! }));
  const maxLoad = loads.reduce((max, { load }) => Math.max(max, load), 0);
  const minLoad = loads.reduce((min, { load }) => Math.min(min, load), maxLoad);
  return { feasible: true, added, loads, maxLoad, minLoad, spread: maxLoad - minLoad };
}
