import { compareDiagnostics, type Diagnostic } from '../../domain/diagnostic.js';
import type { Translator } from '../../i18n/index.js';
import type { ModelGraph } from '../../model/graph.js';
import type { DocPath } from '../../model/locator.js';
import { Reporter } from '../../model/report.js';
import { schemaProblems, typeName } from '../../model/schema-diagnostics.js';
import { keysAt } from '../../model/schema-keys.js';
import { parseYaml, type YamlProblem } from '../../model/yaml-source.js';
import { text, type LocalizedText } from '../text.js';
import { specSchema, type Spec } from './spec.js';
import { unresolvedReferences } from './spec-references.js';

/** What parsing a spec file yields: the spec when valid, and every problem, located. */
export interface ParsedSpec {
  readonly spec: Spec | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const KIND_NAMES: Readonly<Record<string, LocalizedText>> = {
  asset: text('asset', 'actif'),
  zone: text('zone', 'zone'),
  process: text('process', 'processus'),
  data: text('data set', 'jeu de données'),
  identity: text('identity', 'identité'),
  site: text('site', 'site'),
};

function yamlMessage(t: Translator, problem: YamlProblem): string {
  switch (problem.code) {
    case 'file-too-large':
      return t('diag.file-too-large', {
        size: t.number(problem.size / 1_048_576, 1),
        limit: t.number(problem.limit / 1_048_576, 1),
      });
    case 'yaml-syntax':
      return t('diag.yaml-syntax', { detail: problem.detail });
    case 'yaml-multiple-documents':
      return t('diag.yaml-multiple-documents');
    case 'yaml-alias-bomb':
      return t('diag.yaml-alias-bomb', { limit: t.number(problem.limit) });
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks the schema cannot express: duplicate ids, interconnections without a target. */
function semanticChecks(
  spec: Spec,
  report: (path: DocPath, code: string, m: LocalizedText) => void,
): void {
  const seen = new Map<string, string>();
  const lists = [
    ['users', spec.users ?? []],
    ['data', spec.data ?? []],
    ['interconnections', spec.interconnections ?? []],
  ] as const;
  for (const [section, items] of lists) {
    items.forEach((item, index) => {
      const where = `${section}[${index}]`;
      const other = seen.get(item.id);
      if (other !== undefined) {
        report(
          [section, index, 'id'],
          'spec-duplicate-id',
          text(
            `The id "${item.id}" is already used at ${other}; ids are unique in a spec.`,
            `L’identifiant « ${item.id} » est déjà utilisé en ${other} ; les identifiants sont uniques dans une spécification.`,
          ),
        );
      } else seen.set(item.id, where);
    });
  }
  (spec.interconnections ?? []).forEach((link, index) => {
    if (link.with === undefined && link.partner === undefined) {
      report(
        ['interconnections', index],
        'spec-interconnection-target',
        text(
          `Interconnection "${link.id}" names neither \`with\` (a model entity) nor \`partner\`.`,
          `L’interconnexion « ${link.id} » n’indique ni \`with\` (une entité du modèle) ni \`partner\`.`,
        ),
      );
    }
  });
}

/**
 * Parses a spec file safely (the model loader's YAML parsing and limits) and validates it; with
 * a graph, references to model entities are checked too. Never throws: every problem is a
 * located diagnostic in the translator's language.
 */
export function parseSpec(
  source: string,
  file: string,
  t: Translator,
  options: { readonly graph?: ModelGraph } = {},
): ParsedSpec {
  const parsed = parseYaml(source);
  const reporter = new Reporter(t, new Map([[file, parsed.locator]]));
  const localized = (path: DocPath, code: string, message: LocalizedText, atKey = false): void => {
    reporter.atPathMessage(code, 'error', file, path, message[t.locale], { atKey });
  };
  const done = (spec: Spec | undefined): ParsedSpec => ({
    spec,
    diagnostics: [...reporter.diagnostics].sort(compareDiagnostics),
  });
  for (const problem of parsed.problems) {
    const position = 'position' in problem ? problem.position : undefined;
    reporter.atPosition(problem.code, 'error', file, position, yamlMessage(t, problem));
  }
  if (parsed.problems.length > 0) return done(undefined);
  const root = parsed.value;
  if (root === undefined || root === null) {
    localized(
      [],
      'spec-empty',
      text('The spec file is empty.', 'Le fichier de spécification est vide.'),
    );
    return done(undefined);
  }
  if (!isRecord(root)) {
    reporter.atPath('not-a-mapping', 'error', file, [], 'diag.not-a-mapping', {
      received: typeName(t, root),
    });
    return done(undefined);
  }
  const result = specSchema.safeParse(root);
  if (!result.success) {
    const problems = schemaProblems(t, result.error.issues, root, [], (path) =>
      keysAt(specSchema, path),
    );
    for (const p of problems) {
      reporter.atPathMessage(p.code, 'error', file, p.path, t(p.key, p.params), { atKey: p.atKey });
    }
    return done(undefined);
  }
  const spec = result.data;
  semanticChecks(spec, (path, code, message) => {
    localized(path, code, message);
  });
  if (options.graph !== undefined) {
    for (const ref of unresolvedReferences(spec, options.graph)) {
      const expected = ref.expected.map((k) => KIND_NAMES[k] ?? text(k, k));
      localized(
        ref.path,
        'unknown-reference',
        text(
          `Unknown reference "${ref.id}": the model has no ${expected.map((e) => e.en).join(' or ')} with this id.`,
          `Référence inconnue « ${ref.id} » : le modèle n’a aucun(e) ${expected.map((e) => e.fr).join(' ou ')} portant cet identifiant.`,
        ),
      );
    }
  }
  // semantic and reference problems leave the spec usable: the caller decides on errors
  return done(spec);
}
