import fc from 'fast-check';
import { InvalidError } from '../../../shared/domain/errors.js';
import {
  type AssignmentPlan,
  type AssignmentProblem,
  isConflicted,
  planAssignment,
} from '../../../shared/domain/assignment/index.js';

type FeasiblePlan = Extract<AssignmentPlan, { feasible: true }>;

const ORGS = ['A', 'B', 'C'];

/** Small categories: up to 4 entries, 4 panel judges, a judge "off" outside the panel, assorted conflicts. */
const smallProblem: fc.Arbitrary<AssignmentProblem> = fc
  .record({
    judgesPerEntry: fc.integer({ min: 1, max: 3 }),
    entryOrgs: fc.array(fc.constantFrom(...ORGS), { minLength: 1, maxLength: 4 }),
    judgeConflicts: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.subarray(ORGS, { maxLength: 1 }) },
        { weight: 1, arbitrary: fc.subarray(ORGS) },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    existing: fc.array(fc.tuple(fc.nat(3), fc.nat(4)), { maxLength: 6 }),
  })
  .map(({ judgesPerEntry, entryOrgs, judgeConflicts, existing }) => {
    const entries = entryOrgs.map((orgCode, i) => ({ entryId: `e${i}`, orgCode }));
    const panel = judgeConflicts.map((conflicts, i) => ({ judgeId: `j${i}`, conflicts }));
    const judgeIds = [...panel.map((judge) => judge.judgeId), 'off'];
    return {
      judgesPerEntry,
      entries,
      panel,
      existing: existing
        .filter(([entry]) => entry < entries.length)
        .map(([entry, judge]) => ({ entryId: `e${entry}`, judgeId: judgeIds[Math.min(judge, judgeIds.length - 1)]! })),
    };
  });

