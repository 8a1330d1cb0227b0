import type { EntityKind } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import type { DocPath } from '../../model/locator.js';
import type { Spec } from './spec.js';

/** A reference of a spec to a model entity that the model does not have. */
export interface UnresolvedReference {
  /** Where it is written in the spec file. */
  readonly path: DocPath;
  readonly id: string;
  /** Kinds of entity that would be accepted there. */
  readonly expected: readonly EntityKind[];
}

interface Reference {
  readonly path: DocPath;
  readonly id: string;
  readonly expected: readonly EntityKind[];
}

/** Every reference a spec makes to model entities (spec-local data ids excluded). */
export function specReferences(spec: Spec): Reference[] {
  const refs: Reference[] = [];
  const add = (path: DocPath, id: string | undefined, expected: readonly EntityKind[]): void => {
    if (id !== undefined) refs.push({ path, id, expected });
  };
  add(['owner'], spec.owner, ['identity']);
  (spec.processes ?? []).forEach((id, i) => {
    add(['processes', i], id, ['process']);
  });
  (spec.users ?? []).forEach((user, i) => {
    (user.zones ?? []).forEach((id, j) => {
      add(['users', i, 'zones', j], id, ['zone']);
    });
  });
  (spec.data ?? []).forEach((data, i) => {
    add(['data', i, 'ref'], data.ref, ['data']);
  });
  add(['hosting', 'zone'], spec.hosting?.zone, ['zone']);
  add(['hosting', 'site'], spec.hosting?.site, ['site']);
  const local = new Set((spec.data ?? []).map((d) => d.id));
  (spec.interconnections ?? []).forEach((link, i) => {
    add(['interconnections', i, 'with'], link.with, ['asset', 'zone', 'process']);
    (link.data ?? []).forEach((id, j) => {
      if (!local.has(id)) add(['interconnections', i, 'data', j], id, ['data']);
    });
  });
  (spec.administration?.from ?? []).forEach((id, j) => {
    add(['administration', 'from', j], id, ['zone', 'asset']);
  });
  return refs;
}

/** The references of a spec that the model cannot resolve (missing, or of another kind). */
export function unresolvedReferences(spec: Spec, graph: ModelGraph): UnresolvedReference[] {
  return specReferences(spec).filter((ref) => {
    const kind = graph.kindOf(ref.id);
    return kind === undefined || !ref.expected.includes(kind);
  });
}
