/**
 * List scheduling of recovery tasks on parallel teams, with the critical path of the result.
 *
 * Algorithm (Graham's list scheduling with the critical-path heuristic, "HLFET"):
 * 1. Cycles in the precedences are broken deterministically: a depth-first search visits tasks in
 *    the order of the hard precedences (then by id) and follows hard precedences first, then by
 *    id; every edge that closes a cycle (a back edge) is dropped and returned in
 *    `brokenPrecedences` so the caller can report it (a hard one only when hard ones form a cycle
 *    or the search cannot avoid it). What remains is acyclic, and
 *    the reverse post-order of that search is a topological order.
 * 2. Over that order, from the end: each task's remaining path (its duration plus the longest
 *    remaining path of what waits on it), and its rank becomes the best of its own and of every
 *    task that waits on it, transitively (a prerequisite inherits the urgency of what needs it).
 * 3. Simulation: at time 0 and at each task completion, every free team slot takes the ready task
 *    (all predecessors finished) with the best rank, then the longest remaining path, then the
 *    smallest id, among those it may run: a task bound to some slots (a declared team) runs only
 *    on them, the others on any slot (preferably one whose own bound tasks are not waiting).
 *    External work (a supplier's) starts as soon as it is ready and holds no slot. A free slot
 *    never stays idle while a task it may run is ready.
 * 4. Each task records what it waited for: the predecessor that finished last, when it started the
 *    moment that predecessor ended; otherwise the task that freed its slot. Following these links
 *    back from the last task to finish gives the critical path of the schedule: the chain of
 *    dependencies and team waits that decides the total duration.
 *
 * Guarantees: every kept precedence is respected, at most `slots` tasks run at any time, the result
 * is deterministic, and no slot idles while a task is ready. It is a heuristic: minimising the
 * total duration on parallel teams with precedences is NP-hard, and list scheduling is within a
 * factor (2 - 1/slots) of the optimum (Graham 1966); with one slot or unlimited slots it is optimal
 * for the total duration. Complexity: O((V + E) log V) for V tasks and E precedences (sorting the
 * adjacency lists, the search and two heaps), O(V + E) memory.
 */

/** A task to schedule: its duration in minutes and its rank (compared element by element, lower first). */
export interface ScheduleTask {
  readonly id: string;
  readonly duration: number;
  readonly rank?: readonly number[];
  /**
   * Work done by someone else (a supplier, a provider): it starts as soon as its predecessors are
   * done and holds no team slot.
   */
  readonly external?: boolean;
  /** The team slots (from 0) allowed to run it; absent or empty: any slot. */
  readonly slots?: readonly number[];
}

/** `after` cannot start before `before` has finished. */
export interface Precedence {
  readonly before: string;
  readonly after: string;
  /** Why (host, directory, network, or the caller's own word). */
  readonly reason?: string;
  /** Physical (an asset on its host): kept over the others when a cycle must be broken. */
  readonly hard?: boolean;
}

/** Why a task started when it did. */
export interface Wait {
  readonly task: string;
  readonly reason: 'precedence' | 'team';
}

export interface ScheduledTask {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The team slot, from 0; -1 for external work (no slot). */
  readonly slot: number;
  /** Longest chain from this task's start to the end of what waits on it, durations only. */
  readonly remaining: number;
  readonly waitedFor?: Wait;
}

export interface ListSchedule {
  /** By start, then slot. */
  readonly tasks: readonly ScheduledTask[];
  readonly makespan: number;
  /** Task ids from the first to the last task to finish, each the one the next waited for. */
  readonly criticalPath: readonly string[];
  /** Precedences dropped to break cycles. */
  readonly brokenPrecedences: readonly Precedence[];
  /** Precedences naming a task that is not in the list (ignored). */
  readonly unknownPrecedences: readonly Precedence[];
}

