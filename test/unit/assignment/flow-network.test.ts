import fc from 'fast-check';
import { FlowNetworkBuilder } from '../../../shared/domain/assignment/flow-network.js';

interface Edge {
  tail: number;
  head: number;
  capacity: number;
}

const NODES = 6;
const SOURCE = 0;
const SINK = NODES - 1;

const edges: fc.Arbitrary<Edge[]> = fc.array(
  fc.record({ tail: fc.nat(NODES - 1), head: fc.nat(NODES - 1), capacity: fc.nat(5) }),
  { maxLength: 14 },
);

/** The least capacity of any cut separating source from sink, by trying every cut. */
function minCut(list: readonly Edge[]): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << NODES; mask++) {
    const sourceSide = (node: number) => (mask >> node) & 1;
    if (!sourceSide(SOURCE) || sourceSide(SINK)) continue;
    const cut = list.filter((e) => sourceSide(e.tail) && !sourceSide(e.head)).reduce((sum, e) => sum + e.capacity, 0);
    best = Math.min(best, cut);
  }
  return best;
}

function build(list: readonly Edge[]) {
  const builder = new FlowNetworkBuilder(NODES);
  const ids = list.map((e) => builder.addEdge(e.tail, e.head, e.capacity));
  return { network: builder.build(), ids };
}

describe('FlowNetwork', () => {
  it('finds a flow as large as the smallest cut (max-flow min-cut, every cut tried)', () => {
    fc.assert(
      fc.property(edges, (list) => {
        // Prepare
        const { network } = build(list);
        // Act
        const value = network.augment(SOURCE, SINK);
        // Assess
        expect(value).toBe(minCut(list));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every edge within capacity and conserves flow at every inner node', () => {
    fc.assert(
      fc.property(edges, (list) => {
        // Prepare
        const { network, ids } = build(list);
        // Act
        const value = network.augment(SOURCE, SINK);
        // Assess
        const balance = new Array<number>(NODES).fill(0);
        list.forEach((e, i) => {
          const flow = network.flowOn(ids[i]!);
          expect(flow).toBeGreaterThanOrEqual(0);
          expect(flow).toBeLessThanOrEqual(e.capacity);
          balance[e.tail]! -= flow;
          balance[e.head]! += flow;
        });
        for (let node = 1; node < SINK; node++) expect(balance[node]).toBe(0);
        expect(balance[SINK]).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('continues from its current flow after capacities rise, to the same value as a fresh start', () => {
    const raises = fc.array(fc.nat(3), { minLength: 14, maxLength: 14 });
    fc.assert(
      fc.property(edges, raises, (list, extra) => {
        // Prepare
        const { network, ids } = build(list);
        const first = network.augment(SOURCE, SINK);
        // Act
        ids.forEach((id, i) => network.raiseCapacity(id, extra[i]!));
        const total = first + network.augment(SOURCE, SINK);
        // Assess
        expect(total).toBe(minCut(list.map((e, i) => ({ ...e, capacity: e.capacity + extra[i]! }))));
      }),
      { numRuns: 300 },
    );
  });

  it('augments along a path of 50,000 arcs without overflowing the stack', () => {
    // Prepare: a chain 0 → 1 → … → n, reached only through it.
    const n = 50_000;
    const builder = new FlowNetworkBuilder(n + 1);
    for (let node = 0; node < n; node++) builder.addEdge(node, node + 1, 2);
    // Act
    const value = builder.build().augment(0, n);
    // Assess
    expect(value).toBe(2);
  });
});
