/**
 * Sigma strings: a value split into literal text, wildcards and placeholders, following the
 * specification's escaping rules. A backslash escapes `*`, `?` and itself; any other backslash is
 * literal. So `\*` is a plain star, `\\*` a backslash then a wildcard, `\\\*` a backslash then a
 * plain star, and `\\\\` two backslashes. With placeholders on (the `expand` modifier), `%name%`
 * is a placeholder and `\%` a plain percent sign.
 */

export interface WildcardToken {
  readonly kind: 'any' | 'one';
}

export interface PlaceholderToken {
  readonly kind: 'placeholder';
  readonly name: string;
}

/** Literal text is a plain string; adjacent literals are always merged. */
export type StringToken = string | WildcardToken | PlaceholderToken;

export const ANY: WildcardToken = { kind: 'any' };
export const ONE: WildcardToken = { kind: 'one' };

function pushLiteral(tokens: StringToken[], text: string): void {
  if (text === '') return;
  const last = tokens[tokens.length - 1];
  if (typeof last === 'string') tokens[tokens.length - 1] = last + text;
  else tokens.push(text);
}

/** Splits a rule value into tokens. */
export function parseSigmaString(raw: string, placeholders = false): StringToken[] {
  const tokens: StringToken[] = [];
  let literal = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '\\') {
      const next = raw.charAt(i + 1);
      if (next === '*' || next === '?' || next === '\\' || (placeholders && next === '%')) {
        literal += next;
        i++;
      } else {
        literal += c;
      }
    } else if (c === '*' || c === '?') {
      pushLiteral(tokens, literal);
      literal = '';
      tokens.push(c === '*' ? ANY : ONE);
    } else if (c === '%' && placeholders) {
      const close = raw.indexOf('%', i + 1);
      const name = close > i + 1 ? raw.slice(i + 1, close) : '';
      if (close > i + 1 && /^[\w.-]+$/.test(name)) {
        pushLiteral(tokens, literal);
        literal = '';
        tokens.push({ kind: 'placeholder', name });
        i = close;
      } else {
        literal += c;
      }
    } else {
      literal += c;
    }
  }
  pushLiteral(tokens, literal);
  return tokens;
}

/** Appends tokens, merging literals. */
export function concatTokens(...parts: readonly (readonly StringToken[])[]): StringToken[] {
  const out: StringToken[] = [];
  for (const part of parts) {
    for (const token of part) {
      if (typeof token === 'string') pushLiteral(out, token);
      else out.push(token);
    }
  }
  return out;
}

export function hasSpecialTokens(tokens: readonly StringToken[]): boolean {
  return tokens.some((t) => typeof t !== 'string');
}

/** The text of tokens that are all literal, or undefined when a wildcard/placeholder remains. */
export function plainText(tokens: readonly StringToken[]): string | undefined {
  let text = '';
  for (const t of tokens) {
    if (typeof t !== 'string') return undefined;
    text += t;
  }
  return text;
}
