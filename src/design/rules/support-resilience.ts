import { byId } from '../../domain/compare.js';
import type { Asset, Backup, DataSet, Flow } from '../../domain/model/index.js';
import { formatDuration } from '../../domain/duration.js';
import type { ModelGraph } from '../../model/graph.js';
import { dataStoredOn, isCloudAsset, isInZoneKind, label } from '../../model/predicates.js';

export { minutesOf } from '../analyses/backup-coverage.js';

/** `date` moved by a whole number of months (ISO dates in, ISO date out; UTC, no clock). */
export function addMonths(date: string, months: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved.toISOString().slice(0, 10);
}

/** Where the copies of a backup are: a site, off every site (provider, cloud), or unknown. */
export type BackupLocation =
  | { readonly kind: 'site'; readonly site: string }
  | { readonly kind: 'offsite'; readonly where: string }
  | { readonly kind: 'unknown' };

export function backupLocation(graph: ModelGraph, backup: Backup): BackupLocation {
  const site =
    backup.site ??
    (backup.target === undefined ? undefined : graph.siteOfAsset(backup.target)) ??
    (backup.zone === undefined ? undefined : graph.siteOfZone(backup.zone));
  if (site !== undefined) return { kind: 'site', site };
  if (backup.provider !== undefined) return { kind: 'offsite', where: backup.provider };
  const place = backup.target ?? backup.zone;
  if (place !== undefined && isInZoneKind(graph, place, ['cloud']))
    return { kind: 'offsite', where: label(graph, place) };
  return { kind: 'unknown' };
}

/** Sites an asset or data set lives on (a data set: the sites of the assets storing it). */
export function sitesOf(graph: ModelGraph, id: string): string[] {
  const data = graph.data(id);
  const assets = data === undefined ? [id] : (data.storedOn ?? []);
  const sites = new Set<string>();
  for (const asset of assets) {
    const site = graph.siteOfAsset(asset);
    if (site !== undefined) sites.add(site);
  }
  return [...sites].sort();
}

/** Data an asset holds or receives: data sets stored on it, and flows to it carrying data. */
export function dataHeldBy(
  graph: ModelGraph,
  assetId: string,
): { readonly data: DataSet[]; readonly flows: Flow[] } {
  const flows = graph
    .flowsTo(assetId)
    .filter((flow) => (flow.data ?? []).length > 0)
    .concat(
      graph
        .flowsFrom(assetId)
        .filter((flow) => flow.bidirectional === true && (flow.data ?? []).length > 0),
    );
  const ids = new Set(dataStoredOn(graph, assetId).map((data) => data.id));
  for (const flow of flows) for (const data of flow.data ?? []) ids.add(data);
  const data = [...ids]
    .sort()
    .map((id) => graph.data(id))
    .filter((set): set is DataSet => set !== undefined);
  return { data, flows: [...flows].sort(byId) };
}

/** Formats a list of ids for a message. */
export const list = (ids: readonly string[]): string => ids.join(', ');

/** A Windows system, by its OS name. */
export const isWindows = (asset: Asset): boolean => /windows/i.test(asset.os?.name ?? '');

const UNIT_NAMES: Readonly<Record<string, readonly [string, string, string, string]>> = {
  min: ['minute', 'minutes', 'minute', 'minutes'],
  h: ['hour', 'hours', 'heure', 'heures'],
  d: ['day', 'days', 'jour', 'jours'],
  w: ['week', 'weeks', 'semaine', 'semaines'],
  mo: ['month', 'months', 'mois', 'mois'],
  y: ['year', 'years', 'an', 'ans'],
};

/** A duration in words, in both languages (`10080` minutes → 1 week / 1 semaine). */
export function durationText(minutes: number): { readonly en: string; readonly fr: string } {
  const compact = formatDuration(minutes);
  const match = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(compact);
  const names = match?.[2] === undefined ? undefined : UNIT_NAMES[match[2]];
  if (match?.[1] === undefined || names === undefined) return { en: compact, fr: compact };
  const count = Number(match[1]);
  const plural = count > 1;
  return {
    en: `${match[1]} ${plural ? names[1] : names[0]}`,
    fr: `${match[1].replace('.', ',')} ${plural ? names[3] : names[2]}`,
  };
}

/** Assets of each site whose propagated availability need is at least `level`, in id order. */
export function criticalAssetsBySite(
  graph: ModelGraph,
  availability: (assetId: string) => number,
  level: number,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const asset of graph.model.assets) {
    if (availability(asset.id) < level || isCloudAsset(graph, asset)) continue;
    const site = graph.siteOfAsset(asset.id);
    if (site === undefined) continue;
    result.set(site, [...(result.get(site) ?? []), asset.id]);
  }
  for (const ids of result.values()) ids.sort();
  return result;
}

/** The first few items of a list, with how many more there are. */
export function someOf(
  ids: readonly string[],
  max = 5,
): { readonly en: string; readonly fr: string } {
  if (ids.length <= max) return { en: list(ids), fr: list(ids) };
  const rest = ids.length - max;
  const shown = list(ids.slice(0, max));
  return {
    en: `${shown} and ${String(rest)} more`,
    fr: `${shown} et ${String(rest)} autre${rest > 1 ? 's' : ''}`,
  };
}
