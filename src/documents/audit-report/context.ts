/** What every section of the audit report reads: the input, the language, a translator. */
import type { AuditFinding, AuditResults, Severity } from '../../audit/types.js';
import type { LocalizedText } from '../../design/text.js';
import type { DocumentLocale } from '../model.js';

/** One action of the plan as the report shows it (the platform's stored item, or the computed one). */
export interface AuditReportAction {
  readonly id: string;
  readonly title: LocalizedText;
  readonly severity: Severity;
  readonly findings: readonly string[];
  readonly owner: string | null;
  readonly due: string | null;
  readonly status: 'open' | 'in-progress' | 'done' | 'accepted';
}

export interface AuditComparison {
  readonly added: readonly AuditFinding[];
  readonly fixed: readonly AuditFinding[];
  readonly persisting: readonly AuditFinding[];
}

export interface AuditReportInput {
  readonly results: AuditResults;
  readonly locale: DocumentLocale;
  /** The previous campaign compared with this one, when there is one. */
  readonly previous?: { readonly results: AuditResults; readonly comparison: AuditComparison };
  readonly plan?: readonly AuditReportAction[];
  /** Names of model entities (assets, identities) by id, to show names beside ids. */
  readonly names?: ReadonlyMap<string, string>;
}

export interface AuditReportContext {
  readonly input: AuditReportInput;
  readonly locale: DocumentLocale;
  readonly fr: boolean;
  t(value: LocalizedText): string;
  /** `name (id)` when the id has a name, else the id. */
  nameOf(id: string): string;
}

export function createContext(input: AuditReportInput): AuditReportContext {
  const locale = input.locale;
  return {
    input,
    locale,
    fr: locale === 'fr',
    t: (value) => value[locale],
    nameOf: (id) => {
      const name = input.names?.get(id);
      return name === undefined || name === id ? id : `${name} (${id})`;
    },
  };
}
