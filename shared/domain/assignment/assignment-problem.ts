import { InvalidError } from '../errors.js';
import { type Conflicts, isConflicted } from './conflicts.js';

/** One category's judging to plan: its submitted entries, its panel and the assignments it already has. */
export interface AssignmentProblem {
  /** How many distinct judges every entry needs. */
  judgesPerEntry: number;
  /** The category's submitted entries. */
  entries: readonly { entryId: string; orgCode: string }[];
  /** The category's panel; `conflicts` are ODS codes and already include the judge's own organisation. */
  panel: readonly { judgeId: string; conflicts: Conflicts }[];
  /**
   * Assignments made by hand or by an earlier run. They are kept as they are, even for a judge off the
   * panel or with a conflict (an organiser's override). Pairs for entries not in `entries` (withdrawn,
   * say) are not this plan's business and are ignored; repeated pairs count once.
   */
  existing: readonly { entryId: string; judgeId: string }[];
}

/**
 * The problem in index form, sorted by id so that the plan never depends on input order.
 * Judges are panel judges only: nobody else can be given an entry, and loads are compared over the panel.
 */
export interface IndexedProblem {
  entryIds: string[];
  judgeIds: string[];
  /** Per entry: how many judges it still needs (0 when existing assignments already cover it). */
  needed: number[];
  /** Per entry: panel judges it may still get — not conflicted, not already assigned to it. */
  candidates: number[][];
  /** Per panel judge: existing assignments to this category's entries. */
  baseLoad: number[];
}

/** Checks the input's shape and lays it out by index. */
export function indexProblem(problem: AssignmentProblem): IndexedProblem {
  const { judgesPerEntry } = problem;
  if (!Number.isInteger(judgesPerEntry) || judgesPerEntry < 0) {
    throw new InvalidError('judgesPerEntry must be a whole number of judges', [
      { path: 'judgesPerEntry', message: 'must be an integer >= 0' },
    ]);
  }
  const entries = sortedUnique(problem.entries, (entry) => entry.entryId, 'entries');
  const panel = sortedUnique(problem.panel, (judge) => judge.judgeId, 'panel').map((judge) => ({
    judgeId: judge.judgeId,
    conflicts: new Set(judge.conflicts),
  }));
  const judgeIndex = new Map(panel.map((judge, index) => [judge.judgeId, index]));

  const assigned = new Map<string, Set<string>>(entries.map((entry) => [entry.entryId, new Set<string>()]));
  for (const { entryId, judgeId } of problem.existing) assigned.get(entryId)?.add(judgeId);

  const baseLoad = panel.map(() => 0);
  const needed: number[] = [];
  const candidates: number[][] = [];
  for (const entry of entries) {
    const judges = assigned.get(entry.entryId)!;
    for (const judgeId of judges) {
      const index = judgeIndex.get(judgeId);
      if (index !== undefined) baseLoad[index]!++;
    }
    needed.push(Math.max(0, judgesPerEntry - judges.size));
    const open: number[] = [];
    panel.forEach((judge, index) => {
      if (!judges.has(judge.judgeId) && !isConflicted(judge, entry.orgCode)) open.push(index);
    });
    candidates.push(open);
  }
  return {
    entryIds: entries.map((entry) => entry.entryId),
    judgeIds: panel.map((judge) => judge.judgeId),
    needed,
    candidates,
    baseLoad,
  };
}

function sortedUnique<T>(items: readonly T[], idOf: (item: T) => string, path: string): T[] {
  const sorted = [...items].sort((a, b) => compareIds(idOf(a), idOf(b)));
  sorted.forEach((item, index) => {
    if (index > 0 && idOf(sorted[index - 1]!) === idOf(item)) {
      throw new InvalidError(`${path} lists ${idOf(item)} twice`, [{ path, message: `duplicate id ${idOf(item)}` }]);
    }
  });
  return sorted;
}

/** Code-unit order, not locale order: the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
