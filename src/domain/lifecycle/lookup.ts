import { ENDOFLIFE_PRODUCTS } from './endoflife-data.js';
import { toWords, versionParts } from './normalise.js';
import { PRODUCT_NAMING, type ProductNaming } from './products.js';
import { SUPPLEMENT } from './supplement.js';
import type { LifecycleMatch, LifecycleSource } from './types.js';

/** A release cycle, parsed once for matching. */
interface Cycle {
  readonly match: LifecycleMatch;
  /** First part of the cycle id (`10`, `2012`, `posready`). */
  readonly mainKey: string;
  /** Numeric main version; undefined for cycles named by words (`posready-7`, `subscription`). */
  readonly main: readonly number[] | undefined;
  readonly sp: string | undefined;
  /** Windows feature update (`22h2`, `1809`). */
  readonly feature: string | undefined;
  readonly r2: boolean;
  /** Words the name must contain (edition `e`/`w`, `lts`, `iot`, `for mac`…). */
  readonly required: readonly string[];
  readonly codename: string | undefined;
}

interface Product {
  readonly id: string;
  readonly naming: ProductNaming;
  readonly cycles: readonly Cycle[];
  readonly hasR2: boolean;
  /** Main keys that have service-pack cycles: a named SP must then exist. */
  readonly spMains: ReadonlySet<string>;
}

/** What the user's version text says. */
interface Query {
  readonly words: ReadonlySet<string>;
  readonly main: readonly number[] | undefined;
  readonly sp: string | undefined;
  readonly feature: string | undefined;
  readonly r2: boolean;
}

const SP = /^sp\d+a?$/;
const FEATURE = /^(?:\d{2}h\d|\d{4})$/;
/** Cycle-id words that only tell channels apart (Windows Server SAC/AC): never required. */
const LENIENT = new Set(['sac', 'ac']);
/** Edition words that do not make a cycle more specific (every edition has them). */
const NEUTRAL = new Set(['e', 'w']);
const ENDOFLIFE_LICENCE = 'MIT (endoflife.date contributors)';

function parseCycle(id: string, codename: string | undefined, match: LifecycleMatch): Cycle {
  const [mainKey = '', ...rest] = id.split('-');
  const main = /^\d+(?:\.\d+)*$/.test(mainKey) ? mainKey.split('.').map(Number) : undefined;
  const words = main === undefined ? [mainKey, ...rest] : rest;
  return {
    match,
    mainKey,
    main,
    sp: words.find((word) => SP.test(word)),
    feature: main === undefined ? undefined : words.find((word) => FEATURE.test(word)),
    r2: words.includes('r2'),
    required: words.filter(
      (word) =>
        !SP.test(word) &&
        word !== 'r2' &&
        !LENIENT.has(word) &&
        (main === undefined || !FEATURE.test(word)),
    ),
    codename,
  };
}

/** `Microsoft Windows` + `7 SP1`, but `Windows Server 2012 R2` alone. */
function fullLabel(title: string, label: string): string {
  const short = title.replace(/^(?:Microsoft|Apple|Apache|Palo Alto Networks|VMware) /, '');
  return label.toLowerCase().startsWith(short.toLowerCase()) ? label : `${title} ${label}`;
}

