import { lookupLifecycle, type LifecycleMatch } from '../../domain/lifecycle/index.js';
import { text, type LocalizedText } from '../text.js';

/** An operating system or a software as the model declares it. */
export interface Versioned {
  readonly name: string;
  readonly version?: string | undefined;
  readonly supportEnd?: string | undefined;
}

/** When support ends, and whether the model said so or the lifecycle table did. */
export interface SupportEnd {
  /** Last day of security updates (ISO). */
  readonly date: string;
  /** The lifecycle-table entry the date comes from; undefined when the model declares it. */
  readonly fromTable?: LifecycleMatch;
}

/**
 * The end of support of an OS or software: the declared `supportEnd` wins; otherwise the end of
 * life of the release the lifecycle table recognises in its name and version (the lookup is
 * memoised per distinct name and version, so 10,000 assets cost a few distinct look-ups).
 */
export function supportEndOf(item: Versioned): SupportEnd | undefined {
  if (item.supportEnd !== undefined) return { date: item.supportEnd };
  const match = lookupLifecycle(item.name, item.version);
  return match?.eol === undefined ? undefined : { date: match.eol, fromTable: match };
}

/** `Windows Server 2012 R2` from the declared name and version. */
export const designation = (item: Versioned): string =>
  `${item.name}${item.version === undefined ? '' : ` ${item.version}`}`;

/** Who published a table date: endoflife.date, or the vendor page of Vigie's supplement. */
function publisher(match: LifecycleMatch): string {
  return match.source.id === 'endoflife.date'
    ? 'endoflife.date'
    : match.source.url.replace(/^https?:\/\/([^/]+).*$/, '$1');
}

/**
 * The words after a date telling where it comes from: nothing for a declared date,
 * `lifecycle table: Microsoft Windows 7 SP1, endoflife.date` for a table date.
 */
export function provenance(end: SupportEnd): LocalizedText | undefined {
  const match = end.fromTable;
  if (match === undefined) return undefined;
  return text(
    `lifecycle table: ${match.label}, ${publisher(match)}`,
    `table de cycle de vie : ${match.label}, ${publisher(match)}`,
  );
}

/** `nginx 1.22 (2023-04-11)`, or `nginx 1.22 (2023-04-11, lifecycle table: nginx 1.22, endoflife.date)`. */
export function datedItem(item: Versioned, end: SupportEnd): LocalizedText {
  const source = provenance(end);
  const name = designation(item);
  return source === undefined
    ? text(`${name} (${end.date})`, `${name} (${end.date})`)
    : text(`${name} (${end.date}, ${source.en})`, `${name} (${end.date}, ${source.fr})`);
}

/** Linux distributions that keep fixing the packages they ship after the upstream end of life. */
const DISTRIBUTIONS = new Set([
  'almalinux',
  'alpine-linux',
  'centos',
  'debian',
  'oracle-linux',
  'rhel',
  'rocky-linux',
  'sles',
  'ubuntu',
]);

/**
 * The supported Linux distribution an asset runs (`Debian 12`), whose packages may carry fixes
 * past a software's upstream end of life; undefined otherwise.
 */
export function supportedDistribution(
  os: Versioned | undefined,
  today: string,
): string | undefined {
  if (os === undefined) return undefined;
  const match = lookupLifecycle(os.name, os.version);
  if (match === undefined || !DISTRIBUTIONS.has(match.product)) return undefined;
  const end = supportEndOf(os);
  return end === undefined || end.date >= today ? designation(os) : undefined;
}
