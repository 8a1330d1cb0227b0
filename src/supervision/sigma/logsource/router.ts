/**
 * Routes events to the rules whose logsource covers them. The answer for a given event source
 * is computed once (one pass over the rules of that product) and cached, so routing an event
 * costs two Map lookups and a few string comparisons, without allocation. Pure.
 */
import type { EventSource } from '../types.js';
import { logsourceApplies, type LogsourceLike } from './applies.js';

/** A rule as the router sees it. */
export interface RoutableRule {
  readonly id?: string;
  readonly logsource: LogsourceLike;
}

/** Returns the indexes (ascending) of the rules that may match an event from `source`. */
export type Router = (source: EventSource) => readonly number[];

interface CacheEntry {
  readonly source: EventSource;
  readonly result: readonly number[];
}

/** Beyond this many distinct sources, answers are computed but no longer cached. */
const MAX_CACHED_SOURCES = 65_536;

function sameSource(a: EventSource, b: EventSource): boolean {
  return (
    a.product === b.product &&
    a.channel === b.channel &&
    a.eventId === b.eventId &&
    a.provider === b.provider &&
    a.service === b.service &&
    a.category === b.category
  );
}

/** Builds a router over `rules` (their order gives the indexes). */
export function createRouter(rules: readonly RoutableRule[]): Router {
  const byProduct = new Map<string, number[]>();
  const withoutProduct: number[] = [];
  rules.forEach((rule, index) => {
    const product = rule.logsource.product?.toLowerCase();
    if (product === undefined) withoutProduct.push(index);
    else {
      const list = byProduct.get(product) ?? [];
      list.push(index);
      byProduct.set(product, list);
    }
  });
  const everyRule = rules.map((_, index) => index);
  const cache = new Map<string, Map<number, CacheEntry[]>>();
  let cached = 0;

  function compute(source: EventSource): readonly number[] {
    const product = source.product?.toLowerCase();
    const candidates =
      product === undefined
        ? everyRule
        : [...(byProduct.get(product) ?? []), ...withoutProduct].sort((a, b) => a - b);
    const result: number[] = [];
    for (const index of candidates) {
      const rule = rules[index];
      if (rule !== undefined && logsourceApplies(rule.logsource, source)) result.push(index);
    }
    return Object.freeze(result);
  }

  return (source) => {
    const key =
      source.channel ??
      source.service ??
      source.category ??
      source.provider ??
      source.product ??
      '';
    const id = source.eventId ?? -1;
    let byId = cache.get(key);
    const entries = byId?.get(id);
    if (entries !== undefined) {
      for (const entry of entries) if (sameSource(entry.source, source)) return entry.result;
    }
    const result = compute(source);
    if (cached < MAX_CACHED_SOURCES) {
      cached++;
      if (byId === undefined) {
        byId = new Map();
        cache.set(key, byId);
      }
      const entry = { source: { ...source }, result };
      if (entries === undefined) byId.set(id, [entry]);
      else entries.push(entry);
    }
    return result;
  };
}
