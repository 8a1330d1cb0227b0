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
import { checkFile, type FileProblem, type UnparsedFile } from './file-check.js';
import { ModelGraph } from './graph.js';
import { createLocator, type Locator } from './locator.js';
import { NotChecked } from './not-checked.js';
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
  /**
   * All diagnostics: first those of files that could not be parsed (with what they left
   * unchecked), then the others; each group sorted by file, line and column.
   */
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

interface Placed<T> {
  readonly value: T;
  readonly origin: Origin;
}

/** What the files give once merged: entities by section, their ids and where they were written. */
interface Merged {
  /** Every id written, valid entity or not (for duplicates and references). */
  readonly registry: Map<string, Registered>;
  readonly lists: Record<Section, Entity[]>;
  readonly accepted: Map<string, { entity: Entity; origin: Origin }>;
  organisation: Placed<Organisation> | undefined;
  organisationWritten: boolean;
  /** Files that could not be parsed, in the order given. */
  readonly unparsed: (UnparsedFile & { readonly file: string })[];
}

/** Codes of the diagnostics listed first: a file that cannot be parsed hides everything else. */
const PARSE_CODES: ReadonlySet<string> = new Set([
  'file-too-large',
  'yaml-syntax',
  'yaml-multiple-documents',
  'yaml-alias-bomb',
  'references-not-checked',
]);

/** Orders diagnostics: parse problems first, then the rest, each by file, line and column. */
function orderDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const parse = diagnostics.filter((d) => PARSE_CODES.has(d.code)).sort(compareDiagnostics);
  const rest = diagnostics.filter((d) => !PARSE_CODES.has(d.code)).sort(compareDiagnostics);
  return [...parse, ...rest];
}

/**
 * Loads a model from its files: parses each safely, validates every entity against the schema,
 * merges the files, resolves references and runs the semantic checks. Never throws on bad input:
 * every problem becomes a located diagnostic, and the valid part of the model is still returned.
 */
export function loadModel(sources: readonly ModelSource[], options: LoadOptions): LoadResult {
  const locators = new Map<string, Locator>();
  const reporter = new Reporter(options.t, locators);
  const merged = mergeSources(sources, options, reporter, locators);
  const notChecked = new NotChecked(merged.unparsed);
  checkReferences(reporter, merged, notChecked);
  for (const section of SECTION_NAMES) merged.lists[section].sort(byId);
  const model = deepFreeze({ organisation: merged.organisation?.value, ...merged.lists } as Model);
  const graph = new ModelGraph(model);
  runModelChecks(graph, reporter, merged, notChecked);
  notChecked.report(reporter);
  const diagnostics = orderDiagnostics([...(options.diagnostics ?? []), ...reporter.diagnostics]);
  const origins = new Map<string, Origin>();
  for (const [id, { origin }] of merged.accepted) origins.set(id, origin);
  if (merged.organisation !== undefined) origins.set('$organisation', merged.organisation.origin);
  return {
    locate: (id) => locate(origins.get(id), locators),
    model,
    graph,
    diagnostics,
    valid: !hasErrors(diagnostics),
    origins,
    files: sources.map((source) => source.file),
  };
}

/** Phase 1: each file checked on its own, then merged (one organisation, ids unique). */
function mergeSources(
  sources: readonly ModelSource[],
  options: LoadOptions,
  reporter: Reporter,
  locators: Map<string, Locator>,
): Merged {
  const limits = options.limits ?? DEFAULT_YAML_LIMITS;
  const merged: Merged = {
    registry: new Map(),
    lists: Object.fromEntries(SECTION_NAMES.map((s) => [s, [] as Entity[]])) as Record<
      Section,
      Entity[]
    >,
    accepted: new Map(),
    organisation: undefined,
    organisationWritten: false,
    unparsed: [],
  };
  for (const source of sources) {
    const { file } = source;
    const checked = checkFile(file, source.text, options.t, limits);
    locators.set(file, createLocator(source.text));
    reportFileProblems(reporter, file, checked.problems);
    if (checked.unparsed !== undefined) merged.unparsed.push({ file, ...checked.unparsed });
    if (checked.organisation !== undefined)
      mergeOrganisation(reporter, merged, file, checked.organisation);
    for (const { section, index, id, entity } of checked.entities)
      mergeEntity(reporter, merged, { file, section, index }, id, entity);
  }
  // an organisation written in a file that could not be parsed is not missing
  const organisationUnparsed = merged.unparsed.some((u) => u.hasOrganisation);
  if (!merged.organisationWritten && !organisationUnparsed && sources.length > 0) {
    reporter.atPosition(
      'missing-organisation',
      'error',
      options.root ?? sources[0]?.file ?? '',
      undefined,
      options.t('diag.missing-organisation'),
    );
  }
  return merged;
}

function reportFileProblems(
  reporter: Reporter,
  file: string,
  problems: readonly FileProblem[],
): void {
  for (const problem of problems) {
    if (problem.path === undefined) {
      reporter.atPosition(problem.code, 'error', file, problem.position, problem.message);
    } else {
      reporter.atPathMessage(problem.code, 'error', file, problem.path, problem.message, {
        atKey: problem.atKey === true,
        ...(problem.id === undefined ? {} : { id: problem.id }),
      });
    }
  }
}

