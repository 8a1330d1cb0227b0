/**
 * The analysis API's responses built from a computed version analysis, with the query filters
 * applied. Pure: the service caches and serialises what these return.
 */
import { compareIds } from '../../domain/compare.js';
import { nameOf } from '../../domain/model/index.js';
import type {
  AttackPathsResponse,
  CellValue,
  EntityDetailResponse,
  EntityListResponse,
  EntityRef,
  EntityRow,
  FindingDetailResponse,
  FindingsResponse,
} from '../api/types.js';
import type { Finding } from '../../design/findings.js';
import { groupRootCauses } from '../../design/root-causes.js';
import type { VersionAnalysis } from './compute.js';
import { columnsOf, entityEntries, findEntity, relationsOf, type ListKind } from './entities.js';
import { attackPathView, chokePointView, findingDetail, findingView, refOf } from './views.js';

export interface FindingsFilter {
  /** Each filter accepts one value or several separated by commas. */
  readonly severity?: string | undefined;
  readonly status?: string | undefined;
  readonly family?: string | undefined;
  readonly subject?: string | undefined;
  /** Zone ids: findings in one of them or in a zone inside one. */
  readonly zone?: string | undefined;
  readonly site?: string | undefined;
  readonly q?: string | undefined;
}

const valuesOf = (filter: string | undefined): ReadonlySet<string> | undefined => {
  if (filter === undefined || filter.trim() === '') return undefined;
  return new Set(
    filter
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  );
};

