import { byId } from '../domain/compare.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../domain/diagnostic.js';
import { deepFreeze } from '../domain/freeze.js';
import {
  SECTION_NAMES,
  SECTIONS,
  type Entity,
  type EntityKind,
  type Model,
  type Organisation,
  type Section,
} from '../domain/model/index.js';
import type { Translator } from '../i18n/index.js';
import { MODEL_CHECKS } from './checks/index.js';
import { checkFile } from './file-check.js';
import { ModelGraph } from './graph.js';
import { createLocator, type Locator } from './locator.js';
import { forEachReference, REFERENCE_FIELDS } from './references.js';
import { Reporter, type Origin } from './report.js';
import { closest } from './suggest.js';
import { DEFAULT_YAML_LIMITS, type YamlLimits } from './yaml-source.js';

/** One model file's text and the name diagnostics should use for it. */
export interface ModelSource {
  readonly file: string;
  readonly text: string;
}

export interface LoadOptions {
  readonly t: Translator;
  readonly limits?: YamlLimits;
  /** Name used for model-level diagnostics (e.g. the directory given by the user). */
  readonly root?: string;
  /** Diagnostics produced before parsing (unreadable files…), merged into the result. */
  readonly diagnostics?: readonly Diagnostic[];
}

export interface LoadResult {
  /** The entities that passed validation, sorted by id and frozen. */
  readonly model: Model;
  readonly graph: ModelGraph;
  /** All diagnostics, sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when no diagnostic is an error. */
  readonly valid: boolean;
  /** Where each entity was written. */
  readonly origins: ReadonlyMap<string, Origin>;
  readonly files: readonly string[];
  /** File, line and column where an entity (or the organisation, `$organisation`) is written. */
  locate(
    id: string,
  ): { readonly file: string; readonly line: number; readonly column: number } | undefined;
}

interface Registered {
  readonly kind: EntityKind;
  readonly origin: Origin;
}

/**
 * Loads a model from its files: parses each safely, validates every entity against the schema,
 * merges the files, resolves references and runs the semantic checks. Never throws on bad input:
 * every problem becomes a located diagnostic, and the valid part of the model is still returned.
 */
