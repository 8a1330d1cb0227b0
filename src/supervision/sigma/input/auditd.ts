/**
 * Parses one Linux audit log line (`type=SYSCALL msg=audit(1604994496.155:92733): key=value …`)
 * into flat fields (`type`, `syscall`, `exe`, `a0`…), quotes removed; the user message of
 * `USER_*` records (`msg='op=… acct="root"'`) is unfolded into fields too. Pure.
 */
import type { EventSource } from '../types.js';
import type { NormalisedEvent } from './normalised.js';

const HEADER = /^(?:node=(\S+) )?type=(\S+) msg=audit\((\d+(?:\.\d+)?):(\d+)\):\s?(.*)$/s;
const PAIR = /([\w-]+)=("(?:[^"]*)"|'(?:[^']*)'|\S*)/g;
const AUDITD_SOURCE: EventSource = { product: 'linux', service: 'auditd' };

function addPairs(fields: Record<string, unknown>, text: string): void {
  for (const [, key, raw] of text.replaceAll('\u001d', ' ').matchAll(PAIR)) {
    if (key === undefined || raw === undefined) continue;
    if (raw.startsWith("'") && key === 'msg') {
      addPairs(fields, raw.slice(1, -1));
      continue;
    }
    fields[key] = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
  }
}

/** Parses one audit line. */
export function parseAuditdLine(line: string): NormalisedEvent | undefined {
  const m = HEADER.exec(line);
  if (m === null) return undefined;
  const fields: Record<string, unknown> = {};
  if (m[1] !== undefined) fields.node = m[1];
  fields.type = m[2];
  fields.serial = Number(m[4]);
  addPairs(fields, m[5] ?? '');
  return { event: fields, time: Math.round(Number(m[3]) * 1000), source: AUDITD_SOURCE };
}
