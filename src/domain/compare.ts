/**
 * The order of ids in every output (findings, analyses, model lists, reports): code-point order,
 * locale-free, so the same model gives the same bytes on every machine. `localeCompare` would
 * depend on the runtime's ICU data and language. Diagrams order their boxes naturally
 * (`site-2` before `site-10`, src/diagrams/zone-tree.ts): a display choice, not this one.
 */

/** Code-point order of two ids (or any strings): negative, zero or positive. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders entities by their id (`compareIds`). */
export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareIds(a.id, b.id);
}
