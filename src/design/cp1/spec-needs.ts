import { durationMinutes } from '../../domain/duration.js';
import {
  NEED_CRITERIA,
  SPECIAL_PERSONAL_DATA,
  type NeedCriterion,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import type { NeedsAnalysis } from '../needs.js';
import { text, type LocalizedText } from '../text.js';
import type { Spec } from './spec.js';

/** One need of the specified system: its level and what sets it. */
export interface SpecNeed {
  readonly level: number;
  /** Id of the spec element or model entity the level comes from. */
  readonly source: string | undefined;
  readonly origin: 'spec' | 'model' | undefined;
  readonly why: LocalizedText | undefined;
}

export type SpecNeeds = Readonly<Record<NeedCriterion, SpecNeed>>;

const CLASSIFICATION_LEVEL: Readonly<Record<string, number>> = {
  public: 1,
  internal: 2,
  restricted: 3,
  confidential: 3,
  secret: 4,
};

const CLASSIFICATION_FR: Readonly<Record<string, string>> = {
  public: 'publique',
  internal: 'interne',
  restricted: 'restreinte',
  confidential: 'confidentielle',
  secret: 'secrète',
};

/** Availability level from an RTO: ≤ 4 h → 4, ≤ 1 d → 3, ≤ 1 w → 2, longer → 1. */
export function availabilityFromRto(rto: string): number {
  const minutes = durationMinutes(rto);
  if (Number.isNaN(minutes)) return 0;
  if (minutes <= 240) return 4;
  if (minutes <= 1440) return 3;
  return minutes <= 10_080 ? 2 : 1;
}

class NeedsBuilder {
  readonly #needs = new Map<NeedCriterion, SpecNeed>();

  raise(
    criterion: NeedCriterion,
    level: number,
    source: string,
    origin: 'spec' | 'model',
    why: LocalizedText,
  ): void {
    const current = this.#needs.get(criterion);
    if (level > 0 && (current === undefined || level > current.level))
      this.#needs.set(criterion, { level, source, origin, why });
  }

  build(): SpecNeeds {
    const empty: SpecNeed = { level: 0, source: undefined, origin: undefined, why: undefined };
    return {
      availability: this.#needs.get('availability') ?? empty,
      integrity: this.#needs.get('integrity') ?? empty,
      confidentiality: this.#needs.get('confidentiality') ?? empty,
      proof: this.#needs.get('proof') ?? empty,
    };
  }
}

function fromSpecData(spec: Spec, needs: NeedsBuilder): void {
  const special: readonly string[] = [...SPECIAL_PERSONAL_DATA, 'criminal'];
  for (const data of spec.data ?? []) {
    for (const criterion of NEED_CRITERIA) {
      const level = data.needs?.[criterion];
      if (level !== undefined)
        needs.raise(
          criterion,
          level,
          data.id,
          'spec',
          text('declared in the spec', 'déclaré dans la spécification'),
        );
    }
    if (data.classification !== undefined) {
      needs.raise(
        'confidentiality',
        CLASSIFICATION_LEVEL[data.classification] ?? 0,
        data.id,
        'spec',
        text(
          `classification ${data.classification}`,
          `classification ${CLASSIFICATION_FR[data.classification] ?? data.classification}`,
        ),
      );
    }
    const categories = data.personal?.categories ?? [];
    if (categories.length > 0) {
      const sensitive = categories.some((c) => special.includes(c));
      needs.raise(
        'confidentiality',
        sensitive ? 3 : 2,
        data.id,
        'spec',
        sensitive
          ? text(
              'sensitive personal data (GDPR art. 9/10)',
              'données personnelles sensibles (RGPD art. 9/10)',
            )
          : text('personal data', 'données personnelles'),
      );
    }
  }
}

function fromAvailability(spec: Spec, needs: NeedsBuilder): void {
  const availability = spec.availability;
  if (availability?.rto !== undefined) {
    needs.raise(
      'availability',
      availabilityFromRto(availability.rto),
      spec.id,
      'spec',
      text(`RTO of ${availability.rto}`, `RTO de ${availability.rto}`),
    );
  }
  if (availability?.hours === '24/7') {
    needs.raise(
      'availability',
      3,
      spec.id,
      'spec',
      text('expected 24/7', 'attendu 24 h/24, 7 j/7'),
    );
  }
}

function fromModel(
  spec: Spec,
  graph: ModelGraph,
  analysis: NeedsAnalysis,
  needs: NeedsBuilder,
): void {
  const inherit = (
    id: string,
    criteria: readonly NeedCriterion[],
    why: (name: string) => LocalizedText,
  ): void => {
    if (graph.get(id) === undefined) return;
    const entity = graph.get(id)?.entity;
    const name =
      entity !== undefined && 'name' in entity && entity.name !== undefined ? entity.name : id;
    const of = analysis.of(id);
    for (const criterion of criteria)
      needs.raise(criterion, of[criterion].level, id, 'model', why(name));
  };
  for (const process of spec.processes ?? [])
    inherit(process, NEED_CRITERIA, (n) =>
      text(`serves the process “${n}”`, `sert le processus « ${n} »`),
    );
  for (const data of spec.data ?? [])
    if (data.ref !== undefined)
      inherit(data.ref, NEED_CRITERIA, (n) =>
        text(`holds the model data “${n}”`, `contient les données « ${n} » du modèle`),
      );
  for (const link of spec.interconnections ?? [])
    for (const data of link.data ?? [])
      inherit(data, ['integrity', 'confidentiality', 'proof'], (n) =>
        text(`exchanges the model data “${n}”`, `échange les données « ${n} » du modèle`),
      );
}

/**
 * Needs of the specified system: from its data (declared needs, classification, personal
 * categories) and availability expectations, raised to the model's levels for the processes it
 * serves and the model data it holds or exchanges.
 */
export function specNeeds(
  spec: Spec,
  model?: { graph: ModelGraph; needs: NeedsAnalysis },
): SpecNeeds {
  const needs = new NeedsBuilder();
  fromSpecData(spec, needs);
  fromAvailability(spec, needs);
  if (model !== undefined) fromModel(spec, model.graph, model.needs, needs);
  return needs.build();
}