function buildProducts(): ReadonlyMap<string, Product> {
  const cycles = new Map<string, { title: string; cycles: Cycle[] }>();
  const entry = (id: string, title: string) => {
    const found = cycles.get(id) ?? { title, cycles: [] };
    cycles.set(id, found);
    return found;
  };
  for (const [id, data] of Object.entries(ENDOFLIFE_PRODUCTS)) {
    const product = entry(id, data.title);
    const source: LifecycleSource = {
      id: 'endoflife.date',
      url: `https://endoflife.date/${id}`,
      licence: ENDOFLIFE_LICENCE,
    };
    for (const [cycle, label, eoas, eol, codename] of data.cycles) {
      const match: LifecycleMatch = {
        product: id,
        productTitle: data.title,
        cycle,
        label: fullLabel(data.title, label ?? cycle),
        ...(typeof eoas === 'string' ? { eoas } : {}),
        ...(typeof eol === 'string' ? { eol } : {}),
        source,
      };
      product.cycles.push(parseCycle(cycle, codename, match));
    }
  }
  for (const release of SUPPLEMENT) {
    const product = entry(release.product, release.title);
    const match: LifecycleMatch = {
      product: release.product,
      productTitle: release.title,
      cycle: release.cycle,
      label: fullLabel(release.title, release.label),
      ...(release.eoas === undefined ? {} : { eoas: release.eoas }),
      eol: release.eol,
      source: { id: 'vigie', url: release.url, licence: 'Apache-2.0 (Vigie supplement)' },
    };
    product.cycles.push(parseCycle(release.cycle, undefined, match));
  }
  const products = new Map<string, Product>();
  for (const [id, naming] of Object.entries(PRODUCT_NAMING)) {
    const data = cycles.get(id);
    if (data === undefined) continue;
    products.set(id, {
      id,
      naming,
      cycles: data.cycles,
      hasR2: data.cycles.some((cycle) => cycle.r2),
      spMains: new Set(data.cycles.filter((c) => c.sp !== undefined).map((c) => c.mainKey)),
    });
  }
  return products;
}

interface Alias {
  readonly product: string;
  readonly words: readonly string[];
  readonly strict: boolean;
}

function buildAliases(): ReadonlyMap<string, readonly Alias[]> {
  const byFirstWord = new Map<string, Alias[]>();
  for (const [product, naming] of Object.entries(PRODUCT_NAMING)) {
    const all = [
      ...naming.aliases.map((alias) => ({ alias, strict: false })),
      ...(naming.strictAliases ?? []).map((alias) => ({ alias, strict: true })),
    ];
    for (const { alias, strict } of all) {
      const words = toWords(alias);
      const first = words[0] ?? '';
      byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { product, words, strict }]);
    }
  }
  for (const aliases of byFirstWord.values())
    aliases.sort((a, b) => b.words.length - a.words.length);
  return byFirstWord;
}

const PRODUCTS = buildProducts();
const ALIASES = buildAliases();

/** `W10`, `Win7`, `WinXP`: Windows written in one word. */
function expandShorthand(words: readonly string[]): readonly string[] {
  const match = /^w(?:in)?(xp|7|8|8\.1|10|11)$/.exec(words[0] ?? '');
  return match?.[1] === undefined ? words : ['windows', match[1], ...words.slice(1)];
}

function rewritten(naming: ProductNaming, words: readonly string[]): string[] {
  const text = words.join(' ');
  return naming.rewrite === undefined ? [...words] : toWords(naming.rewrite(text));
}

/** The product a name designates and the words left for the version. */
function identify(
  name: string,
  version: string | undefined,
): { product: Product; rest: readonly string[] } | undefined {
  const nameWords = expandShorthand(toWords(name));
  const versionWords = version === undefined ? [] : toWords(version);
  for (const alias of ALIASES.get(nameWords[0] ?? '') ?? []) {
    if (!alias.words.every((word, index) => nameWords[index] === word)) continue;
    let product = PRODUCTS.get(alias.product);
    if (product === undefined) continue;
    const afterAlias = [...nameWords.slice(alias.words.length), ...versionWords];
    const target = product.naming.redirect?.(afterAlias);
    if (target !== undefined) product = PRODUCTS.get(target) ?? product;
    const rest = rewritten(product.naming, afterAlias);
    if (alias.strict && versionParts(rest[0] ?? '') === undefined) continue;
    return { product, rest };
  }
  return undefined;
}

function queryOf(rest: readonly string[]): Query {
  const words = new Set(rest);
  if (['enterprise', 'entreprise', 'education'].some((word) => words.has(word))) words.add('e');
  if (words.has('ltsc') || words.has('ltsb')) words.add('lts');
  const mainIndex = rest.findIndex((word) => versionParts(word) !== undefined);
  const main = mainIndex === -1 ? undefined : versionParts(rest[mainIndex] ?? '');
  return {
    words,
    main,
    sp: rest.find((word) => SP.test(word)),
    feature: rest.slice(mainIndex + 1).find((word) => FEATURE.test(word)),
    r2: words.has('r2'),
  };
}

