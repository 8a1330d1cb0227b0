/**
 * ICU plural messages: `{count, plural, =0 {no path} one {# path} other {# paths}}`.
 * The category comes from Intl.PluralRules of the language (French: 0 and 1 are `one`;
 * English: only 1), `=N` branches match an exact value first, `#` is the number formatted in the
 * language. Messages without a plural block are returned unchanged.
 */
import type { Lang } from '../../../../src/platform/api/types';

const LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };
const rules = new Map<Lang, Intl.PluralRules>();
const numbers = new Map<Lang, Intl.NumberFormat>();

/** The CLDR plural category of `n` in the language (`one`, `other`, `many`…). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  let rule = rules.get(lang);
  if (rule === undefined) {
    rule = new Intl.PluralRules(LOCALES[lang]);
    rules.set(lang, rule);
  }
  return rule.select(n);
}

function formatted(lang: Lang, n: number): string {
  let format = numbers.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang]);
    numbers.set(lang, format);
  }
  return format.format(n);
}

/** The index just after the `}` closing the `{` at `open` (nesting counted), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The branches of a plural body: `one {…} other {…}` → Map(selector → text). */
function branches(body: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const match = /^\s*(=\d+(?:\.\d+)?|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (match === null) return body.slice(i).trim() === '' ? out : null;
    const open = i + match[0].length - 1;
    const end = closing(body, open);
    if (end === -1) return null;
    out.set(match[1] ?? '', body.slice(open + 1, end - 1));
    i = end;
  }
  return out;
}

/**
 * The number a parameter holds: a number as text (`12`), or a whole count already formatted
 * with group separators (`1 234`, `1,234`, `1.234`); NaN otherwise.
 */
function countOf(raw: string | undefined): number {
  if (raw === undefined) return Number.NaN;
  const plain = Number(raw);
  if (raw.trim() !== '' && !Number.isNaN(plain)) return plain;
  const digits = raw.replace(/[\s\u00a0\u202f,.'’]/g, '');
  return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** Picks the branch of every `{name, plural, …}` block for its parameter's value. */
export function expandPlurals(
  template: string | undefined,
  params: Readonly<Record<string, string | number>> | undefined,
  lang: Lang,
): string {
  // a message missing in one language (work in progress) must not break the page
  if (template === undefined) return '';
  if (!template.includes(', plural,') && !template.includes(',plural,')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const head = /\{(\w+)\s*,\s*plural\s*,/g;
    head.lastIndex = i;
    const match = head.exec(template);
    if (match === null) break;
    const end = closing(template, match.index);
    const name = match[1] ?? '';
    const options = end === -1 ? null : branches(template.slice(head.lastIndex, end - 1));
    const raw = params?.[name];
    const n = typeof raw === 'number' ? raw : countOf(raw);
    if (options === null || raw === undefined || Number.isNaN(n)) {
      // malformed or no value: leave the block as written
      out += template.slice(i, end === -1 ? template.length : end);
      i = end === -1 ? template.length : end;
      continue;
    }
    const chosen =
      options.get(`=${String(n)}`) ?? options.get(pluralCategory(lang, n)) ?? options.get('other');
    out += template.slice(i, match.index);
    // a value given already formatted (`1 234`) is shown as given
    const shown = typeof raw === 'number' ? formatted(lang, n) : raw;
    out += expandPlurals(chosen ?? '', params, lang).replace(/#/g, shown);
    i = end;
  }
  return out + template.slice(i);
}
