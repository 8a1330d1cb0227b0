/**
 * Pure helpers for the explorer's URLs and list state: entity paths, query strings added to a
 * workspace `href()` (which may already carry `?v=`), and the list's filters/sort in the URL.
 */
import { ENTITY_KINDS } from '../../../../src/platform/api/types';
import type { EntityDetailResponse, EntityKind } from '../../../../src/platform/api/types';

export type ListedKind = (typeof ENTITY_KINDS)[number];

export function isListedKind(kind: string): kind is ListedKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

/** `/explore/<kind>/<id>` (id encoded), or null for kinds the explorer does not list. */
export function entityPath(kind: EntityKind, id: string): string | null {
  if (!isListedKind(kind)) return null;
  return `/explore/${kind}/${encodeURIComponent(id)}`;
}

/** Adds query parameters (empty ones skipped) to a URL that may already have a query. */
export function withQuery(
  url: string,
  params: Readonly<Record<string, string | null | undefined>>,
): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const question = base.indexOf('?');
  const path = question < 0 ? base : base.slice(0, question);
  const search = new URLSearchParams(question < 0 ? '' : base.slice(question + 1));
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') search.delete(key);
    else search.set(key, value);
  }
  const text = search.toString();
  return `${path}${text === '' ? '' : `?${text}`}`;
}

export interface ListState {
  readonly q: string;
  readonly zone: string;
  readonly site: string;
  readonly sort: { readonly key: string; readonly dir: 'asc' | 'desc' } | null;
}

/** The list's state from the URL query (`q`, `zone`, `site`, `sort`, `dir`). */
export function readListState(search: URLSearchParams): ListState {
  const key = search.get('sort') ?? '';
  return {
    q: search.get('q') ?? '',
    zone: search.get('zone') ?? '',
    site: search.get('site') ?? '',
    sort: key === '' ? null : { key, dir: search.get('dir') === 'desc' ? 'desc' : 'asc' },
  };
}

/** The query parameters that encode `state` (empty ones removed by `withQuery`). */
export function listStateParams(state: ListState): Record<string, string | null> {
  return {
    q: state.q.trim(),
    zone: state.zone,
    site: state.site,
    sort: state.sort?.key ?? null,
    dir: state.sort === null ? null : state.sort.dir,
  };
}

/** The diagram view that shows an entity: its own zone/site, else the zone/site it belongs to. */
export function diagramViewOf(
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
