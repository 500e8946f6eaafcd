/**
 * A directed network with integer capacities and Dinic's maximum-flow algorithm.
 *
 * Arcs live in flat typed arrays grouped by tail node (compressed sparse rows), each edge as a forward
 * arc and its twin reverse arc, so a breadth-first pass over a 400k-edge network is a few milliseconds.
 * The flow is kept between calls: raising capacities and calling {@link FlowNetwork.augment} again
 * continues from the current flow, which is what the level-by-level assignment relies on. The
 * depth-first part is iterative, so residual paths of any length cannot overflow the call stack.
 * Arcs are visited in the order edges were added, so the same network always yields the same flow.
 */
export class FlowNetwork {
  /** Arcs of node `u` are `firstArc[u] .. firstArc[u + 1] - 1`. */
  private readonly firstArc: Int32Array;
  private readonly head: Int32Array;
  private readonly twin: Int32Array;
  private readonly residual: Int32Array;
  private readonly capacity: Int32Array;
  /** Forward arc of each edge, by the index {@link FlowNetworkBuilder.addEdge} returned. */
  private readonly edgeArc: Int32Array;
  private readonly level: Int32Array;
  private readonly cursor: Int32Array;
  private readonly queue: Int32Array;
  private readonly path: Int32Array;

  /** @internal Use {@link FlowNetworkBuilder}. */
  constructor(nodeCount: number, tails: readonly number[], heads: readonly number[], capacities: readonly number[]) {
    const edgeCount = tails.length;
    this.firstArc = new Int32Array(nodeCount + 1);
    for (let e = 0; e < edgeCount; e++) {
      this.firstArc[tails[e]! + 1]!++;
      this.firstArc[heads[e]! + 1]!++;
    }
    for (let u = 0; u < nodeCount; u++) this.firstArc[u + 1]! += this.firstArc[u]!;
    const next = this.firstArc.slice(0, nodeCount);
    this.head = new Int32Array(2 * edgeCount);
    this.twin = new Int32Array(2 * edgeCount);
    this.capacity = new Int32Array(2 * edgeCount);
    this.edgeArc = new Int32Array(edgeCount);
    for (let e = 0; e < edgeCount; e++) {
      const tail = tails[e]!;
      const headNode = heads[e]!;
      const forward = next[tail]!++;
      const backward = next[headNode]!++;
      this.head[forward] = headNode;
      this.head[backward] = tail;
      this.twin[forward] = backward;
      this.twin[backward] = forward;
      this.capacity[forward] = capacities[e]!;
      this.edgeArc[e] = forward;
    }
    this.residual = this.capacity.slice();
    this.level = new Int32Array(nodeCount);
    this.cursor = new Int32Array(nodeCount);
    this.queue = new Int32Array(nodeCount);
    this.path = new Int32Array(nodeCount);
  }

  /** Flow currently on an edge. */
  flowOn(edge: number): number {
    const arc = this.edgeArc[edge]!;
    return this.capacity[arc]! - this.residual[arc]!;
  }

  /** Raises an edge's capacity by `amount`; the current flow stays valid. */
  raiseCapacity(edge: number, amount: number): void {
    const arc = this.edgeArc[edge]!;
    this.capacity[arc]! += amount;
    this.residual[arc]! += amount;
  }

  /**
   * Augments the current flow to a maximum flow from `source` to `sink`.
   *
   * @returns the flow added by this call
   */
  augment(source: number, sink: number): number {
    let added = 0;
    while (this.layer(source, sink)) {
      this.cursor.set(this.firstArc.subarray(0, this.cursor.length));
      added += this.blockingFlow(source, sink);
    }
    return added;
  }

  /** Breadth-first levels over the residual network; false when the sink is unreachable. */
  private layer(source: number, sink: number): boolean {
    const { level, queue, firstArc, head, residual } = this;
    level.fill(-1);
    level[source] = 0;
    queue[0] = source;
    let read = 0;
    let write = 1;
    while (read < write) {
      const u = queue[read++]!;
      // Nodes at the sink's depth or deeper lie on no shortest path.
      if (level[sink]! >= 0 && level[u]! >= level[sink]!) break;
      const nextLevel = level[u]! + 1;
      for (let arc = firstArc[u]!, end = firstArc[u + 1]!; arc < end; arc++) {
        const v = head[arc]!;
        if (residual[arc]! > 0 && level[v]! < 0) {
          level[v] = nextLevel;
          queue[write++] = v;
        }
      }
    }
    return level[sink]! >= 0;
  }

  /** Saturates every shortest residual path (one Dinic phase), iteratively. */
  private blockingFlow(source: number, sink: number): number {
    const { level, cursor, firstArc, head, twin, residual, path } = this;
    let added = 0;
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let push = Number.MAX_SAFE_INTEGER;
        for (let i = 0; i < depth; i++) push = Math.min(push, residual[path[i]!]!);
        for (let i = 0; i < depth; i++) {
          residual[path[i]!]! -= push;
          residual[twin[path[i]!]!]! += push;
        }
        added += push;
        // Resume from the tail of the first arc this push saturated.
        depth = 0;
        while (residual[path[depth]!]! > 0) depth++;
        u = depth === 0 ? source : head[path[depth - 1]!]!;
        continue;
      }
      let advanced = false;
      for (const end = firstArc[u + 1]!; cursor[u]! < end; cursor[u]!++) {
        const arc = cursor[u]!;
        if (residual[arc]! > 0 && level[head[arc]!] === level[u]! + 1) {
          path[depth++] = arc;
          u = head[arc]!;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      if (u === source) return added;
      level[u] = -1; // a dead end for the rest of this phase
      depth--;
      u = depth === 0 ? source : head[path[depth - 1]!]!;
      cursor[u]!++;
    }
  }
}

/** Collects edges, then lays them out as a {@link FlowNetwork}. */
export class FlowNetworkBuilder {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly capacities: number[] = [];

  constructor(private readonly nodeCount: number) {}

  /** @returns the edge's index, for {@link FlowNetwork.flowOn} and {@link FlowNetwork.raiseCapacity} */
  addEdge(tail: number, head: number, capacity: number): number {
    this.tails.push(tail);
    this.heads.push(head);
    this.capacities.push(capacity);
    return this.tails.length - 1;
  }

  build(): FlowNetwork {
    return new FlowNetwork(this.nodeCount, this.tails, this.heads, this.capacities);
  }
}
