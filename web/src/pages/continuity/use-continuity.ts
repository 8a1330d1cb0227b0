/**
 * Data of the continuity pages: the disaster recovery plan of the version being viewed
 * (GET …/versions/:number/continuity: BIA, backups, recovery schedule, saved scenarios) and the
 * names of the entities it refers to by id (the explorer's entity lists, shared cache entries).
 */
import { useCallback, useMemo } from 'react';
import type { EntityKind, EntityListResponse } from '../../../../src/platform/api/types';
import { query, wsPath } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import type { ApiState } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import type { ContinuityResponse } from './api-types';

export interface ContinuityParams {
  /** Parallel recovery teams for the schedule (default: the model's declared teams). */
  readonly teams?: number;
  /** Date restore tests are aged against (YYYY-MM-DD; default: the server's today). */
  readonly today?: string;
}

/** The API path of a version's continuity analysis. */
export function continuityPath(
  workspaceId: string,
  version: number,
  params: ContinuityParams = {},
): string {
  return wsPath(
    workspaceId,
    `/versions/${String(version)}/continuity${query({ teams: params.teams, today: params.today })}`,
  );
}

/**
 * The continuity analysis of the version being viewed; `version` is null when the workspace has
 * none yet (then nothing is requested).
 */
export function useContinuity(
  params: ContinuityParams = {},
): ApiState<ContinuityResponse> & { readonly version: number | null } {
  const { workspace, version } = useWorkspace();
  const path = version === null ? null : continuityPath(workspace.id, version, params);
  return { ...useApi<ContinuityResponse>(path), version };
}

/** A way to name entities referred to by id: `name(kind, id)`, the id until the names load. */
export type NameOf = (kind: EntityKind, id: string) => string;

function useNamesOf(kind: EntityKind, wanted: boolean): ReadonlyMap<string, string> | null {
  const { workspace, version } = useWorkspace();
  const path =
    !wanted || version === null
      ? null
      : wsPath(workspace.id, `/versions/${String(version)}/entities/${kind}`);
  const { data } = useApi<EntityListResponse>(path);
  return useMemo(
    () => (data === null ? null : new Map(data.rows.map((row) => [row.id, row.name]))),
    [data],
  );
}

/**
 * Entity names for the kinds a page shows (processes, assets, data sets, backups…). Each kind is
 * one request, made only when listed in `kinds`. An id not found under the kind asked for is
 * looked up under the other loaded kinds (engines sometimes name a zone or an asset alike).
 */
export function useEntityNames(kinds: readonly EntityKind[]): NameOf {
  const processes = useNamesOf('processes', kinds.includes('processes'));
  const assets = useNamesOf('assets', kinds.includes('assets'));
  const data = useNamesOf('data', kinds.includes('data'));
  const backups = useNamesOf('backups', kinds.includes('backups'));
  const identities = useNamesOf('identities', kinds.includes('identities'));
  const flows = useNamesOf('flows', kinds.includes('flows'));
  const zones = useNamesOf('zones', kinds.includes('zones'));
  const sites = useNamesOf('sites', kinds.includes('sites'));
  return useCallback<NameOf>(
    (kind, id) => {
      const byKind: Partial<Record<EntityKind, ReadonlyMap<string, string> | null>> = {
        processes,
        assets,
        data,
        backups,
        identities,
        flows,
        zones,
        sites,
      };
      const own = byKind[kind]?.get(id);
      if (own !== undefined) return own;
      for (const names of Object.values(byKind)) {
        const name = names?.get(id);
        if (name !== undefined) return name;
      }
      return id;
    },
    [processes, assets, data, backups, identities, flows, zones, sites],
  );
}