function assignedTo(problem: AssignmentProblem, entryId: string): Set<string> {
  return new Set(problem.existing.filter((pair) => pair.entryId === entryId).map((pair) => pair.judgeId));
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => combinations(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

/** Loads sorted high to low: the smaller such vector (lexicographically) is the more even assignment. */
function decreasing(loads: readonly number[]): number[] {
  return [...loads].sort((a, b) => b - a);
}

function lexCompare(a: readonly number[], b: readonly number[]): number {
  const i = a.findIndex((value, k) => value !== b[k]);
  return i < 0 ? 0 : a[i]! - b[i]!;
}

/** Every completion, enumerated: the optimum the plan must reach, found without any flow. */
function bruteForce(problem: AssignmentProblem) {
  const judgeIds = problem.panel.map((judge) => judge.judgeId);
  const base = judgeIds.map(
    (id) => problem.entries.filter((entry) => assignedTo(problem, entry.entryId).has(id)).length,
  );
  const options = problem.entries.map((entry) => {
    const taken = assignedTo(problem, entry.entryId);
    const needed = Math.max(0, problem.judgesPerEntry - taken.size);
    const open = problem.panel.filter((judge) => !taken.has(judge.judgeId) && !isConflicted(judge, entry.orgCode));
    return { entryId: entry.entryId, needed, available: open.length, choices: combinations(open, needed) };
  });
  const short = options
    .filter((o) => o.choices.length === 0)
    .map(({ entryId, needed, available }) => ({ entryId, needed, available }));
  if (short.length > 0) return { feasible: false as const, short };

  let best = { maxLoad: Infinity, spread: Infinity };
  let decMin: number[] | undefined;
  const visit = (entry: number, loads: number[]): void => {
    if (entry === options.length) {
      const maxLoad = Math.max(0, ...loads);
      const spread = loads.length === 0 ? 0 : maxLoad - Math.min(...loads);
      if (maxLoad < best.maxLoad || (maxLoad === best.maxLoad && spread < best.spread)) best = { maxLoad, spread };
      if (!decMin || lexCompare(decreasing(loads), decMin) < 0) decMin = decreasing(loads);
      return;
    }
    for (const choice of options[entry]!.choices) {
      const next = [...loads];
      for (const judge of choice) next[judgeIds.indexOf(judge.judgeId)]!++;
      visit(entry + 1, next);
    }
  };
  visit(0, base);
  return { feasible: true as const, ...best, decMin: decMin! };
}

function feasible(plan: AssignmentPlan): FeasiblePlan {
  if (!plan.feasible) throw new Error(`expected a feasible plan, got ${JSON.stringify(plan.uncoverable)}`);
  return plan;
}

function judgesAfter(problem: AssignmentProblem, plan: FeasiblePlan, entryId: string): Set<string> {
  const judges = assignedTo(problem, entryId);
  for (const pair of plan.added) if (pair.entryId === entryId) judges.add(pair.judgeId);
  return judges;
}

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: order[i % order.length]! + i / 1000 }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

describe('planAssignment', () => {
  describe('properties over small categories', () => {
    it('never assigns a conflicted, off-panel or repeated judge, nor repeats an existing pair', () => {
      fc.assert(
        fc.property(smallProblem, (problem) => {
          const plan = planAssignment(problem);
          fc.pre(plan.feasible);
          const panel = new Map(problem.panel.map((judge) => [judge.judgeId, judge]));
          const org = new Map(problem.entries.map((entry) => [entry.entryId, entry.orgCode]));
          const seen = new Set(problem.existing.map(({ entryId, judgeId }) => `${entryId}/${judgeId}`));
          for (const { entryId, judgeId } of (plan as FeasiblePlan).added) {
            const judge = panel.get(judgeId);
            expect(judge).toBeDefined();
            expect(isConflicted(judge!, org.get(entryId)!)).toBe(false);
            expect(seen.has(`${entryId}/${judgeId}`)).toBe(false);
            seen.add(`${entryId}/${judgeId}`);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('leaves every entry with exactly judgesPerEntry judges, and gives an over-covered entry none', () => {
      fc.assert(
        fc.property(smallProblem, (problem) => {
          const plan = planAssignment(problem);
          fc.pre(plan.feasible);
          for (const { entryId } of problem.entries) {
            const before = assignedTo(problem, entryId).size;
            const after = judgesAfter(problem, plan as FeasiblePlan, entryId).size;
            expect(after).toBe(Math.max(before, problem.judgesPerEntry));
          }
        }),
        { numRuns: 300 },
      );
    });

    it('reaches the least max load, then the least spread, of all completions (brute force)', () => {
      fc.assert(
        fc.property(smallProblem, (problem) => {
          const expected = bruteForce(problem);
          const plan = planAssignment(problem);
          expect(plan.feasible).toBe(expected.feasible);
          if (!expected.feasible || !plan.feasible) return;
          expect(plan.maxLoad).toBe(expected.maxLoad);
          expect(plan.spread).toBe(expected.spread);
        }),
        { numRuns: 400 },
      );
    });

    it('makes the loads decreasingly minimal: no completion has fewer judges at any top load (brute force)', () => {
      fc.assert(
        fc.property(smallProblem, (problem) => {
          const expected = bruteForce(problem);
          fc.pre(expected.feasible);
          const plan = feasible(planAssignment(problem));
          expect(decreasing(plan.loads.map(({ load }) => load))).toEqual(expected.feasible && expected.decMin);
        }),
        { numRuns: 300 },
      );
    });

    it('reports loads that are the existing plus the added assignments of each panel judge', () => {
      fc.assert(
        fc.property(smallProblem, (problem) => {
          const plan = planAssignment(problem);
          fc.pre(plan.feasible);
          const { loads, added, maxLoad, minLoad, spread } = plan as FeasiblePlan;
          expect(loads.map(({ judgeId }) => judgeId)).toEqual(problem.panel.map(({ judgeId }) => judgeId).sort());
          for (const { judgeId, load } of loads) {
            const existing = problem.entries.filter(({ entryId }) => assignedTo(problem, entryId).has(judgeId)).length;
            expect(load).toBe(existing + added.filter((pair) => pair.judgeId === judgeId).length);
          }
          expect(maxLoad).toBe(Math.max(...loads.map(({ load }) => load)));
          expect(minLoad).toBe(Math.min(...loads.map(({ load }) => load)));
          expect(spread).toBe(maxLoad - minLoad);
        }),
        { numRuns: 200 },
      );
    });

    it('reports exactly the entries that cannot be covered, and adds nothing', () => {
      fc.assert(
        fc.property(smallProblem, (problem) => {
          const expected = bruteForce(problem);
          fc.pre(!expected.feasible);
          const plan = planAssignment(problem);
          expect(plan).toEqual({ feasible: false, uncoverable: !expected.feasible && expected.short });
        }),
        { numRuns: 200 },
      );
    });

    it('gives the same plan whatever the order of entries, panel, conflicts and existing assignments', () => {
      const orders = fc.array(fc.nat(50), { minLength: 1, maxLength: 8 });
      fc.assert(
        fc.property(smallProblem, orders, (problem, order) => {
          const reordered: AssignmentProblem = {
            judgesPerEntry: problem.judgesPerEntry,
            entries: shuffled(problem.entries, order),
            panel: shuffled(problem.panel, [...order].reverse()).map((judge) => ({
              judgeId: judge.judgeId,
              conflicts: new Set(shuffled([...judge.conflicts], order)),
            })),
            existing: shuffled(
              problem.existing,
              order.map((k) => 50 - k),
            ),
          };
          expect(planAssignment(reordered)).toEqual(planAssignment(problem));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('examples', () => {
    it('keeps an off-panel manual assignment and counts it towards the entry', () => {
      // Prepare
      const problem: AssignmentProblem = {
        judgesPerEntry: 2,
        entries: [{ entryId: 'e1', orgCode: 'A' }],
        panel: [
          { judgeId: 'j1', conflicts: [] },
          { judgeId: 'j2', conflicts: [] },
        ],
        existing: [{ entryId: 'e1', judgeId: 'guest' }],
      };
      // Act
      const plan = feasible(planAssignment(problem));
      // Assess
      expect(plan.added).toHaveLength(1);
      expect(plan.loads.map(({ load }) => load).sort()).toEqual([0, 1]);
    });

    it('counts a conflicted manual override towards the entry and the judge', () => {
      // Prepare
      const problem: AssignmentProblem = {
        judgesPerEntry: 1,
        entries: [
          { entryId: 'e1', orgCode: 'A' },
          { entryId: 'e2', orgCode: 'B' },
        ],
        panel: [
          { judgeId: 'j1', conflicts: ['A'] },
          { judgeId: 'j2', conflicts: [] },
        ],
        existing: [{ entryId: 'e1', judgeId: 'j1' }],
      };
      // Act
      const plan = feasible(planAssignment(problem));
      // Assess
      expect(plan.added).toEqual([{ entryId: 'e2', judgeId: 'j2' }]);
      expect(plan.loads).toEqual([
        { judgeId: 'j1', load: 1 },
        { judgeId: 'j2', load: 1 },
      ]);
    });

    it('gives nothing to an entry that already has more than judgesPerEntry judges', () => {
      // Prepare
      const problem: AssignmentProblem = {
        judgesPerEntry: 1,
        entries: [{ entryId: 'e1', orgCode: 'A' }],
        panel: [{ judgeId: 'j1', conflicts: [] }],
        existing: [
          { entryId: 'e1', judgeId: 'x' },
          { entryId: 'e1', judgeId: 'y' },
        ],
      };
      // Act
      const plan = feasible(planAssignment(problem));
      // Assess
      expect(plan.added).toEqual([]);
      expect(plan).toMatchObject({ maxLoad: 0, minLoad: 0, spread: 0 });
    });

    it('moves earlier choices aside so that a constrained entry still gets its judge', () => {
      // Prepare: e2 can only go to j1, e1 to either; loads 1 and 1 need e1 on j2.
      const problem: AssignmentProblem = {
        judgesPerEntry: 1,
        entries: [
          { entryId: 'e1', orgCode: 'A' },
          { entryId: 'e2', orgCode: 'B' },
        ],
        panel: [
          { judgeId: 'j1', conflicts: [] },
          { judgeId: 'j2', conflicts: ['B'] },
        ],
        existing: [],
      };
      // Act
      const plan = feasible(planAssignment(problem));
      // Assess
      expect(plan.added).toEqual([
        { entryId: 'e1', judgeId: 'j2' },
        { entryId: 'e2', judgeId: 'j1' },
      ]);
    });

    it('keeps the rest of the panel even when one judge can take nothing', () => {
      // Prepare: j0 is conflicted with every entry, so the spread is forced; the others still share 12 evenly.
      const problem: AssignmentProblem = {
        judgesPerEntry: 1,
        entries: Array.from({ length: 12 }, (_, i) => ({ entryId: `e${String(i).padStart(2, '0')}`, orgCode: 'A' })),
        panel: [
          { judgeId: 'j0', conflicts: new Set(['A']) },
          ...['j1', 'j2', 'j3', 'j4'].map((judgeId) => ({ judgeId, conflicts: new Set<string>() })),
        ],
        existing: [],
      };
      // Act
      const plan = feasible(planAssignment(problem));
      // Assess
      expect(plan.loads.map(({ load }) => load)).toEqual([0, 3, 3, 3, 3]);
      expect(plan).toMatchObject({ maxLoad: 3, minLoad: 0, spread: 3 });
    });

    it('balances around judges who already carry manual assignments', () => {
      // Prepare: j1 already has 3 entries; 6 more to place among j1..j3 → 3, 3, 3.
      const entries = Array.from({ length: 9 }, (_, i) => ({ entryId: `e${i}`, orgCode: 'A' }));
      const problem: AssignmentProblem = {
        judgesPerEntry: 1,
        entries,
        panel: ['j1', 'j2', 'j3'].map((judgeId) => ({ judgeId, conflicts: [] })),
        existing: entries.slice(0, 3).map(({ entryId }) => ({ entryId, judgeId: 'j1' })),
      };
      // Act
      const plan = feasible(planAssignment(problem));
      // Assess
      expect(plan.loads.map(({ load }) => load)).toEqual([3, 3, 3]);
      expect(plan.added.filter(({ judgeId }) => judgeId === 'j1')).toEqual([]);
    });

    it('reports every short entry with what it needs and what is available, and assigns nothing', () => {
      // Prepare
      const problem: AssignmentProblem = {
        judgesPerEntry: 3,
        entries: [
          { entryId: 'e2', orgCode: 'B' },
          { entryId: 'e1', orgCode: 'A' },
          { entryId: 'e3', orgCode: 'C' },
        ],
        panel: [
          { judgeId: 'j1', conflicts: ['A'] },
          { judgeId: 'j2', conflicts: ['A', 'B'] },
          { judgeId: 'j3', conflicts: [] },
        ],
        existing: [{ entryId: 'e3', judgeId: 'j3' }],
      };
      // Act
      const plan = planAssignment(problem);
      // Assess
      expect(plan).toEqual({
        feasible: false,
        uncoverable: [
          { entryId: 'e1', needed: 3, available: 1 },
          { entryId: 'e2', needed: 3, available: 2 },
        ],
      });
    });

    it('plans nothing for an empty category, with all-zero figures', () => {
      // Act
      const plan = planAssignment({ judgesPerEntry: 3, entries: [], panel: [], existing: [] });
      // Assess
      expect(plan).toEqual({ feasible: true, added: [], loads: [], maxLoad: 0, minLoad: 0, spread: 0 });
    });

    it('refuses a judgesPerEntry that is not a whole number of judges', () => {
      for (const judgesPerEntry of [-1, 1.5, Number.NaN]) {
        expect(() => planAssignment({ judgesPerEntry, entries: [], panel: [], existing: [] })).toThrow(InvalidError);
      }
    });

    it('refuses an entry or a judge listed twice', () => {
      const entry = { entryId: 'e1', orgCode: 'A' };
      const judge = { judgeId: 'j1', conflicts: [] };
      expect(() => planAssignment({ judgesPerEntry: 1, entries: [entry, entry], panel: [], existing: [] })).toThrow(
        InvalidError,
      );
      expect(() => planAssignment({ judgesPerEntry: 1, entries: [], panel: [judge, judge], existing: [] })).toThrow(
        InvalidError,
      );
    });

    it('covers a mid-sized category at the load lower bound', () => {
      // Prepare: 300 entries from 20 organisations, 40 judges each conflicted with 2 organisations.
      const entries = Array.from({ length: 300 }, (_, i) => ({ entryId: `e${i}`, orgCode: `o${(i * 7) % 20}` }));
      const panel = Array.from({ length: 40 }, (_, i) => ({
        judgeId: `j${i}`,
        conflicts: [`o${i % 20}`, `o${(i + 3) % 20}`],
      }));
      // Act
      const plan = feasible(planAssignment({ judgesPerEntry: 3, entries, panel, existing: [] }));
      // Assess
      expect(plan.added).toHaveLength(900);
      expect(plan.maxLoad).toBe(Math.ceil(900 / 40));
      expect(plan.minLoad).toBe(Math.floor(900 / 40));
    });
  });
});

describe('isConflicted', () => {
  it('is true exactly for the organisations in the judge’s conflicts, given as a set or a list', () => {
    expect(isConflicted({ conflicts: new Set(['RX1']) }, 'RX1')).toBe(true);
    expect(isConflicted({ conflicts: ['RX1'] }, 'RX1')).toBe(true);
    expect(isConflicted({ conflicts: ['RX1'] }, 'RX2')).toBe(false);
    expect(isConflicted({ conflicts: new Set<string>() }, 'RX1')).toBe(false);
  });
});