/** A binary min-heap on a comparison of indexes. */
export class Heap {
  readonly #items: number[] = [];
  constructor(readonly less: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.#items.length;
  }
  peek(): number | undefined {
    return this.#items[0];
  }
  push(value: number): void {
    const items = this.#items;
    items.push(value);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i] as number, items[parent] as number)) break;
      [items[i], items[parent]] = [items[parent] as number, items[i] as number];
      i = parent;
    }
  }
  pop(): number | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.less(items[left] as number, items[best] as number))
          best = left;
        if (right < items.length && this.less(items[right] as number, items[best] as number))
          best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best] as number, items[i] as number];
        i = best;
      }
    }
    return top;
  }
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? Number.POSITIVE_INFINITY;
    const y = b[i] ?? Number.POSITIVE_INFINITY;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

interface Graph {
  readonly ids: readonly string[];
  readonly successors: number[][];
  readonly predecessors: number[][];
  readonly broken: Precedence[];
  readonly unknown: Precedence[];
  /** Topological order of the kept edges. */
  readonly order: number[];
}

/**
 * Depth-first search from each root in turn, successors in list order: the post-order, and the
 * edges that close a cycle (to a node still on the stack).
 */
function depthFirst(
  successors: readonly (readonly number[])[],
  roots: readonly number[],
): { postorder: number[]; backEdges: [number, number][] } {
  const colour = new Uint8Array(successors.length); // 0 unvisited, 1 on the stack, 2 done
  const postorder: number[] = [];
  const backEdges: [number, number][] = [];
  for (const root of roots) {
    if (colour[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    colour[root] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as [number, number];
      const [node, next] = frame;
      const list = successors[node] as readonly number[];
      if (next >= list.length) {
        colour[node] = 2;
        postorder.push(node);
        stack.pop();
        continue;
      }
      frame[1] = next + 1;
      const succ = list[next] as number;
      if (colour[succ] === 1) backEdges.push([node, succ]);
      else if (colour[succ] === 0) {
        colour[succ] = 1;
        stack.push([succ, 0]);
      }
    }
  }
  return { postorder, backEdges };
}

/**
 * Indexes the tasks, drops precedences closing a cycle, and orders the rest topologically. Hard
 * precedences are kept over soft ones where the search allows: it starts from the tasks in the
 * order of the hard precedences alone and follows hard precedences first.
 */
function acyclicGraph(tasks: readonly ScheduleTask[], precedences: readonly Precedence[]): Graph {
  const ids = tasks.map((task) => task.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const successors: number[][] = ids.map(() => []);
  const hardSuccessors: number[][] = ids.map(() => []);
  const unknown: Precedence[] = [];
  const edges = new Map<string, Precedence>();
  const key = (before: number, after: number): string => `${String(before)} ${String(after)}`;
  for (const precedence of precedences) {
    const before = index.get(precedence.before);
    const after = index.get(precedence.after);
    if (before === undefined || after === undefined) {
      unknown.push(precedence);
      continue;
    }
    const known = edges.get(key(before, after));
    if (known !== undefined && (known.hard === true || precedence.hard !== true)) continue;
    if (known === undefined) successors[before]?.push(after);
    edges.set(key(before, after), precedence);
    if (precedence.hard === true) hardSuccessors[before]?.push(after);
  }
  const isHard = (a: number, b: number): boolean => edges.get(key(a, b))?.hard === true;
  const compareIndex = (a: number, b: number): number => byId(ids[a] as string, ids[b] as string);
  for (const list of hardSuccessors) list.sort(compareIndex);
  const byIdOrder = ids.map((_, i) => i).sort(compareIndex);
  // Roots in reverse id order so that the reversed post-order keeps unrelated tasks in id order.
  const hardOrder = depthFirst(hardSuccessors, [...byIdOrder].reverse()).postorder.reverse();
  for (const [node, list] of successors.entries()) {
    list.sort((a, b) => Number(isHard(node, b)) - Number(isHard(node, a)) || compareIndex(a, b));
  }
  const { postorder, backEdges } = depthFirst(successors, hardOrder);
  const dropped = new Set(backEdges.map(([before, after]) => key(before, after)));
  const broken = backEdges.map(([before, after]) => {
    const edge = edges.get(key(before, after));
    return { ...edge, before: ids[before] as string, after: ids[after] as string };
  });
  const predecessors: number[][] = ids.map(() => []);
  for (let node = 0; node < ids.length; node += 1) {
    const kept = (successors[node] as number[]).filter((succ) => !dropped.has(key(node, succ)));
    successors[node] = kept;
    for (const succ of kept) predecessors[succ]?.push(node);
  }
  return { ids, successors, predecessors, broken, unknown, order: postorder.reverse() };
}

/** Schedules tasks on `slots` parallel team slots (see the algorithm above). */
export function listSchedule(
  tasks: readonly ScheduleTask[],
  precedences: readonly Precedence[],
  slots: number,
): ListSchedule {
  const graph = acyclicGraph(tasks, precedences);
  const { ids, successors, predecessors, order } = graph;
  const count = ids.length;
  const duration = tasks.map((task) => Math.max(0, task.duration));
  const remaining = new Array<number>(count).fill(0);
  const rank = tasks.map((task) => task.rank ?? []);
  for (let k = count - 1; k >= 0; k -= 1) {
    const node = order[k] as number;
    let longest = 0;
    for (const succ of successors[node] as number[]) {
      longest = Math.max(longest, remaining[succ] as number);
      if (compareRank(rank[succ] as number[], rank[node] as number[]) < 0)
        rank[node] = rank[succ] as number[];
    }
    remaining[node] = (duration[node] as number) + longest;
  }

  const better = (a: number, b: number): boolean => {
    const byRank = compareRank(rank[a] as number[], rank[b] as number[]);
    if (byRank !== 0) return byRank < 0;
    if (remaining[a] !== remaining[b]) return (remaining[a] as number) > (remaining[b] as number);
    return (ids[a] as string) < (ids[b] as string);
  };
  const start = new Array<number>(count).fill(0);
  const end = new Array<number>(count).fill(0);
  const slotOf = new Array<number>(count).fill(0);
  const waits: (Wait | undefined)[] = new Array<Wait | undefined>(count).fill(undefined);
  const slotCount = Math.max(1, slots);
  const lastOnSlot = new Array<number>(slotCount).fill(-1);
  const pending = predecessors.map((list) => list.length);
  const external = tasks.map((task) => task.external === true);
  // Tasks bound to slots, grouped by their set of allowed slots (valid ones only).
  const groupOf = new Array<number>(count).fill(-1);
  const groups: { slots: number[]; ready: Heap }[] = [];
  const groupKeys = new Map<string, number>();
  tasks.forEach((task, node) => {
    if (external[node] === true) return;
    const allowed = [...new Set(task.slots ?? [])]
      .filter((slot) => Number.isInteger(slot) && slot >= 0 && slot < slotCount)
      .sort((a, b) => a - b);
    if (allowed.length === 0) return;
    const key = allowed.join(',');
    let group = groupKeys.get(key);
    if (group === undefined) {
      group = groups.length;
      groupKeys.set(key, group);
      groups.push({ slots: allowed, ready: new Heap(better) });
    }
    groupOf[node] = group;
  });
  const ready = new Heap(better);
  const isFree = new Array<boolean>(slotCount).fill(true);
  let freeCount = slotCount;
  const free = new Heap((a, b) => a < b); // used when no task is bound to slots
  const running = new Heap((a, b) =>
    end[a] !== end[b]
      ? (end[a] as number) < (end[b] as number)
      : (slotOf[a] as number) < (slotOf[b] as number),
  );
  if (groups.length === 0) for (let slot = 0; slot < slotCount; slot += 1) free.push(slot);
  const externalReady: number[] = [];
  const release = (node: number): void => {
    if (external[node] === true) externalReady.push(node);
    else if ((groupOf[node] as number) >= 0) groups[groupOf[node] as number]?.ready.push(node);
    else ready.push(node);
  };
  for (let node = 0; node < count; node += 1) if (pending[node] === 0) release(node);

  let now = 0;
  const begin = (node: number, slot: number): void => {
    start[node] = now;
    end[node] = now + (duration[node] as number);
    slotOf[node] = slot;
    waits[node] = waitOf(node, slot);
    running.push(node);
  };
  /** The best ready task some free slot may run, and that slot; undefined when none. */
  const nextAssignment = (): [number, number] | undefined => {
    let best = -1;
    let bestGroup = -1;
    for (const [g, group] of groups.entries()) {
      const top = group.ready.peek();
      if (top === undefined || !group.slots.some((slot) => isFree[slot] === true)) continue;
      if (best < 0 || better(top, best)) {
        best = top;
        bestGroup = g;
      }
    }
    const general = freeCount > 0 ? ready.peek() : undefined;
    if (general !== undefined && (best < 0 || better(general, best))) {
      ready.pop();
      // a free slot no waiting bound task may take, else the lowest free slot
      const wanted = new Set(
        groups.filter((group) => group.ready.size > 0).flatMap((group) => group.slots),
      );
      let chosen = -1;
      for (let slot = 0; slot < slotCount; slot += 1) {
        if (isFree[slot] !== true) continue;
        if (chosen < 0) chosen = slot;
        if (!wanted.has(slot)) {
          chosen = slot;
          break;
        }
      }
      return [general, chosen];
    }
    if (best < 0) return undefined;
    const group = groups[bestGroup] as { slots: number[]; ready: Heap };
    group.ready.pop();
    return [best, group.slots.find((slot) => isFree[slot] === true) as number];
  };
  for (let done = 0; done < count;) {
    for (const node of externalReady.splice(0)) begin(node, -1);
    if (groups.length === 0) {
      while (ready.size > 0 && free.size > 0) begin(ready.pop() as number, free.pop() as number);
    } else {
      for (let next = nextAssignment(); next !== undefined; next = nextAssignment()) {
        isFree[next[1]] = false;
        freeCount -= 1;
        begin(next[0], next[1]);
      }
    }
    const next = running.peek();
    if (next === undefined) break; // cannot happen on an acyclic graph; never loop
    now = end[next] as number;
    while (running.size > 0 && end[running.peek() as number] === now) {
      const node = running.pop() as number;
      done += 1;
      const slot = slotOf[node] as number;
      if (slot >= 0) {
        if (groups.length === 0) free.push(slot);
        else {
          isFree[slot] = true;
          freeCount += 1;
        }
        lastOnSlot[slot] = node;
      }
      for (const succ of successors[node] as number[]) {
        pending[succ] = (pending[succ] as number) - 1;
        if (pending[succ] === 0) release(succ);
      }
    }
  }

  function waitOf(node: number, slot: number): Wait | undefined {
    if (now === 0) return undefined;
    let last = -1;
    for (const pred of predecessors[node] as number[]) {
      if (
        last < 0 ||
        (end[pred] as number) > (end[last] as number) ||
        (end[pred] === end[last] && (ids[pred] as string) < (ids[last] as string))
      )
        last = pred;
    }
    if (last >= 0 && end[last] === now) return { task: ids[last] as string, reason: 'precedence' };
    if (slot < 0) return undefined;
    const previous = lastOnSlot[slot] as number;
    return previous >= 0 ? { task: ids[previous] as string, reason: 'team' } : undefined;
  }

  const scheduled: ScheduledTask[] = ids.map((id, node) => {
    const wait = waits[node];
    return {
      id,
      start: start[node] as number,
      end: end[node] as number,
      slot: slotOf[node] as number,
      remaining: remaining[node] as number,
      ...(wait === undefined ? {} : { waitedFor: wait }),
    };
  });
  scheduled.sort((a, b) => a.start - b.start || a.slot - b.slot);
  const makespan = scheduled.reduce((max, task) => Math.max(max, task.end), 0);
  return {
    tasks: scheduled,
    makespan,
    criticalPath: chainTo(
      new Map(scheduled.map((task) => [task.id, task])),
      lastToFinish(scheduled),
    ),
    brokenPrecedences: graph.broken,
    unknownPrecedences: graph.unknown,
  };
}

/** The task that finishes last (ties: smallest id). */
export function lastToFinish(tasks: readonly ScheduledTask[]): string | undefined {
  let last: ScheduledTask | undefined;
  for (const task of tasks) {
    if (last === undefined || task.end > last.end || (task.end === last.end && task.id < last.id))
      last = task;
  }
  return last?.id;
}

/** The chain of waits that leads to a task, first task first. */
export function chainTo(
  byTask: ReadonlyMap<string, ScheduledTask>,
  id: string | undefined,
): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let current = id; current !== undefined && !seen.has(current);) {
    seen.add(current);
    chain.push(current);
    current = byTask.get(current)?.waitedFor?.task;
  }
  return chain.reverse();
}