export function loadModel(sources: readonly ModelSource[], options: LoadOptions): LoadResult {
  const { t } = options;
  const limits = options.limits ?? DEFAULT_YAML_LIMITS;
  const locators = new Map<string, Locator>();
  const reporter = new Reporter(t, locators);
  const registry = new Map<string, Registered>();
  const lists = Object.fromEntries(SECTION_NAMES.map((s) => [s, [] as Entity[]])) as Record<
    Section,
    Entity[]
  >;
  const accepted = new Map<string, { entity: Entity; origin: Origin }>();
  let organisation: { value: Organisation; origin: Origin } | undefined;
  let organisationWritten = false;

  for (const source of sources) {
    const { file } = source;
    const checked = checkFile(file, source.text, t, limits);
    locators.set(file, createLocator(source.text));
    for (const problem of checked.problems) {
      if (problem.path === undefined) {
        reporter.atPosition(problem.code, 'error', file, problem.position, problem.message);
      } else {
        reporter.atPathMessage(problem.code, 'error', file, problem.path, problem.message, {
          atKey: problem.atKey === true,
          ...(problem.id === undefined ? {} : { id: problem.id }),
        });
      }
    }
    if (checked.organisation !== undefined) {
      const origin: Origin = { file, section: 'organisation', index: 0 };
      if (organisationWritten) {
        reporter.atPath(
          'duplicate-organisation',
          'error',
          file,
          ['organisation'],
          'diag.duplicate-organisation',
          { other: organisation === undefined ? '?' : reporter.where(organisation.origin) },
          { atKey: true },
        );
      } else if (checked.organisation !== null) {
        organisation = { value: checked.organisation, origin };
      }
      organisationWritten = true;
    }
    for (const { section, index, id, entity } of checked.entities) {
      const origin: Origin = { file, section, index };
      if (id !== undefined) {
        const previous = registry.get(id);
        if (previous !== undefined) {
          reporter.atEntity('duplicate-id', 'error', origin, id, ['id'], 'diag.duplicate-id', {
            id,
            other: reporter.where(previous.origin),
          });
          continue;
        }
        registry.set(id, { kind: SECTIONS[section], origin });
      }
      if (entity !== undefined) {
        lists[section].push(entity);
        accepted.set(entity.id, { entity, origin });
      }
    }
  }

  if (!organisationWritten && sources.length > 0) {
    reporter.atPosition(
      'missing-organisation',
      'error',
      options.root ?? sources[0]?.file ?? '',
      undefined,
      t('diag.missing-organisation'),
    );
  }

  checkReferences(reporter, registry, accepted, organisation);

  for (const section of SECTION_NAMES) lists[section].sort(byId);
  const model = deepFreeze({ organisation: organisation?.value, ...lists } as Model);
  const graph = new ModelGraph(model);

  for (const check of MODEL_CHECKS) {
    for (const hit of check.run(graph)) {
      const isOrganisation = hit.entity === '$organisation';
      const origin = isOrganisation ? organisation?.origin : accepted.get(hit.entity)?.origin;
      if (origin === undefined) continue;
      const id = isOrganisation ? undefined : hit.entity;
      reporter.atEntity(check.id, check.severity, origin, id, hit.path, check.message, hit.params);
    }
  }

  const diagnostics = [...(options.diagnostics ?? []), ...reporter.diagnostics].sort(
    compareDiagnostics,
  );
  const origins = new Map<string, Origin>();
  for (const [id, { origin }] of accepted) origins.set(id, origin);
  if (organisation !== undefined) origins.set('$organisation', organisation.origin);
  return {
    locate(id) {
      const origin = origins.get(id);
      const locator = origin === undefined ? undefined : locators.get(origin.file);
      if (origin === undefined || locator === undefined) return undefined;
      const path =
        origin.section === 'organisation' ? ['organisation'] : [origin.section, origin.index];
      return { file: origin.file, ...locator.valueAt(path) };
    },
    model,
    graph,
    diagnostics,
    valid: !hasErrors(diagnostics),
    origins,
    files: sources.map((source) => source.file),
  };
}

function checkReferences(
  reporter: Reporter,
  registry: ReadonlyMap<string, Registered>,
  accepted: ReadonlyMap<string, { entity: Entity; origin: Origin }>,
  organisation: { value: Organisation; origin: Origin } | undefined,
): void {
  const { t } = reporter;
  let idsByKind: Map<EntityKind, string[]> | undefined;
  const candidates = (kinds: readonly EntityKind[]): string[] => {
    if (idsByKind === undefined) {
      idsByKind = new Map();
      for (const [id, { kind }] of registry) {
        const list = idsByKind.get(kind);
        if (list === undefined) idsByKind.set(kind, [id]);
        else list.push(id);
      }
    }
    return kinds.flatMap((kind) => idsByKind?.get(kind) ?? []);
  };
  const kindName = (kind: EntityKind): string => t(`kind.${kind}`);
  const check = (entity: unknown, origin: Origin, id: string | undefined): void => {
    forEachReference(entity, REFERENCE_FIELDS[origin.section], (ref) => {
      const target = registry.get(ref.target);
      if (target !== undefined && ref.kinds.includes(target.kind)) return;
      const expected = ref.kinds.map(kindName).join(t('word.or'));
      if (target === undefined) {
        const suggestion = closest(ref.target, candidates(ref.kinds));
        reporter.atEntity(
          'unknown-reference',
          'error',
          origin,
          id,
          ref.path(),
          'diag.unknown-reference',
          {
            id: ref.target,
            expected,
            hint: suggestion === undefined ? '' : t('hint.did-you-mean', { suggestion }),
          },
        );
      } else {
        reporter.atEntity(
          'wrong-reference-kind',
          'error',
          origin,
          id,
          ref.path(),
          'diag.wrong-reference-kind',
          { id: ref.target, actual: kindName(target.kind), expected },
        );
      }
    });
  };
  if (organisation !== undefined) check(organisation.value, organisation.origin, undefined);
  for (const [id, { entity, origin }] of accepted) check(entity, origin, id);
}
