/**
 * Does a rule's logsource cover an event's source? Pure. Known log sources are checked against
 * the tables (Windows channels and event ids, Linux services, generic categories); a service or
 * category unknown to the tables does not narrow anything, so such a rule applies to every event
 * of its product (an event whose product is unknown is offered to every rule).
 */
import type { EventSource } from '../types.js';
import { GENERIC_CATEGORIES, LINUX_CATEGORIES, LINUX_SERVICES } from './other-tables.js';
import { WINDOWS_CATEGORIES, WINDOWS_SERVICES, type WindowsOrigin } from './windows-tables.js';

/** A rule's logsource (the shape of the rule parser's `SigmaLogsource`). */
export interface LogsourceLike {
  readonly product?: string;
  readonly category?: string;
  readonly service?: string;
}

function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function includesIgnoringCase(
  list: readonly string[] | undefined,
  value: string | undefined,
): boolean {
  if (list === undefined || value === undefined) return false;
  const lower = value.toLowerCase();
  return list.some((item) => item.toLowerCase() === lower);
}

function fromOrigin(origin: WindowsOrigin, source: EventSource): boolean {
  const place =
    includesIgnoringCase(origin.channels, source.channel) ||
    includesIgnoringCase(origin.providers, source.provider);
  if (!place) return false;
  return (
    origin.eventIds === undefined ||
    (source.eventId !== undefined && origin.eventIds.includes(source.eventId))
  );
}

type Verdict = boolean | 'unknown';

function categoryVerdict(
  product: string | undefined,
  category: string,
  source: EventSource,
): Verdict {
  if (source.category !== undefined) return same(source.category, category);
  const table =
    product === 'linux' ? LINUX_CATEGORIES : product === 'windows' ? WINDOWS_CATEGORIES : undefined;
  const origins = table?.[category];
  if (origins !== undefined) return origins.some((origin) => fromOrigin(origin, source));
  if (GENERIC_CATEGORIES.has(category)) return false;
  return 'unknown';
}

function serviceVerdict(
  product: string | undefined,
  service: string,
  source: EventSource,
): Verdict {
  if (product === 'windows') {
    const channels = WINDOWS_SERVICES[service];
    if (channels !== undefined) return includesIgnoringCase(channels, source.channel);
  }
  if (product === 'linux') {
    const services = LINUX_SERVICES[service];
    if (services !== undefined) return includesIgnoringCase(services, source.service);
  }
  if (source.service !== undefined) return same(source.service, service);
  return 'unknown';
}

/** True when nothing is known about where an event comes from (plain text, unknown JSON). */
function isUnknownSource(source: EventSource): boolean {
  return (
    source.product === undefined &&
    source.category === undefined &&
    source.service === undefined &&
    source.channel === undefined &&
    source.provider === undefined
  );
}

/** True when a rule with `logsource` should see events from `source`. */
export function logsourceApplies(logsource: LogsourceLike, source: EventSource): boolean {
  if (isUnknownSource(source)) return true;
  const ruleProduct = logsource.product?.toLowerCase();
  const eventProduct = source.product?.toLowerCase();
  if (ruleProduct !== undefined && eventProduct !== undefined && ruleProduct !== eventProduct)
    return false;
  // An event that says what it is but not its product (an access log): a rule naming only a
  // product is not for it; a rule naming a category or service is judged on those.
  if (
    ruleProduct !== undefined &&
    eventProduct === undefined &&
    logsource.category === undefined &&
    logsource.service === undefined
  ) {
    return false;
  }
  // A rule without product is judged with the event's product tables (e.g. `category: antivirus`).
  const product = ruleProduct ?? eventProduct;
  const category = logsource.category?.toLowerCase();
  const service = logsource.service?.toLowerCase();
  if (category !== undefined && categoryVerdict(product, category, source) === false) return false;
  if (service !== undefined && serviceVerdict(product, service, source) === false) return false;
  return true;
}

/** True when the router knows this logsource precisely (for coverage reports). */
export function isKnownLogsource(logsource: LogsourceLike): boolean {
  const product = logsource.product?.toLowerCase();
  const category = logsource.category?.toLowerCase();
  const service = logsource.service?.toLowerCase();
  const categoryKnown =
    category === undefined ||
    GENERIC_CATEGORIES.has(category) ||
    (product === 'linux' ? LINUX_CATEGORIES[category] : WINDOWS_CATEGORIES[category]) !== undefined;
  const serviceKnown =
    service === undefined ||
    (product === 'linux' ? LINUX_SERVICES[service] : WINDOWS_SERVICES[service]) !== undefined;
  return categoryKnown && serviceKnown && (product !== undefined || category !== undefined);
}
