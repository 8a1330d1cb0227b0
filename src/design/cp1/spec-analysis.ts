import type { Asset, DataSet } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { analyseNeeds } from '../needs.js';
import type { RegulationAssessment } from './regulation-types.js';
import { assessRegulations } from './regulations.js';
import type { Spec } from './spec.js';
import { specNeeds, type SpecNeeds } from './spec-needs.js';
import { openQuestions, type OpenQuestion } from './spec-questions.js';
import { unresolvedReferences, type UnresolvedReference } from './spec-references.js';
import { deriveRequirements, type Requirement } from './spec-requirements.js';

/** Everything a reviewer gets from a spec. */
export interface SpecAnalysis {
  readonly spec: Spec;
  /** True when analysed against a model. */
  readonly withModel: boolean;
  readonly needs: SpecNeeds;
  readonly regulations: readonly RegulationAssessment[];
  readonly requirements: readonly Requirement[];
  readonly questions: readonly OpenQuestion[];
  /** References to model entities the model does not have (empty without a model). */
  readonly unresolved: readonly UnresolvedReference[];
}

/** The specified system as an asset, so regulations see where its data lives. */
function specAsset(spec: Spec): Asset {
  const kind =
    spec.hosting?.kind === 'saas'
      ? 'saas'
      : spec.hosting?.kind === 'cloud'
        ? 'cloud-service'
        : 'application';
  return {
    id: spec.id,
    name: spec.title,
    kind,
    ...(spec.hosting?.provider === undefined ? {} : { provider: spec.hosting.provider }),
    ...(spec.hosting?.country === undefined ? {} : { dataLocation: spec.hosting.country }),
  };
}

/** The spec's data as data sets stored on the specified system. */
function specDataSets(spec: Spec): DataSet[] {
  return (spec.data ?? []).map((data) => ({
    id: data.id,
    name: data.name,
    ...(data.classification === undefined ? {} : { classification: data.classification }),
    ...(data.personal === undefined ? {} : { personal: data.personal }),
    ...(data.needs === undefined ? {} : { needs: data.needs }),
    ...(data.retention === undefined ? {} : { retention: data.retention }),
    storedOn: [spec.id],
  }));
}

/**
 * Analyses a spec on its own or against a model: needs (raised to the model's for what it
 * serves or exchanges), regulations (the model's profile and data plus the spec's), derived
 * requirements and open questions.
 */
export function analyseSpec(spec: Spec, graph?: ModelGraph): SpecAnalysis {
  const model = graph === undefined ? undefined : { graph, needs: analyseNeeds(graph) };
  const needs = specNeeds(spec, model);
  const regulations = assessRegulations({
    organisation: graph?.model.organisation,
    data: [...(graph?.model.data ?? []), ...specDataSets(spec)],
    assets: [...(graph?.model.assets ?? []), specAsset(spec)],
  });
  return {
    spec,
    withModel: graph !== undefined,
    needs,
    regulations,
    requirements: deriveRequirements({ spec, needs, regulations }),
    questions: openQuestions(spec),
    unresolved: graph === undefined ? [] : unresolvedReferences(spec, graph),
  };
}