const startsWith = (whole: readonly number[], start: readonly number[]): boolean =>
  start.length <= whole.length && start.every((part, index) => whole[index] === part);

/** How closely the main version matches: 0 = not at all; higher = more specific. */
function mainRank(product: Product, cycle: Cycle, query: Query): number {
  if (cycle.main === undefined) return 1000 + cycle.required.length;
  if (query.main === undefined) {
    return cycle.codename !== undefined && query.words.has(cycle.codename) ? 500 : 0;
  }
  if (product.naming.exactMain === true) {
    return cycle.main.length === query.main.length && startsWith(query.main, cycle.main) ? 10 : 0;
  }
  // 1.18 for "1.18.0" (the longer the cycle, the better); "PHP 7" → every 7.x, latest wins
  if (startsWith(query.main, cycle.main)) return 10 * cycle.main.length;
  return startsWith(cycle.main, query.main) ? 1 : 0;
}

/** -1 when the cycle contradicts the name, else how many of its qualifiers the name states. */
function qualifierScore(product: Product, cycle: Cycle, query: Query): number {
  const has = (word: string) => (word === 'w' ? !query.words.has('e') : query.words.has(word));
  if (!cycle.required.every(has)) return -1;
  if (product.hasR2 && cycle.r2 !== query.r2) return -1;
  if (query.sp !== undefined) {
    if (cycle.sp === undefined ? product.spMains.has(cycle.mainKey) : cycle.sp !== query.sp) {
      return -1;
    }
  }
  if (query.feature !== undefined && cycle.feature !== undefined && cycle.feature !== query.feature)
    return -1;
  return (
    Number(query.sp !== undefined && cycle.sp === query.sp) +
    Number(query.feature !== undefined && cycle.feature === query.feature) +
    Number(query.r2 && cycle.r2) +
    cycle.required.filter((word) => !NEUTRAL.has(word)).length
  );
}

/** A later end of life ranks higher; no end announced ranks highest. */
const eolKey = (cycle: Cycle): string => cycle.match.eol ?? '9999-99-99';

function bestCycle(product: Product, rest: readonly string[]): Cycle | undefined {
  if (rest.some((word) => product.naming.reject?.includes(word) === true)) return undefined;
  const query = queryOf(rest);
  let best: { cycle: Cycle; rank: readonly [number, number, string] } | undefined;
  for (const cycle of product.cycles) {
    const main = mainRank(product, cycle, query);
    if (main === 0) continue;
    const qualifiers = qualifierScore(product, cycle, query);
    if (qualifiers < 0) continue;
    const rank = [main, qualifiers, eolKey(cycle)] as const;
    if (best === undefined || compareRank(rank, best.rank) > 0) best = { cycle, rank };
  }
  return best?.cycle;
}

function compareRank(
  a: readonly [number, number, string],
  b: readonly [number, number, string],
): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

const MEMO_LIMIT = 50_000;
const memo = new Map<string, LifecycleMatch | null>();

/**
 * The release cycle of the lifecycle table that a product name and version designate, as users
 * write them in a model (`Windows 7`, `Windows Server` + `2019 Standard`, `PostgreSQL 11`,
 * `SQL Server 2012`, `RHEL 8`, `W10 22H2`). The version may sit in the name, in `version`, or
 * both. When the name is less precise than the table (`Windows 10`, `PHP 7`), the latest release
 * of what it names is returned. Unknown product, or no version: undefined — never a guess.
 * Results are memoised per distinct name and version.
 */
export function lookupLifecycle(name: string, version?: string): LifecycleMatch | undefined {
  const key = `${name}\u0000${version ?? ''}`;
  const known = memo.get(key);
  if (known !== undefined) return known ?? undefined;
  const identified = identify(name, version);
  const found =
    identified === undefined ? undefined : bestCycle(identified.product, identified.rest);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, found?.match ?? null);
  return found?.match;
}

/** Ids of the products the table knows, for documentation and tests. */
export function lifecycleProductIds(): readonly string[] {
  return [...PRODUCTS.keys()].sort();
}
