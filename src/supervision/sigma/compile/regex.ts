/**
 * Regular expressions of the `re` modifier, written for PCRE/Python/Go engines, made to behave as
 * their authors meant in JavaScript, and guarded against catastrophic backtracking.
 *
 * Translation: leading or inline global flags `(?i)`, `(?s)`, `(?m)` become RegExp flags (JS has
 * no inline flags on Node 20; an inline flag in the middle applies to the whole pattern, which is
 * what nearly every rule means); `(?P<name>` → `(?<name>`; `(?P=name)` → `\k<name>`; `\A` → `^`;
 * `\Z`/`\z` → `$`; atomic groups `(?>` and possessive quantifiers (`*+`, `++`, `?+`, `}+`) become
 * their ordinary forms (same matches on the patterns rules use); POSIX classes `[[:alpha:]]` etc.
 *
 * Guard (choice documented in docs): a pattern with nested unbounded repetition — a group repeated
 * with `*`, `+`, `{n,}` or `{n,m}` with m > 10, that itself contains `*`, `+` or `{n,}` — can take
 * exponential time and is refused with a diagnostic. Every other pattern is run on at most the
 * first MAX_REGEX_INPUT characters of a value, which bounds the polynomial cases.
 */
import type { SigmaText } from '../types.js';

export const MAX_REGEX_INPUT = 8192;

export type RegexResult =
  | { readonly ok: true; readonly regex: RegExp; readonly source: string }
  | { readonly ok: false; readonly error: SigmaText };

const POSIX: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

interface Translation {
  readonly source: string;
  readonly flags: string;
}

/** Rewrites PCRE-only syntax; collects inline flags. */
export function translateRegex(input: string, flags: string): Translation {
  let out = '';
  const found = new Set(flags);
  let inClass = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charAt(i);
    const rest = input.slice(i);
    if (c === '\\') {
      const n = input.charAt(i + 1);
      if (!inClass && n === 'A') out += '^';
      else if (!inClass && (n === 'Z' || n === 'z')) out += '$';
      else out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\w+):\]/.exec(rest);
      const mapped = posix === null ? undefined : POSIX[posix[1] ?? ''];
      if (posix !== null && mapped !== undefined) {
        out += mapped;
        i += posix[0].length - 1;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (input.charAt(i + 1) === '^') {
        out += '^';
        i++;
      }
      if (input.charAt(i + 1) === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    const inline = /^\(\?([imsx]+)\)/.exec(rest);
    if (inline !== null) {
      for (const f of inline[1] ?? '') if (f !== 'x') found.add(f);
      i += inline[0].length - 1;
      continue;
    }
    if (rest.startsWith('(?P<')) {
      out += '(?<';
      i += 3;
      continue;
    }
    const backref = /^\(\?P=(\w+)\)/.exec(rest);
    if (backref !== null) {
      out += `\\k<${backref[1] ?? ''}>`;
      i += backref[0].length - 1;
      continue;
    }
    if (rest.startsWith('(?>')) {
      out += '(?:';
      i += 2;
      continue;
    }
    if (c === '+' && /[*+?}]$/.test(out) && !out.endsWith('\\+') && !out.endsWith('\\*')) {
      const prev = out.charAt(out.length - 1);
      if (prev === '}' || prev === '*' || prev === '+' || prev === '?') continue;
    }
    out += c;
  }
  return {
    source: out,
    flags: [...found]
      .filter((f) => 'ims'.includes(f))
      .sort()
      .join(''),
  };
}

/** Whether the pattern repeats a group that itself contains unbounded repetition. */
export function hasNestedRepetition(source: string): boolean {
  const stack: boolean[] = [];
  let inner = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push(inner);
      inner = false;
      continue;
    }
    const q = /^(?:[*+]|\{(\d+),(\d*)\})/.exec(source.slice(i + 1));
    const unbounded = q !== null && (q[0] === '*' || q[0] === '+' || q[2] === '');
    const large = q !== null && (unbounded || Number(q[2]) > 10);
    if (c === ')') {
      if (inner && large) return true;
      const parentInner = stack.pop() ?? false;
      inner = parentInner || inner || unbounded;
      continue;
    }
    if ((c === '*' || c === '+') && !source.slice(0, i).endsWith('(?')) inner = true;
    if (c === '{' && /^\{\d+,\}/.test(source.slice(i))) inner = true;
  }
  return false;
}

export function compileRegex(pattern: string, flags: string): RegexResult {
  const t = translateRegex(pattern, flags);
  if (hasNestedRepetition(t.source)) {
    return {
      ok: false,
      error: {
        en: `The regular expression "${pattern}" repeats a group that itself repeats without bound; it could take exponential time and is refused.`,
        fr: `L’expression régulière « ${pattern} » répète un groupe qui se répète lui-même sans limite ; elle pourrait prendre un temps exponentiel et est refusée.`,
      },
    };
  }
  try {
    return { ok: true, regex: new RegExp(t.source, t.flags), source: t.source };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: {
        en: `Invalid regular expression "${pattern}": ${reason}`,
        fr: `Expression régulière « ${pattern} » invalide : ${reason}`,
      },
    };
  }
}