/** The first organisation written wins (an invalid one leaves none); a second is an error. */
function mergeOrganisation(
  reporter: Reporter,
  merged: Merged,
  file: string,
  organisation: Organisation | null,
): void {
  const origin: Origin = { file, section: 'organisation', index: 0 };
  if (merged.organisationWritten) {
    reporter.atPath(
      'duplicate-organisation',
      'error',
      file,
      ['organisation'],
      'diag.duplicate-organisation',
      {
        other: merged.organisation === undefined ? '?' : reporter.where(merged.organisation.origin),
      },
      { atKey: true },
    );
  } else if (organisation !== null) {
    merged.organisation = { value: organisation, origin };
  }
  merged.organisationWritten = true;
}

/** Registers an entity's id (a repeated id is reported, the entity left out) and keeps it if valid. */
function mergeEntity(
  reporter: Reporter,
  merged: Merged,
  origin: Origin & { readonly section: Section },
  id: string | undefined,
  entity: Entity | undefined,
): void {
  if (id !== undefined) {
    const previous = merged.registry.get(id);
    if (previous !== undefined) {
      reporter.atEntity('duplicate-id', 'error', origin, id, ['id'], 'diag.duplicate-id', {
        id,
        other: reporter.where(previous.origin),
      });
      return;
    }
    merged.registry.set(id, { kind: SECTIONS[origin.section], origin });
  }
  if (entity !== undefined) {
    merged.lists[origin.section].push(entity);
    merged.accepted.set(entity.id, { entity, origin });
  }
}

/**
 * Checks whose hits name an id that no entity has, and the parameter holding it: when a file that
 * could not be parsed writes that id, the hit is a cascade of its syntax error, summed up there.
 */
const UNRESOLVED_ID_PARAMS: Readonly<Partial<Record<string, string>>> = {
  'decision-unknown-subject': 'subject',
};

/** Phase 3: the semantic checks, on the frozen model, located where each subject was written. */
function runModelChecks(
  graph: ModelGraph,
  reporter: Reporter,
  merged: Merged,
  notChecked: NotChecked,
): void {
  for (const check of MODEL_CHECKS) {
    const unresolved = UNRESOLVED_ID_PARAMS[check.id];
    for (const hit of check.run(graph)) {
      const named = unresolved === undefined ? undefined : hit.params[unresolved];
      if (typeof named === 'string' && notChecked.add(named)) continue;
      const isOrganisation = hit.entity === '$organisation';
      const origin = isOrganisation
        ? merged.organisation?.origin
        : merged.accepted.get(hit.entity)?.origin;
      if (origin === undefined) continue;
      const id = isOrganisation ? undefined : hit.entity;
      reporter.atEntity(check.id, check.severity, origin, id, hit.path, check.message, hit.params);
    }
  }
}

function locate(
  origin: Origin | undefined,
  locators: ReadonlyMap<string, Locator>,
): { readonly file: string; readonly line: number; readonly column: number } | undefined {
  const locator = origin === undefined ? undefined : locators.get(origin.file);
  if (origin === undefined || locator === undefined) return undefined;
  const path =
    origin.section === 'organisation' ? ['organisation'] : [origin.section, origin.index];
  return { file: origin.file, ...locator.valueAt(path) };
}

/** Distinct unknown references that get a "did you mean" (each is compared with every id). */
const MAX_SUGGESTED_REFERENCES = 300;

/**
 * The closest id of some kinds to an unknown one. The ids are grouped by kind on first use, and
 * the same unknown id (often written many times) is looked for once.
 */
function suggester(
  registry: ReadonlyMap<string, Registered>,
): (target: string, kinds: readonly EntityKind[]) => string | undefined {
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
  const found = new Map<string, string | undefined>();
  return (target, kinds) => {
    const key = `${target}\u0000${kinds.join()}`;
    // each suggestion compares with every id: past a few hundred distinct unknown references
    // (a renamed file, a wrong prefix everywhere) the message without one is as useful
    if (!found.has(key) && found.size < MAX_SUGGESTED_REFERENCES)
      found.set(key, closest(target, candidates(kinds)));
    return found.get(key);
  };
}

/** Phase 2: every reference names an entity of an expected kind (with a suggestion if not). */
function checkReferences(reporter: Reporter, merged: Merged, notChecked: NotChecked): void {
  const { registry, accepted, organisation } = merged;
  const { t } = reporter;
  const suggest = suggester(registry);
  const kindName = (kind: EntityKind): string => t(`kind.${kind}`);
  const check = (entity: unknown, origin: Origin, id: string | undefined): void => {
    forEachReference(entity, REFERENCE_FIELDS[origin.section], (ref) => {
      const target = registry.get(ref.target);
      if (target !== undefined && ref.kinds.includes(target.kind)) return;
      const expected = ref.kinds.map(kindName).join(t('word.or'));
      if (target === undefined) {
        if (notChecked.add(ref.target)) return;
        const suggestion = suggest(ref.target, ref.kinds);
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
