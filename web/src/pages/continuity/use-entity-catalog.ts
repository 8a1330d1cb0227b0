/**
 * Names, kinds and zones of the model's entities of a version (the explorer's lists, shared with
 * its cache), so that results naming ids show names: `nameOf(id)` falls back to the id.
 */
import { useMemo } from 'react';
import type { EntityListResponse, EntityRef } from '../../../../src/platform/api/types';
import { useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import type { TargetEntity } from './simulator-logic';

export type CatalogKind = 'sites' | 'assets' | 'processes' | 'backups' | 'data' | 'zones';

export interface CatalogEntry extends TargetEntity {
  readonly listKind: CatalogKind;
  readonly zoneName?: string;
}

export interface Catalog {
  readonly ready: boolean;
  readonly error: unknown;
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  readonly list: (kind: CatalogKind) => readonly CatalogEntry[];
  readonly nameOf: (id: string) => string;
}

function isRef(value: unknown): value is EntityRef {
  return typeof value === 'object' && value !== null && 'id' in value && 'name' in value;
}

/** Entries from an explorer list (assets keep their kind and zone). */
export function entriesOf(kind: CatalogKind, list: EntityListResponse | null): CatalogEntry[] {
  if (list === null) return [];
  return list.rows.map((row) => {
    const zone = row.cells.zone;
    const assetKind = row.cells.kind;
    return {
      id: row.id,
      name: row.name === '' ? row.id : row.name,
      listKind: kind,
      ...(kind === 'assets' && typeof assetKind === 'string' ? { kind: assetKind } : {}),
      ...(isRef(zone) ? { zone: zone.id, zoneName: zone.name } : {}),
    };
  });
}

export function useEntityCatalog(version: number | null, kinds: readonly CatalogKind[]): Catalog {
  const { workspace } = useWorkspace();
  const { lang } = useI18n();
  const path = (kind: CatalogKind): string | null =>
    version === null || !kinds.includes(kind)
      ? null
      : wsPath(workspace.id, `/versions/${String(version)}/entities/${kind}${query({ lang })}`);
  const sites = useApi<EntityListResponse>(path('sites'));
  const zones = useApi<EntityListResponse>(path('zones'));
  const assets = useApi<EntityListResponse>(path('assets'));
  const processes = useApi<EntityListResponse>(path('processes'));
  const backups = useApi<EntityListResponse>(path('backups'));
  const data = useApi<EntityListResponse>(path('data'));
  return useMemo(() => {
    const all: Record<CatalogKind, CatalogEntry[]> = {
      sites: entriesOf('sites', sites.data),
      zones: entriesOf('zones', zones.data),
      assets: entriesOf('assets', assets.data),
      processes: entriesOf('processes', processes.data),
      backups: entriesOf('backups', backups.data),
      data: entriesOf('data', data.data),
    };
    const entries = new Map<string, CatalogEntry>();
    for (const list of Object.values(all)) for (const e of list) entries.set(e.id, e);
    const states = { sites, zones, assets, processes, backups, data };
    const wanted = kinds.map((k) => states[k]);
    return {
      ready: wanted.every((s) => s.data !== null),
      error: wanted.find((s) => s.error !== null)?.error ?? null,
      entries,
      list: (kind) => all[kind],
      nameOf: (id) => entries.get(id)?.name ?? id,
    };
    // the list states change identity on every render; their data is what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sites.data, zones.data, assets.data, processes.data, backups.data, data.data, kinds.join()]);
}
