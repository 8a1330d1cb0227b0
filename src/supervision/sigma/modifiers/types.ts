/**
 * The value model the modifiers transform. A detection item starts as groups of one value each
 * (one per YAML value); each modifier, in the order written, maps the state to a new one. Values
 * inside a group are alternatives (OR); groups are linked by `link` (OR, or AND with `all`).
 */
import type { SigmaText } from '../types.js';
import type { StringToken } from './sigma-string.js';

export type CompareOperator = 'gt' | 'gte' | 'lt' | 'lte';
export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
export type StringPosition = 'exact' | 'contains' | 'startswith' | 'endswith';

export type TypedValue =
  | {
      readonly type: 'string';
      readonly tokens: readonly StringToken[];
      /** The value as written, kept until a modifier transforms it (needed by re/cidr/fieldref). */
      readonly raw?: string;
      /** True once encoded to bytes (utf16*): each char is one byte, base64 encodes them as is. */
      readonly binary: boolean;
    }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'regex'; readonly source: string; readonly flags: string }
  | { readonly type: 'cidr'; readonly text: string }
  | { readonly type: 'compare'; readonly op: CompareOperator; readonly value: number }
  | { readonly type: 'exists'; readonly value: boolean }
  | { readonly type: 'fieldref'; readonly field: string; readonly position: StringPosition };

export interface ModifierState {
  readonly groups: readonly (readonly TypedValue[])[];
  readonly link: 'or' | 'and';
  readonly cased: boolean;
  /** `neq`: the item matches when the field matches none of the values. */
  readonly negate: boolean;
  /** Time modifiers: compare this part of the field's timestamp instead of the field. */
  readonly timePart?: TimePart;
  /** True for keywords (no field name). */
  readonly isKeyword: boolean;
}

export interface ModifierContext {
  /** Placeholder name → values (each a Sigma string, wildcards allowed). */
  readonly placeholders: ReadonlyMap<string, readonly string[]>;
}

export type ModifierResult =
  | { readonly ok: true; readonly state: ModifierState }
  | { readonly ok: false; readonly error: SigmaText };

export const MODIFIER_CATEGORIES = [
  'generic',
  'string',
  'regex',
  'encoding',
  'numeric',
  'time',
  'ip',
  'specific',
] as const;
export type ModifierCategory = (typeof MODIFIER_CATEGORIES)[number];

/** One value modifier of the specification's appendix: metadata as data, one `apply`. */
export interface SigmaModifier {
  readonly id: string;
  readonly category: ModifierCategory;
  readonly summary: SigmaText;
  readonly apply: (state: ModifierState, context: ModifierContext) => ModifierResult;
}
