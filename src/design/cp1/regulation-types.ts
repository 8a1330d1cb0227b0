import type { Asset, DataSet, Organisation } from '../../domain/model/index.js';
import { text, type LocalizedText } from '../text.js';

export const REGULATION_IDS = ['gdpr', 'gdpr-dpia', 'nis2', 'hds', 'pci-dss', 'lpm-oiv'] as const;
export type RegulationId = (typeof REGULATION_IDS)[number];

export type Applicability = 'yes' | 'likely' | 'no';

/** Why a regulation applies or not, with the entities that triggered the reason. */
export interface RegulationReason {
  readonly text: LocalizedText;
  readonly entities: readonly string[];
}

/** What a regulation implies, with its deadline when it has one (e.g. `72h`). */
export interface Obligation {
  readonly text: LocalizedText;
  readonly deadline?: string;
  readonly reference: string;
}

export interface RegulationAssessment {
  readonly id: RegulationId;
  readonly name: LocalizedText;
  readonly applies: Applicability;
  /** Role or category, e.g. `controller`, `important`, `to-confirm`. */
  readonly qualifier?: string;
  readonly reasons: readonly RegulationReason[];
  /** What the regulation implies; empty when it does not apply. */
  readonly obligations: readonly Obligation[];
}

/** What the regulations are decided from: the organisation profile, its data and assets. */
export interface RegulationInput {
  readonly organisation: Organisation | undefined;
  readonly data: readonly DataSet[];
  readonly assets: readonly Asset[];
}

export const reason = (entities: readonly string[], en: string, fr: string): RegulationReason => ({
  text: text(en, fr),
  entities,
});

export const obligation = (
  reference: string,
  en: string,
  fr: string,
  deadline?: string,
): Obligation => ({
  text: text(en, fr),
  reference,
  ...(deadline === undefined ? {} : { deadline }),
});

/** The organisation's id for reasons, or `organisation` when it has none. */
export const organisationRef = (organisation: Organisation | undefined): string =>
  organisation?.id ?? 'organisation';
