/**
 * Port lists as users write them: `22,80,8000-8100`, `all` (1–65535), `top1000`.
 */
import { TOP_1000_PORTS } from './top-1000.js';

export type PortSpecResult =
  | { readonly ok: true; readonly ports: readonly number[] }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'bad-port-spec'; readonly item: string };
    };

/** Every port 1–65535, ascending. */
export function allPorts(): number[] {
  return Array.from({ length: 65_535 }, (_, i) => i + 1);
}

/** `22` or `8000-8100` (both ends 1–65535, start ≤ end); undefined otherwise. */
export function parsePortRange(text: string): { from: number; to: number } | undefined {
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
  if (match === null) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to > 65_535 || from > to) return undefined;
  return { from, to };
}

/** Adds the ports of `items` (numbers or range texts) to `into`; returns the first bad item. */
export function addPorts(
  into: Set<number>,
  items: readonly (number | string)[],
): string | undefined {
  for (const item of items) {
    const range = typeof item === 'number' ? { from: item, to: item } : parsePortRange(item);
    if (range === undefined || !Number.isInteger(range.from) || range.from < 1 || range.to > 65_535)
      return String(item);
    for (let port = range.from; port <= range.to; port += 1) into.add(port);
  }
  return undefined;
}

/**
 * Parses a port specification: comma-separated ports and ranges, or `all`, or `top1000`
 * (these two may be combined with others: `top1000,8000-8100`). Sorted, without duplicates.
 */
export function parsePortSpec(spec: string): PortSpecResult {
  const ports = new Set<number>();
  const items = spec.split(',').map((item) => item.trim());
  for (const item of items) {
    if (item === 'all') for (const port of allPorts()) ports.add(port);
    else if (item === 'top1000') for (const port of TOP_1000_PORTS) ports.add(port);
    else if (item === '' || addPorts(ports, [item]) !== undefined)
      return { ok: false, error: { code: 'bad-port-spec', item } };
  }
  return { ok: true, ports: [...ports].sort((a, b) => a - b) };
}
