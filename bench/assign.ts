/**
 * How fast and how good is the automatic judge assignment?
 *
 *   npx tsx bench/assign.ts
 *
 * Builds seeded cases, times planAssignment (median of several runs), checks every plan is valid
 * (coverage, no conflict, no off-panel or repeated judge) and optimal: the max load meets the lower bound
 * max(existing max, ⌈total / judges⌉), or a fresh max-flow shows that max − 1 is out of reach; likewise the
 * min load meets ⌊total / judges⌋, or a fresh flow with lower bounds shows that no completion keeps every
 * load within [min + 1, max].
 */
import {
  type AssignmentPlan,
  type AssignmentProblem,
  isConflicted,
  planAssignment,
} from '../shared/domain/assignment/index.js';
import { FlowNetworkBuilder } from '../shared/domain/assignment/flow-network.js';
import { seededRandom } from '../shared/domain/results/seeded-random.js';

const RUNS = 5;

interface Case {
  name: string;
  problems: AssignmentProblem[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function orgCodes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `R${String(i).padStart(3, '0')}`);
}

/** Judges conflicted with each organisation independently with probability `rate`. */
function judges(random: () => number, count: number, orgs: readonly string[], rate: number) {
  return Array.from({ length: count }, (_, i) => ({
    judgeId: `J${String(i).padStart(4, '0')}`,
    conflicts: new Set(orgs.filter(() => random() < rate)),
  }));
}

function entries(random: () => number, count: number, orgs: readonly string[], prefix = 'E') {
  return Array.from({ length: count }, (_, i) => ({
    entryId: `${prefix}${String(i).padStart(5, '0')}`,
    orgCode: pick(random, orgs),
  }));
}

function bigCategory(): Case {
  const random = seededRandom(2026);
  const orgs = orgCodes(300);
  return {
    name: '2,000 entries × 200 judges × 3, 5 % conflicts',
    problems: [
      { judgesPerEntry: 3, entries: entries(random, 2000, orgs), panel: judges(random, 200, orgs, 0.05), existing: [] },
    ],
  };
}

/** 25 categories of 1,500 entries in all; each of 200 judges sits on 3 panels. */
function hsjProgramme(): Case {
  const random = seededRandom(1500);
  const orgs = orgCodes(300);
  const pool = judges(random, 200, orgs, 0.05);
  const categories = Array.from({ length: 25 }, (_, c) => ({
    entries: [] as { entryId: string; orgCode: string }[],
    panel: [] as typeof pool,
    name: `C${c}`,
  }));
  for (const entry of entries(random, 1500, orgs)) pick(random, categories).entries.push(entry);
  pool.forEach((judge, i) => {
    for (let k = 0; k < 3; k++) categories[(i * 3 + k) % 25]!.panel.push(judge);
  });
  return {
    name: 'HSJ: 1,500 entries in 25 categories, 200 judges on 3 panels each',
    problems: categories.map(({ entries: e, panel }) => ({ judgesPerEntry: 3, entries: e, panel, existing: [] })),
  };
}

/** Manual assignments piled on a few judges, and a few judges conflicted with most organisations. */
function skewedCategory(): Case {
  const random = seededRandom(7);
  const orgs = orgCodes(300);
  const panel = judges(random, 200, orgs, 0.05);
  panel.slice(0, 5).forEach((judge) => orgs.forEach((org) => random() < 0.9 && judge.conflicts.add(org)));
  const list = entries(random, 2000, orgs);
  const existing = list
    .slice(0, 1500)
    .map((entry) => ({ entryId: entry.entryId, judgeId: pick(random, panel.slice(180)).judgeId }));
  existing.push(...list.slice(0, 30).map((entry) => ({ entryId: entry.entryId, judgeId: 'OFF-PANEL' })));
  return {
    name: 'skewed: 2,000 × 200 × 3, 1,530 existing on 21 judges, 5 judges 90 % conflicted',
    problems: [{ judgesPerEntry: 3, entries: list, panel, existing }],
  };
}

/** Throws unless the plan covers every entry exactly, with panel judges only, no conflict, no repeat. */
function checkValid(problem: AssignmentProblem, plan: AssignmentPlan): void {
  if (!plan.feasible) throw new Error('expected a feasible plan');
  const panel = new Map(problem.panel.map((judge) => [judge.judgeId, judge]));
  const org = new Map(problem.entries.map((entry) => [entry.entryId, entry.orgCode]));
  const judgesOf = new Map(problem.entries.map((entry) => [entry.entryId, new Set<string>()]));
  for (const { entryId, judgeId } of problem.existing) judgesOf.get(entryId)?.add(judgeId);
  const over = new Set([...judgesOf].filter(([, set]) => set.size >= problem.judgesPerEntry).map(([id]) => id));
  for (const { entryId, judgeId } of plan.added) {
    const judge = panel.get(judgeId);
    if (!judge) throw new Error(`off-panel judge ${judgeId}`);
    if (isConflicted(judge, org.get(entryId)!)) throw new Error(`conflicted ${judgeId} on ${entryId}`);
    if (over.has(entryId)) throw new Error(`over-covered ${entryId} got more`);
    const set = judgesOf.get(entryId)!;
    if (set.has(judgeId)) throw new Error(`repeated ${judgeId} on ${entryId}`);
    set.add(judgeId);
  }
  for (const [entryId, set] of judgesOf) {
    if (!over.has(entryId) && set.size !== problem.judgesPerEntry) throw new Error(`${entryId} has ${set.size} judges`);
  }
}

