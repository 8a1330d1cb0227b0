/**
 * "Show on diagram": what an entity concerns, from its relations (the entity detail the explorer
 * already gets): data → the assets storing it and the flows carrying it; a process → its
 * supporting assets; an identity → where it logs in from, what it has rights on, its remote
 * access; a flow → itself and its ends; an asset, zone or site → itself. Entities that are
 * nowhere on a diagram (a measure, a decision, an identity without placement) get a reason.
 */
import type { EntityDetailResponse, EntityKind } from '../../../../src/platform/api/types';

export interface Highlight {
  /** Boxes to mark, as `kind/id` with the explorer's kinds (`assets/srv-erp`). */
  readonly boxes: ReadonlySet<string>;
  /** Flows to mark (edges whose `data-flows` names one). */
  readonly flows: ReadonlySet<string>;
  /** Why nothing can be shown, when nothing is concerned. */
  readonly reason: 'no-placement' | null;
}

const DRAWN: ReadonlySet<EntityKind> = new Set(['assets', 'zones', 'sites']);

/** Relation roles whose items an entity of each kind concerns on a diagram. */
const ROLES: Readonly<Partial<Record<EntityKind, readonly string[]>>> = {
  assets: [],
  zones: [],
  sites: [],
  data: ['storedOn', 'flows'],
  processes: ['assets'],
  identities: ['loginFrom', 'rights', 'remoteAccess'],
  flows: ['source', 'destination', 'via'],
  backups: ['target', 'zone', 'site'],
};

export const boxKey = (kind: string, id: string): string => `${kind}/${id}`;

export function highlightOf(
  detail: Pick<EntityDetailResponse, 'kind' | 'id' | 'relations'>,
): Highlight {
  const boxes = new Set<string>();
  const flows = new Set<string>();
  if (DRAWN.has(detail.kind)) boxes.add(boxKey(detail.kind, detail.id));
  if (detail.kind === 'flows') flows.add(detail.id);
  const roles = new Set(ROLES[detail.kind] ?? []);
  for (const relation of detail.relations) {
    if (!roles.has(relation.role)) continue;
    for (const item of relation.items) {
      if (item.kind === 'flows') flows.add(item.id);
      else if (DRAWN.has(item.kind)) boxes.add(boxKey(item.kind, item.id));
    }
  }
  const empty = boxes.size === 0 && flows.size === 0;
  return { boxes, flows, reason: empty ? 'no-placement' : null };
}

/** The view that shows most of a highlight: the zone or site of the entity, else the overview. */
export function viewFor(
  detail: Pick<EntityDetailResponse, 'kind' | 'id' | 'relations'>,
): string | null {
  if (detail.kind === 'zones') return `zone:${detail.id}`;
  if (detail.kind === 'sites') return `site:${detail.id}`;
  for (const role of ['zone', 'site'] as const) {
    const ref = detail.relations.find((r) => r.role === role)?.items[0];
    if (ref !== undefined) return `${role}:${ref.id}`;
  }
  return null;
}
