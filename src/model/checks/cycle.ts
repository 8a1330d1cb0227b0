/**
 * Finds the nodes that sit on a cycle of a "points to" relation, each reported once per cycle
 * at the node whose id sorts first, with the cycle as text (`a → b → a`). Iterative, so long
 * chains (tens of thousands of links) cannot overflow the stack.
 */
export function findCycles(
  ids: readonly string[],
  next: (id: string) => readonly string[],
): { readonly start: string; readonly target: string; readonly cycle: string }[] {
  const state = new Map<string, 'active' | 'done'>();
  const found = new Map<string, { start: string; target: string; cycle: string }>();
  const record = (members: readonly string[]): void => {
    const sorted = [...members].sort();
    const key = sorted.join(' ');
    if (found.has(key)) return;
    // report at the member whose id sorts first, pointing at its successor in the cycle
    const first = sorted[0] as string;
    const position = members.indexOf(first);
    const rotated = [...members.slice(position), ...members.slice(0, position)];
    found.set(key, {
      start: first,
      target: rotated[1] ?? first,
      cycle: [...rotated, first].join(' → '),
    });
  };
  for (const root of [...ids].sort()) {
    if (state.has(root)) continue;
    const path: string[] = [];
    const stack: { id: string; targets: readonly string[]; index: number }[] = [];
    const enter = (id: string): void => {
      state.set(id, 'active');
      path.push(id);
      stack.push({ id, targets: next(id), index: 0 });
    };
    enter(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      if (frame.index >= frame.targets.length) {
        stack.pop();
        path.pop();
        state.set(frame.id, 'done');
        continue;
      }
      const target = frame.targets[frame.index] as string;
      frame.index += 1;
      const targetState = state.get(target);
      if (targetState === 'active') record(path.slice(path.indexOf(target)));
      else if (targetState === undefined) enter(target);
    }
  }
  return [...found.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}
