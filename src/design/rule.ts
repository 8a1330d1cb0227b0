import type { Model, NeedCriterion } from '../domain/model/index.js';
import type { ModelGraph } from '../model/graph.js';
import type { ModelAnalyses } from './analyses/index.js';
import type { NeedsAnalysis } from './needs.js';
import type { LocalizedText } from './text.js';

/** The families rules are grouped in (the list, in the order reports show them). */
export const RULE_FAMILIES = [
  'internet-exposure',
  'segmentation',
  'flows-encryption',
  'administration',
  'identities',
  'obsolescence',
  'logging',
  'backups-resilience',
  'it-ot',
  'third-party',
  'mail',
  'wifi',
  'cloud',
  'governance',
] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/** 1 (unlikely) to 4 (very likely, or easy to exploit). */
export type Level = 1 | 2 | 3 | 4;

/**
 * Where a rule comes from. ANSSI references are `guide:id`: `hygiene:19` (guide d'hygiène,
 * measure 19), `admin:R9` (administration sécurisée), `interco:R12` (interconnexion Internet),
 * `logging:R5` (journalisation).
 */
export interface RuleReferences {
  readonly anssi: readonly string[];
  readonly iso27002?: readonly string[];
  readonly cwe?: readonly string[];
  /** MITRE ATT&CK technique (T…) or mitigation (M…) ids. */
  readonly attack?: readonly string[];
}

/** Everything a user reads about a rule: it is documentation, in both languages. */
export interface RuleMetadata {
  /** Kebab-case, stable: findings are `id@subject` and risk decisions refer to them. */
  readonly id: string;
  readonly family: RuleFamily;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly rationale: LocalizedText;
  readonly remediation: LocalizedText;
  readonly falsePositives?: LocalizedText;
  /** How likely the weakness is to be exploited when present. */
  readonly likelihood: Level;
  /** DICP criteria at stake: the impact is the highest need of the subjects on these. */
  readonly impact: readonly NeedCriterion[];
  readonly references: RuleReferences;
}

/** What a rule evaluates: the resolved model, its graph and the propagated needs. */
export interface RuleContext {
  readonly model: Model;
  readonly graph: ModelGraph;
  readonly needs: NeedsAnalysis;
  /** Analyses shared with documents (Internet exposure, backup coverage), computed on first use. */
  readonly analyses: ModelAnalyses;
  /** Today's date (ISO), injected so that results are reproducible. */
  readonly today: string;
}

/** One occurrence of a weakness. */
export interface RuleHit {
  /** The entity the finding is about: the finding id is `ruleId@subject`. */
  readonly subject: string;
  /** Other entities involved (the subject is added first automatically). */
  readonly related?: readonly string[];
  /** What was found, specifically, in both languages. */
  readonly detail: LocalizedText;
  /** Overrides the rule's likelihood for this occurrence. */
  readonly likelihood?: Level;
  /** Overrides the impact derived from needs (e.g. for entities without business value). */
  readonly impact?: Level;
  /**
   * The entity this occurrence is one facet of (a flow, an identity, an exposed asset), when it
   * is not the subject: findings with the same root cause are shown as one (root-causes.ts).
   */
  readonly rootCause?: string;
}

/** A built-in or custom architecture rule: metadata plus a pure `evaluate`. */
export interface Rule extends RuleMetadata {
  evaluate(context: RuleContext): readonly RuleHit[];
}

export const hit = (
  subject: string,
  detail: LocalizedText,
  options: Omit<RuleHit, 'subject' | 'detail'> = {},
): RuleHit => ({ subject, detail, ...options });
