/**
 * Parser of Sigma detection conditions into an immutable tree. Precedence, least to most binding:
 * `or`, `and`, `not`, `x of pattern`, parentheses (specification, "Condition"). Keywords are
 * matched case-insensitively. Never throws: problems come back as located errors whose `offset` is
 * the 0-based character position in the condition text.
 */
import type { SigmaText } from '../types.js';
import type { SigmaConditionNode } from './types.js';

export interface ConditionError {
  readonly code: string;
  readonly message: SigmaText;
  readonly offset: number;
}

export type ConditionParseResult =
  | { readonly ok: true; readonly value: SigmaConditionNode }
  | { readonly ok: false; readonly errors: readonly ConditionError[] };

interface Token {
  readonly kind: 'lparen' | 'rparen' | 'word';
  readonly text: string;
  readonly offset: number;
}

const WORD = /[^\s()]+/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c, offset: i });
      i++;
    } else {
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      const word = m?.[0] ?? c ?? '';
      tokens.push({ kind: 'word', text: word, offset: i });
      i += Math.max(1, word.length);
    }
  }
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', 'all']);
const IDENTIFIER = /^[\w.\-*]+$/;

/** Whether `name` matches a quantifier pattern where `*` stands for any characters. */
export function matchesIdentifierPattern(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!name.startsWith(first) || name.length < first.length + last.length) return false;
  let pos = first.length;
  for (let k = 1; k < parts.length - 1; k++) {
    const piece = parts[k] ?? '';
    const at = name.indexOf(piece, pos);
    if (at < 0) return false;
    pos = at + piece.length;
  }
  return name.endsWith(last) && name.length - last.length >= pos;
}

