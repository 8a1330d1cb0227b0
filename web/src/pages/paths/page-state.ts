/**
 * The attack paths page's state kept in the URL (`?tab=&target=&page=&path=`) and the figures
 * of its pages: pure, so they are tested without a browser.
 */
/** Targets a page lists: with one line of figures and the best path each, the page stays short. */
export const GROUPS_PER_PAGE = 15;

export type PathsTab = 'paths' | 'choke';

export interface PathsState {
  readonly tab: PathsTab;
  readonly target: string;
  /** 1-based page of target groups. */
  readonly page: number;
  readonly path: string;
}

/** Reads the page state from the query; junk falls back to the first page of the paths tab. */
export function readPathsState(search: URLSearchParams): PathsState {
  const page = Number(search.get('page') ?? '1');
  return {
    tab: search.get('tab') === 'choke' ? 'choke' : 'paths',
    target: search.get('target') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    path: search.get('path') ?? '',
  };
}

/** The `offset` and `limit` of the API for a 1-based page. */
export function pageWindow(
  page: number,
  size = GROUPS_PER_PAGE,
): { readonly offset: number; readonly limit: number } {
  return { offset: (Math.max(1, Math.floor(page)) - 1) * size, limit: size };
}

/** How many pages `total` groups make (at least one, so an empty list still has page 1). */
export function pageCount(total: number, size = GROUPS_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The target id of a path id (`<targetId>.<rank>`), or null when it is not one. */
export function targetOfPathId(id: string): string | null {
  const match = /^(.+)\.[1-9][0-9]*$/.exec(id);
  return match === null ? null : (match[1] ?? null);
}
