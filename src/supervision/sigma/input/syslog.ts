/**
 * Parses one syslog line: RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG`),
 * RFC 3164 (`<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG`) and the same without `<PRI>` as written
 * to /var/log/auth.log and /var/log/syslog (also with an RFC 3339 timestamp). Pure.
 */
import type { EventSource } from '../types.js';
import { normalised, type NormalisedEvent } from './normalised.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FACILITIES = [
  'kern',
  'user',
  'mail',
  'daemon',
  'auth',
  'syslog',
  'lpr',
  'news',
  'uucp',
  'cron',
  'authpriv',
  'ftp',
  'ntp',
  'security',
  'console',
  'solaris-cron',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
];
const SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

const RFC5424 =
  /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|\[.*?[^\\]\](?:\[.*?[^\\]\])*)(?: (.*))?$/s;
const BSD_HEADER =
  /^(?:<(\d{1,3})>)?(?:([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d)|(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)) (\S+) (.*)$/s;
const TAG = /^([^\s:[\]]+)(?:\[(\d+)\])?: ?(.*)$/s;

/** Linux programs whose messages belong to Sigma's `auth` service. */
const AUTH_PROGRAMS = new Set([
  'sshd',
  'sudo',
  'su',
  'login',
  'passwd',
  'useradd',
  'userdel',
  'usermod',
  'groupadd',
  'groupdel',
  'chage',
  'chpasswd',
  'systemd-logind',
  'gdm-password',
  'polkitd',
  'pkexec',
  'unix_chkpwd',
  'vsftpd',
]);
/** Programs that are Sigma services of their own under `product: linux`. */
const NAMED_SERVICES = new Set(['sshd', 'sudo', 'cron', 'clamav', 'vsftpd', 'guacamole', 'auditd']);

function addPriority(fields: Record<string, unknown>, pri: string | undefined): void {
  if (pri === undefined) return;
  const value = Number(pri);
  if (value > 191) return;
  fields.facility = FACILITIES[value >> 3] ?? String(value >> 3);
  fields.severity = SEVERITIES[value & 7] ?? String(value & 7);
}

/** The Sigma service of a Linux program: its own name when Sigma knows it, else auth or syslog. */
export function linuxServiceOf(program: string | undefined, facility?: unknown): string {
  const name = program === undefined ? '' : program.toLowerCase();
  if (name === 'crond' || name === 'cron' || name === 'anacron') return 'cron';
  if (name.startsWith('clam')) return 'clamav';
  if (NAMED_SERVICES.has(name)) return name;
  if (AUTH_PROGRAMS.has(name) || facility === 'auth' || facility === 'authpriv') return 'auth';
  return 'syslog';
}

/** Parses RFC 5424 structured data `[id k="v"…]…` into `sd.id.k` fields. */
function addStructuredData(fields: Record<string, unknown>, sd: string): void {
  const element = /\[([^\s\]]+)((?:\s+[^\s=\]]+="(?:[^"\\]|\\.)*")*)\s*\]/g;
  const param = /([^\s=\]]+)="((?:[^"\\]|\\.)*)"/g;
  for (const [, id, params] of sd.matchAll(element)) {
    for (const [, key, value] of (params ?? '').matchAll(param)) {
      fields[`${id ?? ''}.${key ?? ''}`] = (value ?? '').replace(/\\(["\\\]])/g, '$1');
    }
  }
}

function nil(value: string | undefined): string | undefined {
  return value === undefined || value === '-' ? undefined : value;
}

function parse5424(m: RegExpExecArray): NormalisedEvent {
  const fields: Record<string, unknown> = {};
  addPriority(fields, m[1]);
  const stamp = nil(m[2]);
  const host = nil(m[3]);
  const app = nil(m[4]);
  const pid = nil(m[5]);
  const msgid = nil(m[6]);
  if (host !== undefined) fields.host = host;
  if (app !== undefined) fields.program = app;
  if (pid !== undefined) fields.pid = /^\d+$/.test(pid) ? Number(pid) : pid;
  if (msgid !== undefined) fields.msgid = msgid;
  if (m[7] !== undefined && m[7] !== '-') addStructuredData(fields, m[7]);
  let message = m[8] ?? '';
  if (message.startsWith('\ufeff')) message = message.slice(1);
  fields.message = message;
  const time = stamp === undefined ? Number.NaN : Date.parse(stamp);
  return withTime(fields, time, linuxServiceOf(app, fields.facility));
}

function withTime(fields: Record<string, unknown>, time: number, service: string): NormalisedEvent {
  const source: EventSource = { product: 'linux', service };
  return normalised(fields, source, Number.isNaN(time) ? undefined : time);
}

function bsdTime(m: RegExpExecArray, year: number): number {
  if (m[7] !== undefined) return Date.parse(m[7]);
  const month = MONTHS.indexOf(m[2] ?? '');
  if (month < 0) return Number.NaN;
  return Date.UTC(year, month, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/**
 * Parses one syslog line, or returns undefined when it is not one. `year` completes RFC 3164
 * timestamps, which have none (times are read as UTC).
 */
export function parseSyslogLine(line: string, year: number): NormalisedEvent | undefined {
  const m5424 = RFC5424.exec(line);
  if (m5424 !== null) return parse5424(m5424);
  const m = BSD_HEADER.exec(line);
  if (m === null) return undefined;
  const fields: Record<string, unknown> = {};
  addPriority(fields, m[1]);
  fields.host = m[8];
  const rest = m[9] ?? '';
  const tag = TAG.exec(rest);
  let program: string | undefined;
  if (tag === null) fields.message = rest;
  else {
    program = tag[1];
    fields.program = program;
    if (tag[2] !== undefined) fields.pid = Number(tag[2]);
    fields.message = tag[3] ?? '';
  }
  return withTime(fields, bsdTime(m, year), linuxServiceOf(program, fields.facility));
}
