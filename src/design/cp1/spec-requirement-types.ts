import { text, type LocalizedText } from '../text.js';
import type { RegulationAssessment } from './regulation-types.js';
import type { Spec } from './spec.js';
import type { SpecNeeds } from './spec-needs.js';

/** A security requirement derived from a spec, with a stable id `REQ-<spec>-NN`. */
export interface Requirement {
  readonly id: string;
  readonly text: LocalizedText;
  readonly rationale: LocalizedText;
  /** ANSSI (`hygiene:N`, `admin:RN`, `interco:RN`, `logging:RN`) and ISO 27002 references. */
  readonly references: { readonly anssi: readonly string[]; readonly iso27002: readonly string[] };
  /** What in the spec called for it. */
  readonly trigger: { readonly entities: readonly string[]; readonly text: LocalizedText };
}

export interface RequirementContext {
  readonly spec: Spec;
  readonly needs: SpecNeeds;
  readonly regulations: readonly RegulationAssessment[];
}

export type Trigger = Requirement['trigger'] | undefined;

/** One entry of the catalogue: its fixed number keeps ids stable when others come and go. */
export interface RequirementTemplate {
  readonly number: number;
  readonly text: LocalizedText;
  readonly rationale: LocalizedText;
  readonly anssi: readonly string[];
  readonly iso27002: readonly string[];
  readonly when: (context: RequirementContext) => Trigger;
}

export const trigger = (entities: readonly string[], en: string, fr: string): Trigger => ({
  entities,
  text: text(en, fr),
});

export const externalUsers = (spec: Spec): string[] =>
  (spec.users ?? [])
    .filter((u) => u.type === 'external' || u.from.includes('internet'))
    .map((u) => u.id);
export const personalData = (spec: Spec): string[] =>
  (spec.data ?? []).filter((d) => d.personal !== undefined).map((d) => d.id);
export const isHosted = (spec: Spec): boolean =>
  spec.hosting?.kind === 'cloud' || spec.hosting?.kind === 'saas';
export const appliesTo = (context: RequirementContext, id: string): boolean =>
  context.regulations.some((r) => r.id === id && r.applies !== 'no');
