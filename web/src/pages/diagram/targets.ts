/**
 * What a diagram element stands for: the SVG's `data-kind` / `data-id` / `data-flows` mapped to
 * the explorer's entity kinds, and the deduplicated list of entities a diagram shows.
 */
import type { ListedKind } from '../explorer/links';

export interface DiagramTarget {
  readonly kind: ListedKind;
  readonly id: string;
}

/** The diagram engine's box kinds (`asset`, `outside-zone`…) → explorer kinds. */
const KIND_MAP: Readonly<Record<string, ListedKind>> = {
  asset: 'assets',
  'outside-asset': 'assets',
  target: 'assets',
  zone: 'zones',
  'outside-zone': 'zones',
  site: 'sites',
  'outside-site': 'sites',
  data: 'data',
  flow: 'flows',
  identity: 'identities',
  process: 'processes',
  backup: 'backups',
  measure: 'measures',
};

export function explorerKind(dataKind: string): ListedKind | null {
  return KIND_MAP[dataKind] ?? null;
}

export interface ElementAttributes {
  readonly kind: string | null;
  readonly id: string | null;
  readonly flows: string | null;
}

/** Flow ids of a `data-flows` attribute (space separated). */
export function flowIds(flows: string | null): string[] {
  return (flows ?? '').split(/\s+/).filter((id) => id !== '');
}

/** The entity an element opens: its own kind and id, else the first flow it draws. */
export function targetOf(element: ElementAttributes): DiagramTarget | null {
  const kind = element.kind === null ? null : explorerKind(element.kind);
  if (kind !== null && element.id !== null && element.id !== '') {
    return { kind, id: element.id };
  }
  const first = flowIds(element.flows)[0];
  return first === undefined ? null : { kind: 'flows', id: first };
}

export interface ListedTarget extends DiagramTarget {
  readonly label: string;
}

/**
 * Every entity the diagram shows, once (first label wins, flows from `data-flows` included),
 * grouped by kind in the explorer's order, then by label.
 */
export function collectTargets(
  elements: readonly (ElementAttributes & { readonly label: string | null })[],
  order: readonly ListedKind[],
): ListedTarget[] {
  const seen = new Map<string, ListedTarget>();
  const add = (target: DiagramTarget, label: string | null): void => {
    const key = `${target.kind}\u0000${target.id}`;
    if (seen.has(key)) return;
    const text = label?.trim() ?? '';
    seen.set(key, { ...target, label: text === '' ? target.id : text });
  };
  for (const element of elements) {
    const kind = element.kind === null ? null : explorerKind(element.kind);
    if (kind !== null && element.id !== null && element.id !== '') {
      add({ kind, id: element.id }, element.label);
    }
    for (const id of flowIds(element.flows)) add({ kind: 'flows', id }, null);
  }
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return [...seen.values()].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || collator.compare(a.label, b.label),
  );
}
