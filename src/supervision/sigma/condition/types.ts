/**
 * The parsed form of a detection `condition`: an immutable tree of readonly nodes tagged by `kind`.
 * Quantified selections (`1 of sel*`, `all of them`) keep their pattern and the identifiers it
 * resolved to when the rule was parsed, so compilation never needs the pattern again.
 */

export type SigmaConditionNode =
  | SigmaConditionAnd
  | SigmaConditionOr
  | SigmaConditionNot
  | SigmaConditionIdentifier
  | SigmaConditionQuantified;

export interface SigmaConditionAnd {
  readonly kind: 'and';
  readonly operands: readonly SigmaConditionNode[];
}

export interface SigmaConditionOr {
  readonly kind: 'or';
  readonly operands: readonly SigmaConditionNode[];
}

export interface SigmaConditionNot {
  readonly kind: 'not';
  readonly operand: SigmaConditionNode;
}

/** A search identifier of the detection section. */
export interface SigmaConditionIdentifier {
  readonly kind: 'identifier';
  readonly name: string;
}

/** `1 of x*`, `all of them`, `2 of sel_*`: `count` is `'all'` or a positive integer. */
export interface SigmaConditionQuantified {
  readonly kind: 'quantified';
  readonly count: 'all' | number;
  /** `them` or the identifier pattern as written (may contain `*`). */
  readonly pattern: string;
  /** The identifiers the pattern resolved to, in detection order. */
  readonly names: readonly string[];
}
