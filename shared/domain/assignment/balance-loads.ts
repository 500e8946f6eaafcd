import type { IndexedProblem } from './assignment-problem.js';
import { FlowNetworkBuilder } from './flow-network.js';

/** New (entry, judge) pairs by index, and every panel judge's final load. */
export interface BalancedLoads {
  added: { entry: number; judge: number }[];
  loads: number[];
}

const SOURCE = 0;
const SINK = 1;

/**
 * Gives every entry the judges it still needs so that the judges' loads are as even as they can be.
 *
 * The network is source → entry (capacity: judges still needed) → judge (capacity 1, only where the
 * judge may take the entry) → sink (capacity: how far the judge's load may rise). A flow saturating the
 * source is a valid completion. Caps rise one level at a time: at level λ a judge may reach load λ, and
 * the flow is augmented to a maximum before the next level. An augmenting path ends at the sink and so
 * never runs back along a judge → sink arc: a judge's load never falls once given.
 *
 * Why this is optimal. Write `L` for the final loads and `cap_λ(L)` for the loads each capped at λ.
 * After level λ nothing more could reach a judge below λ, and later levels only add, so `cap_λ(L)`
 * carries a maximum flow of the network capped at λ — for every λ (below the first level, trivially).
 * - Least maximum `M`: either M is a judge's existing load, which no completion can undo, or the judges
 *   at M were given entries and each loses a unit at λ = M − 1; then that maximum falls short of the
 *   demand, so no completion keeps every load below M.
 * - Greatest minimum `m`: a completion with every load ≥ m + 1 would fill every cap at λ = m + 1, more
 *   than `cap_λ(L)` carries, as the judge at m falls short of its cap. Contradiction. Least max and
 *   greatest min together give the least spread, and among completions with the least max the least
 *   spread.
 * - More: if one unit could move from a judge at load ≥ λ + 1 to one at load ≤ λ − 1 (a residual path
 *   between them), `cap_λ(L)` would grow by one: contradiction. With no such exchange the load vector is
 *   decreasingly minimal (Frank & Murota, "Discrete decreasing minimization", 2022): as few judges as
 *   possible at the top load, then at the next, and so on — the same optimum a min-cost flow with
 *   strictly convex load costs reaches.
 *
 * Each level is a Dinic run warm-started from the last, and levels number about the final max load, so
 * this is a few dozen blocking-flow phases instead of one shortest-path search per assigned judge.
 *
 * @param problem must be feasible: every entry has at least `needed` candidates
 */
export function balanceLoads(problem: IndexedProblem): BalancedLoads {
  const { needed, candidates, baseLoad } = problem;
  const entryNode = (entry: number): number => 2 + entry;
  const judgeNode = (judge: number): number => 2 + needed.length + judge;

  const builder = new FlowNetworkBuilder(2 + needed.length + baseLoad.length);
  const choiceEdges: { entry: number; judge: number; edge: number }[] = [];
  let demand = 0;
  needed.forEach((need, entry) => {
    if (need === 0) return;
    demand += need;
    builder.addEdge(SOURCE, entryNode(entry), need);
    for (const judge of candidates[entry]!) {
      choiceEdges.push({ entry, judge, edge: builder.addEdge(entryNode(entry), judgeNode(judge), 1) });
    }
  });
  const loadEdges = baseLoad.map((_, judge) => builder.addEdge(judgeNode(judge), SINK, 0));
  const network = builder.build();

  const highestUsefulLevel = baseLoad.reduce((a, b) => Math.max(a, b), 0) + needed.length;
  let level = baseLoad.reduce((a, b) => Math.min(a, b), highestUsefulLevel);
  let flow = 0;
  while (flow < demand) {
    level++;
    if (level > highestUsefulLevel) throw new Error('balanceLoads was given an infeasible problem');
    baseLoad.forEach((base, judge) => {
      if (base < level) network.raiseCapacity(loadEdges[judge]!, 1);
    });
    flow += network.augment(SOURCE, SINK);
  }

  return {
    added: choiceEdges.filter(({ edge }) => network.flowOn(edge) === 1).map(({ entry, judge }) => ({ entry, judge })),
    loads: baseLoad.map((base, judge) => base + network.flowOn(loadEdges[judge]!)),
  };
}
