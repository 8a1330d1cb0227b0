/** An edge of a flow network; `Infinity` marks an edge that cannot be cut. */
export interface CapacityEdge {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
}

/** A maximum flow and the minimum cut it proves. */
export interface MinCut {
  /** Value of the maximum flow, equal to the capacity of the cut. */
  readonly value: number;
  /** 1 for nodes still reachable from the source in the residual network. */
  readonly sourceSide: Uint8Array;
  /** Edges from the source side to the sink side with a positive capacity: the cut. */
  readonly edges: readonly number[];
}

/**
 * Maximum flow by Dinic's algorithm (BFS levels, blocking flows found by an iterative DFS), on a
 * network built once: capacities can be changed between runs, each run starts from zero flow.
 */
export class FlowNetwork {
  readonly nodeCount: number;
  readonly edges: readonly CapacityEdge[];
  readonly #capacity: Float64Array;
  readonly #residual: Float64Array;
  /** Arc `2e` is edge `e`, arc `2e + 1` its reverse. */
  readonly #arcTo: Int32Array;
  readonly #arcStart: Int32Array;
  readonly #arcs: Int32Array;
  readonly #level: Int32Array;
  readonly #iterator: Int32Array;
  readonly #queue: Int32Array;

  constructor(nodeCount: number, edges: readonly CapacityEdge[]) {
    this.nodeCount = nodeCount;
    this.edges = edges;
    const arcCount = edges.length * 2;
    this.#capacity = Float64Array.from(edges, (e) => e.capacity);
    this.#residual = new Float64Array(arcCount);
    this.#arcTo = new Int32Array(arcCount);
    const tails = new Int32Array(arcCount);
    edges.forEach((edge, e) => {
      this.#arcTo[2 * e] = edge.to;
      this.#arcTo[2 * e + 1] = edge.from;
      tails[2 * e] = edge.from;
      tails[2 * e + 1] = edge.to;
    });
    this.#arcStart = new Int32Array(nodeCount + 1);
    for (const tail of tails) this.#arcStart[tail + 1] = (this.#arcStart[tail + 1] ?? 0) + 1;
    for (let v = 0; v < nodeCount; v += 1)
      this.#arcStart[v + 1] = (this.#arcStart[v + 1] ?? 0) + (this.#arcStart[v] ?? 0);
    const fill = this.#arcStart.slice(0, nodeCount);
    this.#arcs = new Int32Array(arcCount);
    tails.forEach((tail, arc) => {
      this.#arcs[fill[tail] ?? 0] = arc;
      fill[tail] = (fill[tail] ?? 0) + 1;
    });
    this.#level = new Int32Array(nodeCount);
    this.#iterator = new Int32Array(nodeCount);
    this.#queue = new Int32Array(nodeCount);
  }

  capacity(edge: number): number {
    return this.#capacity[edge] ?? 0;
  }

  setCapacity(edge: number, capacity: number): void {
    this.#capacity[edge] = capacity;
  }

  /** Maximum flow from `source` to `sink`, and the minimum cut. */
  minCut(source: number, sink: number): MinCut {
    const residual = this.#residual;
    for (let e = 0; e < this.edges.length; e += 1) {
      residual[2 * e] = this.#capacity[e] ?? 0;
      residual[2 * e + 1] = 0;
    }
    let value = 0;
    if (source !== sink) {
      while (this.#levels(source, sink)) {
        this.#iterator.set(this.#arcStart.subarray(0, this.nodeCount));
        for (
          let pushed = this.#augment(source, sink);
          pushed > 0;
          pushed = this.#augment(source, sink)
        ) {
          value += pushed;
          if (value === Number.POSITIVE_INFINITY) break;
        }
        if (value === Number.POSITIVE_INFINITY) break;
      }
    }
    this.#levels(source, -1);
    const sourceSide = Uint8Array.from(this.#level, (level) => (level >= 0 ? 1 : 0));
    const edges: number[] = [];
    this.edges.forEach((edge, e) => {
      if (sourceSide[edge.from] === 1 && sourceSide[edge.to] === 0 && (this.#capacity[e] ?? 0) > 0)
        edges.push(e);
    });
    return { value, sourceSide, edges };
  }

  /** BFS levels in the residual network; true when the sink is reached. */
  #levels(source: number, sink: number): boolean {
    const level = this.#level;
    const arcStart = this.#arcStart;
    const arcs = this.#arcs;
    const arcTo = this.#arcTo;
    const residual = this.#residual;
    const queue = this.#queue;
    level.fill(-1);
    level[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const v = queue[head++] as number;
      const next = (level[v] as number) + 1;
      // nodes at or past the sink's level cannot be on a shortest augmenting path
      if (sink >= 0 && (level[sink] as number) >= 0 && next > (level[sink] as number)) break;
      const end = arcStart[v + 1] as number;
      for (let i = arcStart[v] as number; i < end; i += 1) {
        const arc = arcs[i] as number;
        const u = arcTo[arc] as number;
        if ((level[u] as number) < 0 && (residual[arc] as number) > 0) {
          level[u] = next;
          queue[tail++] = u;
        }
      }
    }
    return sink >= 0 && (level[sink] as number) >= 0;
  }

  /** One augmenting path in the level graph (iterative DFS); returns the flow pushed. */
  #augment(source: number, sink: number): number {
    const level = this.#level;
    const iterator = this.#iterator;
    const residual = this.#residual;
    const arcStart = this.#arcStart;
    const arcs = this.#arcs;
    const arcTo = this.#arcTo;
    const stack: number[] = [];
    let v = source;
    while (v !== sink) {
      const end = arcStart[v + 1] as number;
      const wanted = (level[v] as number) + 1;
      let i = iterator[v] as number;
      for (; i < end; i += 1) {
        const arc = arcs[i] as number;
        if ((residual[arc] as number) > 0 && level[arcTo[arc] as number] === wanted) break;
      }
      iterator[v] = i;
      if (i < end) {
        const arc = arcs[i] as number;
        stack.push(arc);
        v = arcTo[arc] as number;
        continue;
      }
      level[v] = -1;
      const back = stack.pop();
      if (back === undefined) return 0;
      v = arcTo[back ^ 1] as number;
      iterator[v] = (iterator[v] as number) + 1;
    }
    let bottleneck = Number.POSITIVE_INFINITY;
    for (const arc of stack) bottleneck = Math.min(bottleneck, residual[arc] as number);
    if (bottleneck === Number.POSITIVE_INFINITY) return bottleneck;
    for (const arc of stack) {
      residual[arc] = (residual[arc] as number) - bottleneck;
      residual[arc ^ 1] = (residual[arc ^ 1] as number) + bottleneck;
    }
    return bottleneck;
  }
}
