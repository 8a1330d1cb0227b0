/**
 * A binary min-heap of node indices keyed by a number, then by a second number (A* breaks ties
 * on the remaining distance); last ties go to the smaller index, so searches are deterministic.
 */
export class MinHeap {
  #keys: number[] = [];
  #seconds: number[] = [];
  #nodes: number[] = [];

  get size(): number {
    return this.#nodes.length;
  }

  clear(): void {
    this.#keys.length = 0;
    this.#seconds.length = 0;
    this.#nodes.length = 0;
  }

  push(node: number, key: number, second = 0): void {
    const keys = this.#keys;
    const nodes = this.#nodes;
    let i = nodes.length;
    keys.push(key);
    this.#seconds.push(second);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the node with the smallest key (-1 when empty). */
  pop(): number {
    const nodes = this.#nodes;
    const keys = this.#keys;
    if (nodes.length === 0) return -1;
    const top = nodes[0] ?? -1;
    const lastNode = nodes.pop() ?? -1;
    const lastKey = keys.pop() ?? 0;
    const lastSecond = this.#seconds.pop() ?? 0;
    if (nodes.length > 0) {
      nodes[0] = lastNode;
      keys[0] = lastKey;
      this.#seconds[0] = lastSecond;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < nodes.length && this.#less(left, smallest)) smallest = left;
        if (right < nodes.length && this.#less(right, smallest)) smallest = right;
        if (smallest === i) break;
        this.#swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  /** The smallest key (Infinity when empty). */
  peekKey(): number {
    return this.#keys[0] ?? Number.POSITIVE_INFINITY;
  }

  #less(a: number, b: number): boolean {
    const ka = this.#keys[a] ?? 0;
    const kb = this.#keys[b] ?? 0;
    if (ka !== kb) return ka < kb;
    const sa = this.#seconds[a] ?? 0;
    const sb = this.#seconds[b] ?? 0;
    if (sa !== sb) return sa < sb;
    return (this.#nodes[a] ?? 0) < (this.#nodes[b] ?? 0);
  }

  #swap(a: number, b: number): void {
    const keys = this.#keys;
    const nodes = this.#nodes;
    const key = keys[a] ?? 0;
    keys[a] = keys[b] ?? 0;
    keys[b] = key;
    const node = nodes[a] ?? 0;
    nodes[a] = nodes[b] ?? 0;
    nodes[b] = node;
    const seconds = this.#seconds;
    const second = seconds[a] ?? 0;
    seconds[a] = seconds[b] ?? 0;
    seconds[b] = second;
  }
}
