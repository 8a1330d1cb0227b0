/** A binary min-heap of integer items by numeric priority (typed arrays, grows as needed). */
export class MinHeap {
  #items = new Int32Array(1024);
  #priorities = new Float64Array(1024);
  #size = 0;

  clear(): void {
    this.#size = 0;
  }

  get size(): number {
    return this.#size;
  }

  push(item: number, priority: number): void {
    if (this.#size === this.#items.length) {
      const items = new Int32Array(this.#size * 2);
      items.set(this.#items);
      this.#items = items;
      const priorities = new Float64Array(this.#size * 2);
      priorities.set(this.#priorities);
      this.#priorities = priorities;
    }
    let i = this.#size;
    this.#size += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.#priorities[parent] ?? 0;
      if (p <= priority) break;
      this.#items[i] = this.#items[parent] ?? 0;
      this.#priorities[i] = p;
      i = parent;
    }
    this.#items[i] = item;
    this.#priorities[i] = priority;
  }

  /** Removes and returns the item of lowest priority (the heap must not be empty). */
  pop(): number {
    const top = this.#items[0] ?? 0;
    this.#size -= 1;
    const item = this.#items[this.#size] ?? 0;
    const priority = this.#priorities[this.#size] ?? 0;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.#size) break;
      const right = left + 1;
      const child =
        right < this.#size && (this.#priorities[right] ?? 0) < (this.#priorities[left] ?? 0)
          ? right
          : left;
      const p = this.#priorities[child] ?? 0;
      if (p >= priority) break;
      this.#items[i] = this.#items[child] ?? 0;
      this.#priorities[i] = p;
      i = child;
    }
    this.#items[i] = item;
    this.#priorities[i] = priority;
    return top;
  }
}