class Parser {
  private pos = 0;
  readonly errors: ConditionError[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly identifiers: readonly string[],
    private readonly end: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(token: Token | undefined, word: string): boolean {
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  private fail(code: string, en: string, fr: string, offset: number): void {
    this.errors.push({ code, message: { en, fr }, offset });
  }

  parse(): SigmaConditionNode | undefined {
    const node = this.parseOr();
    const rest = this.peek();
    if (node !== undefined && rest !== undefined) {
      this.fail(
        'sigma.condition.unexpected-token',
        `Unexpected "${rest.text}" in the condition.`,
        `« ${rest.text} » inattendu dans la condition.`,
        rest.offset,
      );
    }
    return this.errors.length === 0 ? node : undefined;
  }

  private parseOr(): SigmaConditionNode | undefined {
    const operands: SigmaConditionNode[] = [];
    const first = this.parseAnd();
    if (first === undefined) return undefined;
    operands.push(first);
    while (this.isWord(this.peek(), 'or')) {
      this.pos++;
      const next = this.parseAnd();
      if (next === undefined) return undefined;
      operands.push(next);
    }
    return operands.length === 1 ? first : { kind: 'or', operands };
  }

  private parseAnd(): SigmaConditionNode | undefined {
    const operands: SigmaConditionNode[] = [];
    const first = this.parseNot();
    if (first === undefined) return undefined;
    operands.push(first);
    while (this.isWord(this.peek(), 'and')) {
      this.pos++;
      const next = this.parseNot();
      if (next === undefined) return undefined;
      operands.push(next);
    }
    return operands.length === 1 ? first : { kind: 'and', operands };
  }

  private parseNot(): SigmaConditionNode | undefined {
    if (this.isWord(this.peek(), 'not')) {
      this.pos++;
      const operand = this.parseNot();
      return operand === undefined ? undefined : { kind: 'not', operand };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): SigmaConditionNode | undefined {
    const token = this.peek();
    if (token === undefined) {
      this.fail(
        'sigma.condition.unexpected-end',
        'The condition ends where an identifier or "(" was expected.',
        'La condition se termine alors qu’un identifiant ou « ( » était attendu.',
        this.end,
      );
      return undefined;
    }
    if (token.kind === 'lparen') {
      this.pos++;
      const inner = this.parseOr();
      if (inner === undefined) return undefined;
      const close = this.peek();
      if (close?.kind !== 'rparen') {
        this.fail(
          'sigma.condition.unclosed-parenthesis',
          'A "(" is not closed.',
          'Une « ( » n’est pas fermée.',
          token.offset,
        );
        return undefined;
      }
      this.pos++;
      return inner;
    }
    if (token.kind === 'rparen') {
      this.fail(
        'sigma.condition.unexpected-token',
        'Unexpected ")" in the condition.',
        '« ) » inattendue dans la condition.',
        token.offset,
      );
      return undefined;
    }
    const next = this.tokens[this.pos + 1];
    if (this.isWord(next, 'of')) return this.parseQuantified(token);
    return this.parseIdentifier(token);
  }

  private parseQuantified(token: Token): SigmaConditionNode | undefined {
    const lower = token.text.toLowerCase();
    const count = lower === 'all' ? 'all' : Number(lower);
    if (count !== 'all' && (!Number.isInteger(count) || count < 1)) {
      this.fail(
        'sigma.condition.bad-quantifier',
        `"${token.text} of" needs "all" or a positive whole number before "of".`,
        `« ${token.text} of » demande « all » ou un entier positif avant « of ».`,
        token.offset,
      );
      return undefined;
    }
    this.pos += 2;
    const target = this.peek();
    if (
      target?.kind !== 'word' ||
      (KEYWORDS.has(target.text.toLowerCase()) && target.text.toLowerCase() !== 'them')
    ) {
      this.fail(
        'sigma.condition.missing-pattern',
        `"${token.text} of" must be followed by "them" or an identifier pattern.`,
        `« ${token.text} of » doit être suivi de « them » ou d’un motif d’identifiants.`,
        target?.offset ?? this.end,
      );
      return undefined;
    }
    this.pos++;
    const isThem = target.text.toLowerCase() === 'them';
    const names = isThem
      ? this.identifiers.filter((n) => !n.startsWith('_'))
      : this.identifiers.filter((n) => matchesIdentifierPattern(target.text, n));
    if (names.length === 0) {
      this.fail(
        'sigma.condition.unknown-identifier',
        `No search identifier matches "${target.text}".`,
        `Aucun identifiant de recherche ne correspond à « ${target.text} ».`,
        target.offset,
      );
    }
    return { kind: 'quantified', count, pattern: isThem ? 'them' : target.text, names };
  }

  private parseIdentifier(token: Token): SigmaConditionNode | undefined {
    this.pos++;
    if (KEYWORDS.has(token.text.toLowerCase()) || !IDENTIFIER.test(token.text)) {
      this.fail(
        'sigma.condition.unexpected-token',
        `Unexpected "${token.text}" in the condition.`,
        `« ${token.text} » inattendu dans la condition.`,
        token.offset,
      );
      return undefined;
    }
    if (!this.identifiers.includes(token.text)) {
      this.fail(
        'sigma.condition.unknown-identifier',
        `The condition uses "${token.text}", which the detection does not define.`,
        `La condition utilise « ${token.text} », que la détection ne définit pas.`,
        token.offset,
      );
    }
    return { kind: 'identifier', name: token.text };
  }
}

/**
 * Parses one condition against the detection's search identifiers (in the order written).
 * An identifier may only be used bare if it exists; a pattern must match at least one.
 */
export function parseCondition(text: string, identifiers: readonly string[]): ConditionParseResult {
  const parser = new Parser(tokenize(text), identifiers, text.length);
  const value = parser.parse();
  if (value === undefined) {
    const errors =
      parser.errors.length > 0
        ? parser.errors
        : [
            {
              code: 'sigma.condition.empty',
              message: { en: 'The condition is empty.', fr: 'La condition est vide.' },
              offset: 0,
            },
          ];
    return { ok: false, errors };
  }
  return { ok: true, value };
}
