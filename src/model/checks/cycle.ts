/**
 * Finds the nodes that sit on a cycle of a "points to" relation, each reported once per cycle
 * at the node whose id sorts first, with the cycle as text (`a → b → a`).
 */
export function findCycles(
  ids: readonly string[],
  next: (id: string) => readonly string[],
): { readonly start: string; readonly target: string; readonly cycle: string }[] {
  const state = new Map<string, 'active' | 'done'>();
  const found = new Map<string, { start: string; target: string; cycle: string }>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'active');
    stack.push(id);
    for (const target of next(id)) {
      const targetState = state.get(target);
      if (targetState === 'active') {
        const members = stack.slice(stack.indexOf(target));
        const key = [...members].sort().join(' ');
        if (!found.has(key)) {
          // report at the member whose id sorts first, pointing at its successor in the cycle
          const first = [...members].sort()[0] as string;
          const position = members.indexOf(first);
          const rotated = [...members.slice(position), ...members.slice(0, position)];
          found.set(key, {
            start: first,
            target: rotated[1] ?? first,
            cycle: [...rotated, first].join(' → '),
          });
        }
      } else if (targetState === undefined) {
        visit(target);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...ids].sort()) if (!state.has(id)) visit(id);
  return [...found.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}
