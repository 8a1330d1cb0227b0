import type { z } from 'zod';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../domain/diagnostic.js';
import { deepFreeze } from '../domain/freeze.js';
import {
  assetSchema,
  backupSchema,
  dataSchema,
  decisionSchema,
  flowSchema,
  ID_PATTERN,
  identitySchema,
  measureSchema,
  modelFileSchema,
  organisationSchema,
  processSchema,
  SECTION_NAMES,
  SECTIONS,
  siteSchema,
  zoneSchema,
  type Entity,
  type EntityKind,
  type Model,
  type Organisation,
  type Section,
} from '../domain/model/index.js';
import type { MessageKey, MessageParams, Translator } from '../i18n/index.js';
import { MODEL_CHECKS } from './checks/index.js';
import { ModelGraph } from './graph.js';
import type { DocPath, Locator } from './locator.js';
import { REFERENCE_FIELDS, referencesIn } from './references.js';
import { Reporter, type Origin } from './report.js';
import { schemaProblems, typeName } from './schema-diagnostics.js';
import { keysAt } from './schema-keys.js';
import { closest } from './suggest.js';
import {
  DEFAULT_YAML_LIMITS,
  parseYaml,
  type YamlLimits,
  type YamlProblem,
} from './yaml-source.js';

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
}

const ENTITY_SCHEMAS: Readonly<Record<Section, z.ZodType>> = {
  sites: siteSchema,
  zones: zoneSchema,
  assets: assetSchema,
  data: dataSchema,
  flows: flowSchema,
  identities: identitySchema,
  processes: processSchema,
  backups: backupSchema,
  measures: measureSchema,
  decisions: decisionSchema,
};

const TOP_LEVEL_KEYS = keysAt(modelFileSchema, []);