function countBy<T>(findings: readonly T[], key: (f: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) {
    const value = key(finding);
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** The distinct places (zones or sites), by name then id. */
function placesOf(refs: readonly (EntityRef | null)[]): EntityRef[] {
  const byId = new Map<string, EntityRef>();
  for (const ref of refs) if (ref !== null) byId.set(ref.id, ref);
  return [...byId.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || compareIds(a.id, b.id),
  );
}

export function findingsResponse(
  analysis: VersionAnalysis,
  version: number,
  filter: FindingsFilter,
): FindingsResponse {
  const all = analysis.input?.findings ?? [];
  const severity = valuesOf(filter.severity);
  const status = valuesOf(filter.status);
  const family = valuesOf(filter.family);
  const subject = valuesOf(filter.subject);
  const zone = valuesOf(filter.zone);
  const site = valuesOf(filter.site);
  const q = filter.q?.trim().toLowerCase() ?? '';
  const { graph } = analysis.load;
  const allViews = all.map((f) => findingView(analysis, f));
  const views = allViews
    .filter(
      (view, i) =>
        (severity === undefined || severity.has(view.severity)) &&
        (status === undefined || status.has(view.status)) &&
        (family === undefined || family.has(view.family)) &&
        (subject === undefined || (all[i]?.subjects ?? []).some((s) => subject.has(s))) &&
        (zone === undefined ||
          (view.zone !== null &&
            [view.zone.id, ...graph.zoneAncestors(view.zone.id)].some((z) => zone.has(z)))) &&
        (site === undefined || (view.site !== null && site.has(view.site.id))),
    )
    .filter(
      (view) =>
        q === '' ||
        view.id.toLowerCase().includes(q) ||
        view.title.toLowerCase().includes(q) ||
        view.subjects.some(
          (s) => s.name.toLowerCase().includes(q) || s.id.toLowerCase().includes(q),
        ),
    );
  return {
    version,
    findings: views,
    facets: {
      severity: countBy(all, (f) => f.severity),
      status: countBy(all, (f) => f.status),
      family: countBy(all, (f) => f.family),
      zone: countBy(
        allViews.filter((v) => v.zone !== null),
        (v) => v.zone?.id ?? '',
      ),
      site: countBy(
        allViews.filter((v) => v.site !== null),
        (v) => v.site?.id ?? '',
      ),
    },
    places: {
      zones: placesOf(allViews.map((v) => v.zone)),
      sites: placesOf(allViews.map((v) => v.site)),
    },
    total: all.length,
    rootCauses: rootCauseCounts(all),
  };
}

function rootCauseCounts(findings: readonly Finding[]): { total: number; open: number } {
  const causes = groupRootCauses(findings);
  return { total: causes.length, open: causes.filter((c) => c.status === 'open').length };
}

export function findingDetailResponse(
  analysis: VersionAnalysis,
  findingId: string,
): FindingDetailResponse | undefined {
  const all = analysis.input?.findings ?? [];
  const finding = all.find((f) => f.id === findingId);
  if (finding === undefined) return undefined;
  const sameRootCause = all
    .filter((f) => f.rootCause === finding.rootCause && f.id !== finding.id)
    .map((f) => ({ id: f.id, title: f.title, severity: f.severity, status: f.status }));
  return { finding: findingDetail(analysis, finding), sameRootCause };
}

export function attackPathsResponse(
  analysis: VersionAnalysis,
  version: number,
  target: string | undefined,
): AttackPathsResponse {
  const attack = analysis.input?.attack;
  const { graph } = analysis.load;
  const paths = (attack?.paths ?? []).filter((p) => target === undefined || p.target === target);
  return {
    version,
    paths: paths.map((p) => attackPathView(analysis, p)),
    chokePoints: (attack?.chokePoints ?? [])
      .filter((c) => target === undefined || c.targets.includes(target))
      .map((c) => chokePointView(analysis, c)),
    targets: (attack?.targets ?? []).map((t) => refOf(graph, t.id)),
  };
}

export interface EntityQuery {
  readonly q?: string | undefined;
  readonly zone?: string | undefined;
  readonly site?: string | undefined;
  readonly sort?: string | undefined;
  readonly dir?: 'asc' | 'desc' | undefined;
}

const SEVERITY_ORDER: Readonly<Record<string, number | undefined>> = {
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

const isRef = (value: CellValue): value is EntityRef =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A comparable form of a cell: numbers and text; empty cells sort last whatever the direction. */
function sortKey(value: CellValue, isSeverity: boolean): number | string | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string')
    return isSeverity ? (SEVERITY_ORDER[value] ?? 0) : value.toLowerCase();
  if (isRef(value)) return value.name.toLowerCase();
  if (value.length === 0) return null;
  const [first] = value;
  return typeof first === 'string' ? first.toLowerCase() : (first?.name.toLowerCase() ?? null);
}

function compareKeys(a: number | string | null, b: number | string | null): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Sort keys a list accepts besides its columns. */
export const BASE_SORT_KEYS = ['id', 'name'] as const;

export function sortKeysOf(kind: ListKind): string[] {
  return [...BASE_SORT_KEYS, ...columnsOf(kind).map((c) => c.key)];
}

export function entityListResponse(
  analysis: VersionAnalysis,
  version: number,
  kind: ListKind,
  query: EntityQuery,
): EntityListResponse {
  const columns = columnsOf(kind);
  const entries = entityEntries(analysis, kind);
  const q = query.q?.trim().toLowerCase() ?? '';
  const rows: { row: EntityRow; key: number | string | null }[] = [];
  const sort = query.sort ?? 'id';
  const isSeverity = columns.some((c) => c.key === sort && c.type === 'severity');
  for (const { entity, cells, place } of entries) {
    const name = nameOf(entity);
    if (q !== '' && !entity.id.toLowerCase().includes(q) && !name.toLowerCase().includes(q))
      continue;
    if (query.zone !== undefined && !place.zones.includes(query.zone)) continue;
    if (query.site !== undefined && !place.sites.includes(query.site)) continue;
    const row: EntityRow = {
      id: entity.id,
      name,
      cells,
      worst: analysis.worstOf.get(entity.id) ?? null,
    };
    const key =
      sort === 'id'
        ? entity.id
        : sort === 'name'
          ? name.toLowerCase()
          : sortKey(cells[sort] ?? null, isSeverity);
    rows.push({ row, key });
  }
  const direction = query.dir === 'desc' ? -1 : 1;
  rows.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else {
      const order = compareKeys(a.key, b.key) * direction;
      if (order !== 0) return order;
    }
    return compareIds(a.row.id, b.row.id);
  });
  return { version, kind, columns, rows: rows.map((r) => r.row), total: entries.length };
}

export function entityDetailResponse(
  analysis: VersionAnalysis,
  version: number,
  kind: ListKind,
  id: string,
): EntityDetailResponse | undefined {
  const entity = findEntity(analysis, kind, id);
  if (entity === undefined) return undefined;
  const location = analysis.load.locate(id);
  const needs =
    (kind === 'assets' || kind === 'data') && analysis.input !== undefined
      ? analysis.input.needs.of(id)
      : undefined;
  const level = (value: number | undefined): number | null =>
    value === undefined || value === 0 ? null : value;
  return {
    version,
    kind,
    id,
    name: nameOf(entity),
    fields: entity as unknown as Readonly<Record<string, unknown>>,
    file: location?.file ?? '',
    line: location?.line ?? 0,
    relations: relationsOf(analysis, kind, entity),
    findings: (analysis.findingsOf.get(id) ?? []).map((f) => findingView(analysis, f)),
    needs:
      needs === undefined
        ? null
        : {
            D: level(needs.availability.level),
            I: level(needs.integrity.level),
            C: level(needs.confidentiality.level),
            P: level(needs.proof.level),
          },
  };
}
