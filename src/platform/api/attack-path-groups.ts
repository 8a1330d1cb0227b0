/**
 * Attack paths grouped by target, the most likely target first, and paged by groups: shared by
 * the API (`?offset=&limit=`) and the web page, so both order them the same way.
 */
import type { AttackPathGroupView, AttackPathView, AttackPathsResponse } from './types.js';

/** Groups a page holds when the client does not say (and the most it may ask for). */
export const DEFAULT_GROUPS_PER_PAGE = 25;
export const MAX_GROUPS_PER_PAGE = 200;

export interface AttackPathGroup extends AttackPathGroupView {
  /** The group's paths, most likely first (then by rank). */
  readonly paths: readonly AttackPathView[];
}

/**
 * The paths by target: groups ordered by their best likelihood (highest first), then by the
 * number of paths, then by target name and id, so the order is stable.
 */
export function groupAttackPaths(paths: readonly AttackPathView[]): AttackPathGroup[] {
  const byTarget = new Map<string, AttackPathView[]>();
  for (const path of paths) {
    const key = `${path.target.kind}\u0000${path.target.id}`;
    const list = byTarget.get(key);
    if (list === undefined) byTarget.set(key, [path]);
    else list.push(path);
  }
  const groups = [...byTarget.values()].map((list): AttackPathGroup => {
    const sorted = [...list].sort((a, b) => b.score - a.score || a.rank - b.rank);
    const first = sorted[0] as AttackPathView;
    return { target: first.target, count: sorted.length, best: first.score, paths: sorted };
  });
  return groups.sort(
    (a, b) =>
      b.best - a.best ||
      b.count - a.count ||
      a.target.name.localeCompare(b.target.name) ||
      (a.target.id < b.target.id ? -1 : a.target.id > b.target.id ? 1 : 0),
  );
}

/** The response restricted to groups `offset` … `offset + limit - 1`, with the page's figures. */
export function pageAttackPaths(
  response: AttackPathsResponse,
  offset: number,
  limit: number,
): AttackPathsResponse {
  const groups = groupAttackPaths(response.paths);
  const shown = groups.slice(offset, offset + limit);
  return {
    version: response.version,
    paths: shown.flatMap((group) => group.paths),
    chokePoints: response.chokePoints,
    targets: response.targets,
    page: {
      offset,
      limit,
      totalGroups: groups.length,
      totalPaths: response.paths.length,
      groups: shown.map(({ target, count, best }) => ({ target, count, best })),
    },
  };
}
