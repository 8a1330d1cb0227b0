/** A detection reported by `hunt`: a rule (or a correlation) that matched. */
export interface Detection {
  readonly kind: 'rule' | 'correlation';
  /** The rule's `id` (its `name`, then its title, when it has none). */
  readonly ruleId: string;
  readonly title: string;
  readonly level: string;
  /** Kept on every alert: the Detection Rule License asks for the rule's author. */
  readonly author: string | undefined;
  readonly tags: readonly string[];
  /** The rule file. */
  readonly ruleFile: string;
  /** The input file and 1-based record number of the (last) matching event. */
  readonly file: string;
  readonly line: number;
  /** Event time, when the input has one (ms since the epoch). */
  readonly time?: number;
  /** Correlations: the records that contributed. */
  readonly lines?: readonly { readonly file: string; readonly line: number }[];
  /** Correlations: group-by field → value. */
  readonly group?: Readonly<Record<string, unknown>>;
}
