/**
 * A multiset of numbers with rank queries (a treap with subtree sizes): insert, remove and k-th
 * smallest in O(log n) expected. Used for value_percentile over a sliding window. Priorities come
 * from a fixed-seed generator, so the shape (and the cost) is deterministic.
 */
interface TreapNode {
  readonly value: number;
  readonly priority: number;
  /** Copies of `value`. */
  count: number;
  /** Copies in this subtree. */
  size: number;
  left: TreapNode | undefined;
  right: TreapNode | undefined;
}

function sizeOf(node: TreapNode | undefined): number {
  return node === undefined ? 0 : node.size;
}

function update(node: TreapNode): void {
  node.size = node.count + sizeOf(node.left) + sizeOf(node.right);
}

function rotateRight(node: TreapNode): TreapNode {
  const l = node.left as TreapNode;
  node.left = l.right;
  l.right = node;
  update(node);
  update(l);
  return l;
}

function rotateLeft(node: TreapNode): TreapNode {
  const r = node.right as TreapNode;
  node.right = r.left;
  r.left = node;
  update(node);
  update(r);
  return r;
}

export class OrderStatisticTree {
  private root: TreapNode | undefined;
  private seed = 0x2545f491;

  get size(): number {
    return sizeOf(this.root);
  }

  insert(value: number): void {
    this.root = this.insertAt(this.root, value);
  }

  /** Removes one copy; returns false when the value is absent. */
  remove(value: number): boolean {
    const before = this.size;
    this.root = this.removeAt(this.root, value);
    return this.size < before;
  }

  /** The k-th smallest value, 0-based; undefined out of range. */
  kth(k: number): number | undefined {
    if (k < 0 || k >= this.size) return undefined;
    let node = this.root;
    let rank = k;
    while (node !== undefined) {
      const leftSize = sizeOf(node.left);
      if (rank < leftSize) node = node.left;
      else if (rank < leftSize + node.count) return node.value;
      else {
        rank -= leftSize + node.count;
        node = node.right;
      }
    }
    return undefined;
  }

  /**
   * The p-th percentile (0–100) by linear interpolation between the closest ranks (the default
   * method of numpy and of R's type 7); undefined when empty.
   */
  percentile(p: number): number | undefined {
    const n = this.size;
    if (n === 0) return undefined;
    const position = (Math.min(100, Math.max(0, p)) / 100) * (n - 1);
    const lower = Math.floor(position);
    const low = this.kth(lower) as number;
    if (position === lower) return low;
    const high = this.kth(lower + 1) as number;
    return low + (high - low) * (position - lower);
  }

  private nextPriority(): number {
    // xorshift32: cheap, deterministic.
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed;
  }

  private insertAt(node: TreapNode | undefined, value: number): TreapNode {
    if (node === undefined) {
      const priority = this.nextPriority();
      return { value, priority, count: 1, size: 1, left: undefined, right: undefined };
    }
    if (value === node.value) {
      node.count++;
      node.size++;
      return node;
    }
    if (value < node.value) {
      node.left = this.insertAt(node.left, value);
      node.size++;
      return node.left.priority > node.priority ? rotateRight(node) : node;
    }
    node.right = this.insertAt(node.right, value);
    node.size++;
    return node.right.priority > node.priority ? rotateLeft(node) : node;
  }

  private removeAt(node: TreapNode | undefined, value: number): TreapNode | undefined {
    if (node === undefined) return undefined;
    if (value < node.value) {
      node.left = this.removeAt(node.left, value);
    } else if (value > node.value) {
      node.right = this.removeAt(node.right, value);
    } else if (node.count > 1) {
      node.count--;
    } else {
      return this.removeNode(node);
    }
    update(node);
    return node;
  }

  /** Rotates the node down until it has at most one child, then unlinks it. */
  private removeNode(node: TreapNode): TreapNode | undefined {
    if (node.left === undefined) return node.right;
    if (node.right === undefined) return node.left;
    if (node.left.priority > node.right.priority) {
      const top = rotateRight(node);
      top.right = this.removeNode(node);
      update(top);
      return top;
    }
    const top = rotateLeft(node);
    top.left = this.removeNode(node);
    update(top);
    return top;
  }
}
