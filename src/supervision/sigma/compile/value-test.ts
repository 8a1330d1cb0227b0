/**
 * One typed value (after modifiers) → a test on one scalar of the event. Tests receive the value's
 * text, its lower-cased text (only computed when some test needs it), the raw scalar and the
 * event (for field references).
 */
import type { TypedValue } from '../modifiers/types.js';
import type { SigmaText } from '../types.js';
import type { SigmaEvent } from '../types.js';
import { cidrContains, parseCidr, parseIp } from './cidr.js';
import { fieldGetter } from './event-access.js';
import { compileRegex, MAX_REGEX_INPUT } from './regex.js';
import { compileTextTest } from './string-test.js';

export type ScalarTest = (text: string, lower: string, raw: unknown, event: SigmaEvent) => boolean;

export interface CompiledValue {
  readonly test: ScalarTest;
  /** Whether the test reads the lower-cased text. */
  readonly needsLower: boolean;
  /** Relative cost, to evaluate cheap tests first. */
  readonly cost: number;
}

export type CompiledValueResult =
  | { readonly ok: true; readonly value: CompiledValue }
  | { readonly ok: false; readonly error: SigmaText };

const NEVER: CompiledValue = { test: () => false, needsLower: false, cost: 0 };

function toNumber(text: string, raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean' || text.trim() === '') return NaN;
  return Number(text);
}

function stringCompare(text: string, other: string, cased: boolean, position: string): boolean {
  const a = cased ? text : text.toLowerCase();
  const b = cased ? other : other.toLowerCase();
  switch (position) {
    case 'contains':
      return a.includes(b);
    case 'startswith':
      return a.startsWith(b);
    case 'endswith':
      return a.endsWith(b);
    default:
      return a === b;
  }
}

export function compileValue(
  value: TypedValue,
  cased: boolean,
  mapField: (field: string) => string,
): CompiledValueResult {
  switch (value.type) {
    case 'string': {
      const test = compileTextTest(value.tokens, cased);
      const t: ScalarTest = cased ? (text) => test(text) : (_t, lower) => test(lower);
      return { ok: true, value: { test: t, needsLower: !cased, cost: 2 } };
    }
    case 'number': {
      const n = value.value;
      const text = String(n);
      return {
        ok: true,
        value: {
          test: (s, _l, raw) => (typeof raw === 'number' ? raw === n : s === text),
          needsLower: false,
          cost: 1,
        },
      };
    }
    case 'boolean': {
      const b = value.value;
      const text = String(b);
      return {
        ok: true,
        value: {
          test: (s, _l, raw) => raw === b || (typeof raw === 'string' && s.toLowerCase() === text),
          needsLower: false,
          cost: 1,
        },
      };
    }
    case 'null':
    case 'exists':
      return { ok: true, value: NEVER };
    case 'regex': {
      const compiled = compileRegex(value.source, value.flags);
      if (!compiled.ok) return compiled;
      const regex = compiled.regex;
      return {
        ok: true,
        value: {
          test: (s) => regex.test(s.length > MAX_REGEX_INPUT ? s.slice(0, MAX_REGEX_INPUT) : s),
          needsLower: false,
          cost: 5,
        },
      };
    }
    case 'cidr': {
      const network = parseCidr(value.text);
      if (network === undefined) {
        return {
          ok: false,
          error: {
            en: `"${value.text}" is not an IPv4 or IPv6 network (CIDR).`,
            fr: `« ${value.text} » n’est pas un réseau IPv4 ou IPv6 (CIDR).`,
          },
        };
      }
      return {
        ok: true,
        value: {
          test: (s) => {
            const ip = parseIp(s.trim());
            return ip !== undefined && cidrContains(network, ip);
          },
          needsLower: false,
          cost: 3,
        },
      };
    }
    case 'compare': {
      const { op, value: bound } = value;
      const test: ScalarTest =
        op === 'gt'
          ? (s, _l, raw) => toNumber(s, raw) > bound
          : op === 'gte'
            ? (s, _l, raw) => toNumber(s, raw) >= bound
            : op === 'lt'
              ? (s, _l, raw) => toNumber(s, raw) < bound
              : (s, _l, raw) => toNumber(s, raw) <= bound;
      return { ok: true, value: { test, needsLower: false, cost: 1 } };
    }
    case 'fieldref': {
      const get = fieldGetter(mapField(value.field));
      const position = value.position;
      return {
        ok: true,
        value: {
          test: (s, _l, _raw, event) => {
            const other = get(event);
            if (typeof other === 'string') return stringCompare(s, other, cased, position);
            if (typeof other === 'number' || typeof other === 'boolean') {
              return stringCompare(s, String(other), cased, position);
            }
            return false;
          },
          needsLower: false,
          cost: 3,
        },
      };
    }
  }
}