interface Registered {
  readonly kind: EntityKind;
  readonly origin: Origin;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function reportYamlProblem(reporter: Reporter, file: string, problem: YamlProblem): void {
  const { t } = reporter;
  switch (problem.code) {
    case 'file-too-large':
      reporter.atPosition(
        problem.code,
        'error',
        file,
        undefined,
        t('diag.file-too-large', {
          size: t.number(problem.size / 1_048_576, 1),
          limit: t.number(problem.limit / 1_048_576, 1),
        }),
      );
      break;
    case 'yaml-syntax':
      reporter.atPosition(
        problem.code,
        'error',
        file,
        problem.position,
        t('diag.yaml-syntax', { detail: problem.detail }),
      );
      break;
    case 'yaml-multiple-documents':
      reporter.atPosition(
        problem.code,
        'error',
        file,
        problem.position,
        t('diag.yaml-multiple-documents'),
      );
      break;
    case 'yaml-alias-bomb':
      reporter.atPosition(
        problem.code,
        'error',
        file,
        { line: 1, column: 1 },
        t('diag.yaml-alias-bomb', { limit: t.number(problem.limit) }),
      );
      break;
  }
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
  const lists: Record<Section, Entity[]> = {
    sites: [],
    zones: [],
    assets: [],
    data: [],
    flows: [],
    identities: [],
    processes: [],
    backups: [],
    measures: [],
    decisions: [],
  };
  const accepted = new Map<string, { entity: Entity; origin: Origin }>();
  let organisation: { value: Organisation; origin: Origin } | undefined;
  let organisationWritten = false;

  const at = (
    file: string,
    path: DocPath,
    key: MessageKey,
    params?: MessageParams,
    code?: string,
    atKey = false,
  ): void => {
    reporter.atPath(code ?? key.replace(/^diag\./, ''), 'error', file, path, key, params, {
      atKey,
    });
  };

  for (const { file, text } of sources) {
    const parsed = parseYaml(text, limits);
    locators.set(file, parsed.locator);
    for (const problem of parsed.problems) reportYamlProblem(reporter, file, problem);
    const root = parsed.value;
    if (root === undefined || root === null) continue;
    if (!isRecord(root)) {
      at(file, [], 'diag.not-a-mapping', { received: typeName(t, root) });
      continue;
    }
    for (const key of Object.keys(root)) {
      if (TOP_LEVEL_KEYS.includes(key)) continue;
      const suggestion = closest(key, TOP_LEVEL_KEYS);
      at(
        file,
        [key],
        'diag.schema-unknown-key',
        {
          key,
          hint: suggestion === undefined ? '' : t('hint.did-you-mean', { suggestion }),
        },
        'schema-unknown-key',
        true,
      );
    }

    if (root.organisation !== undefined) {
      organisationWritten = true;
      const origin: Origin = { file, section: 'organisation', index: 0 };
      const result = organisationSchema.safeParse(root.organisation);
      if (organisation !== undefined) {
        at(
          file,
          ['organisation'],
          'diag.duplicate-organisation',
          { other: reporter.where(organisation.origin) },
          'duplicate-organisation',
          true,
        );
      } else if (result.success) {
        organisation = { value: result.data, origin };
      } else {
        reportSchema(
          reporter,
          file,
          result.error.issues,
          root.organisation,
          ['organisation'],
          organisationSchema,
        );
      }
    }

    for (const section of SECTION_NAMES) {
      const list = root[section];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        at(
          file,
          [section],
          'diag.schema-type',
          { expected: t('type.list'), received: typeName(t, list) },
          'schema-type',
        );
        continue;
      }
      const schema = ENTITY_SCHEMAS[section];
      const kind = SECTIONS[section];
      list.forEach((raw: unknown, index) => {
        const origin: Origin = { file, section, index };
        const id =
          isRecord(raw) && typeof raw.id === 'string' && ID_PATTERN.test(raw.id)
            ? raw.id
            : undefined;
        if (id !== undefined) {
          const previous = registry.get(id);
          if (previous !== undefined) {
            reporter.atEntity('duplicate-id', 'error', origin, id, ['id'], 'diag.duplicate-id', {
              id,
              other: reporter.where(previous.origin),
            });
            return;
          }
          registry.set(id, { kind, origin });
        }
        const result = schema.safeParse(raw);
        if (result.success) {
          const entity = result.data as Entity;
          lists[section].push(entity);
          accepted.set(entity.id, { entity, origin });
        } else {
          reportSchema(reporter, file, result.error.issues, raw, [section, index], schema, id);
        }
      });
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

  const byId = (a: Entity, b: Entity): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const section of SECTION_NAMES) lists[section].sort(byId);
  const model = deepFreeze({ organisation: organisation?.value, ...lists } as unknown as Model);
  const graph = new ModelGraph(model);

  for (const check of MODEL_CHECKS) {
    for (const hit of check.run(graph)) {
      const origin =
        hit.entity === '$organisation' ? organisation?.origin : accepted.get(hit.entity)?.origin;
      if (origin === undefined) continue;
      reporter.atEntity(
        check.id,
        check.severity,
        origin,
        hit.entity === '$organisation' ? undefined : hit.entity,
        hit.path,
        check.message,
        hit.params,
      );
    }
  }

  const diagnostics = [...(options.diagnostics ?? []), ...reporter.diagnostics].sort(
    compareDiagnostics,
  );
  const origins = new Map<string, Origin>();
  for (const [id, { origin }] of accepted) origins.set(id, origin);
  return {
    model,
    graph,
    diagnostics,
    valid: !hasErrors(diagnostics),
    origins,
    files: sources.map((source) => source.file),
  };
}

function reportSchema(
  reporter: Reporter,
  file: string,
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  base: DocPath,
  schema: z.ZodType,
  id?: string,
): void {
  for (const problem of schemaProblems(reporter.t, issues, raw, base, (path) =>
    keysAt(schema, path),
  )) {
    reporter.atPath(problem.code, 'error', file, problem.path, problem.key, problem.params, {
      atKey: problem.atKey,
      ...(id === undefined ? {} : { id }),
    });
  }
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
    for (const ref of referencesIn(entity, REFERENCE_FIELDS[origin.section])) {
      const target = registry.get(ref.target);
      const expected = ref.kinds.map(kindName).join(t('word.or'));
      if (target === undefined) {
        const suggestion = closest(ref.target, candidates(ref.kinds));
        reporter.atEntity(
          'unknown-reference',
          'error',
          origin,
          id,
          ref.path,
          'diag.unknown-reference',
          {
            id: ref.target,
            expected,
            hint: suggestion === undefined ? '' : t('hint.did-you-mean', { suggestion }),
          },
        );
      } else if (!ref.kinds.includes(target.kind)) {
        reporter.atEntity(
          'wrong-reference-kind',
          'error',
          origin,
          id,
          ref.path,
          'diag.wrong-reference-kind',
          {
            id: ref.target,
            actual: kindName(target.kind),
            expected,
          },
        );
      }
    }
  };
  if (organisation !== undefined) check(organisation.value, organisation.origin, undefined);
  for (const [id, { entity, origin }] of accepted) check(entity, origin, id);
}