/**
 * Can every entry be completed with each panel judge's load within [low, high]? A fresh network, no
 * levels: lower bounds by the usual reduction (first fill the lower caps, then raise to the upper ones).
 */
function loadsReachable(problem: AssignmentProblem, low: number, high: number): boolean {
  const judgeIds = problem.panel.map((judge) => judge.judgeId);
  const judgeNode = new Map(judgeIds.map((id, i) => [id, 2 + problem.entries.length + i]));
  const base = new Map(judgeIds.map((id) => [id, 0]));
  const judgesOf = new Map(problem.entries.map((entry) => [entry.entryId, new Set<string>()]));
  for (const { entryId, judgeId } of problem.existing) judgesOf.get(entryId)?.add(judgeId);
  for (const set of judgesOf.values()) for (const id of set) if (base.has(id)) base.set(id, base.get(id)! + 1);
  const builder = new FlowNetworkBuilder(2 + problem.entries.length + judgeIds.length);
  let demand = 0;
  problem.entries.forEach((entry, e) => {
    const need = Math.max(0, problem.judgesPerEntry - judgesOf.get(entry.entryId)!.size);
    demand += need;
    builder.addEdge(0, 2 + e, need);
    for (const judge of problem.panel) {
      if (!isConflicted(judge, entry.orgCode) && !judgesOf.get(entry.entryId)!.has(judge.judgeId)) {
        builder.addEdge(2 + e, judgeNode.get(judge.judgeId)!, 1);
      }
    }
  });
  if (judgeIds.some((id) => base.get(id)! > high)) return false;
  const lower = judgeIds.map((id) => Math.max(0, low - base.get(id)!));
  const sinkEdges = judgeIds.map((id, i) => builder.addEdge(judgeNode.get(id)!, 1, lower[i]!));
  const network = builder.build();
  const lowerTotal = lower.reduce((a, b) => a + b, 0);
  if (network.augment(0, 1) < lowerTotal) return false;
  judgeIds.forEach((id, i) => network.raiseCapacity(sinkEdges[i]!, high - base.get(id)! - lower[i]!));
  return lowerTotal + network.augment(0, 1) === demand;
}

interface Figures {
  maxLoad: number;
  maxBound: number;
  minLoad: number;
  spread: number;
  optimal: boolean;
}

function checkOptimal(problem: AssignmentProblem, plan: AssignmentPlan & { feasible: true }): Figures {
  const n = plan.loads.length;
  const total = plan.loads.reduce((sum, { load }) => sum + load, 0);
  const existingLoad = (id: string) => problem.existing.filter((a) => a.judgeId === id).length;
  const bases = plan.loads.map(({ judgeId }) => existingLoad(judgeId));
  const maxBound = Math.max(Math.ceil(total / n), ...bases);
  const maxOptimal = plan.maxLoad === maxBound || !loadsReachable(problem, 0, plan.maxLoad - 1);
  const minOptimal = plan.minLoad >= Math.floor(total / n) || !loadsReachable(problem, plan.minLoad + 1, plan.maxLoad);
  return {
    maxLoad: plan.maxLoad,
    maxBound,
    minLoad: plan.minLoad,
    spread: plan.spread,
    optimal: maxOptimal && minOptimal,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rows: Record<string, string | number>[] = [];
const notes: string[] = [];

/** Balancing is per category; say how even a judge's whole programme comes out. */
function programmeLoads(problems: AssignmentProblem[], plans: AssignmentPlan[]): void {
  const total = new Map<string, number>();
  for (const plan of plans) {
    if (plan.feasible) for (const { judgeId, load } of plan.loads) total.set(judgeId, (total.get(judgeId) ?? 0) + load);
  }
  const loads = [...total.values()];
  notes.push(
    `${problems.length} categories: a judge's load over the whole programme ranges ${Math.min(...loads)}–${Math.max(...loads)}.`,
  );
}

for (const { name, problems } of [bigCategory(), hsjProgramme(), skewedCategory()]) {
  const times: number[] = [];
  let plans: AssignmentPlan[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    plans = problems.map(planAssignment);
    times.push(performance.now() - start);
  }
  problems.forEach((problem, i) => checkValid(problem, plans[i]!));
  const figures = problems.map((problem, i) => checkOptimal(problem, plans[i] as AssignmentPlan & { feasible: true }));
  const added = plans.reduce((sum, plan) => sum + (plan.feasible ? plan.added.length : 0), 0);
  const worst = figures.reduce((a, b) =>
    b.maxLoad > a.maxLoad || (b.maxLoad === a.maxLoad && b.spread > a.spread) ? b : a,
  );
  rows.push({
    case: name,
    categories: problems.length,
    added,
    'median ms': Math.round(median(times)),
    'max ms': Math.round(Math.max(...times)),
    'max load (lower bound)': `${worst.maxLoad} (${worst.maxBound})`,
    'min load': worst.minLoad,
    spread: worst.spread,
    optimal: figures.every((f) => f.optimal) ? 'yes' : 'NO',
  });
  if (problems.length > 1) programmeLoads(problems, plans);
}
console.table(rows);
console.log('Multi-category rows show the category with the highest max load. Loads are per category.');
for (const line of notes) console.log(line);
