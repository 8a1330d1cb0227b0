import { compareDiagnostics, type Diagnostic } from '../../domain/diagnostic.js';
import type { Asset, ModelFile, Zone } from '../../domain/model/index.js';
import type { Translator } from '../../i18n/index.js';
import type { DocPath } from '../../model/locator.js';
import { schemaProblems } from '../../model/schema-diagnostics.js';
import { keysAt } from '../../model/schema-keys.js';
import { parseYaml, type YamlProblem } from '../../model/yaml-source.js';
import {
  convertRuntimes,
  convertTechnicalAssets,
  TECHNICAL_ASSET_FIELDS_USED,
  type LinkEntry,
} from './assets.js';
import { ImportContext } from './context.js';
import { convertDataAssets, DATA_ASSET_FIELDS_USED } from './data.js';
import { convertRiskTracking } from './decisions.js';
import { droppedFields, readEntries, type Entry } from './entries.js';
import { convertLinks, LINK_FIELDS_USED } from './flows.js';
import {
  communicationLinkSchema,
  dataAssetSchema,
  riskTrackingSchema,
  sharedRuntimeSchema,
  technicalAssetSchema,
  threagileModelSchema,
  trustBoundarySchema,
  type ThreagileModel,
  type ThreagileTechnicalAsset,
} from './threagile-schema.js';
import { convertBoundaries } from './zones.js';

/** What an import yields: model files (plain objects, by file name) and what was lost. */
export interface ThreagileImport {
  /** `organisation.yaml`, `zones.yaml`, `assets.yaml`, `data.yaml`, `flows.yaml`, `decisions.yaml`. */
  readonly files: Readonly<Record<string, ModelFile>>;
  /** Errors (unreadable input), warnings and infos (what could not be mapped), sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The file the model came from and its title, for the written files' headers. */
  readonly source: { readonly file: string; readonly title: string | undefined };
}

const USED_SECTIONS = [
  'threagile_version',
  'title',
  'date',
  'data_assets',
  'technical_assets',
  'trust_boundaries',
  'shared_runtimes',
  'risk_tracking',
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function yamlProblem(context: ImportContext, problem: YamlProblem): void {
  const params =
    problem.code === 'file-too-large'
      ? { size: problem.size, limit: problem.limit }
      : problem.code === 'yaml-syntax'
        ? { detail: problem.detail }
        : problem.code === 'yaml-alias-bomb'
          ? { limit: problem.limit }
          : {};
  const position = 'position' in problem ? problem.position : { line: 1, column: 1 };
  context.diagnostics.push({
    code: `threagile-${problem.code}`,
    severity: 'error',
    message: context.message(problem.code, params),
    file: context.file,
    line: position.line,
    column: position.column,
    path: '',
  });
}

const looksLikeThreagile = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) &&
  ('technical_assets' in value || 'data_assets' in value || 'threagile_version' in value);

/**
 * Converts a Threagile model (YAML text) into Vigie model files. Never throws: unreadable input
 * gives error diagnostics and no files; everything that cannot be mapped is reported as a
 * warning or an info saying what was dropped.
 */
export function importThreagile(text: string, file: string, t: Translator): ThreagileImport {
  const parsed = parseYaml(text);
  const context = new ImportContext(t, file, parsed.locator);
  for (const problem of parsed.problems) yamlProblem(context, problem);
  let files: Record<string, ModelFile> = {};
  let title: string | undefined;
  if (parsed.problems.length === 0) {
    if (!looksLikeThreagile(parsed.value)) {
      context.report('not-threagile', 'error', context.message('not-threagile'), []);
    } else {
      const model = threagileModelSchema.safeParse(parsed.value);
      if (model.success) {
        title = model.data.title;
        files = convert(context, model.data, parsed.value);
      } else {
        for (const problem of schemaProblems(t, model.error.issues, parsed.value, [], (p) =>
          keysAt(threagileModelSchema, p),
        )) {
          context.report(
            problem.code,
            'error',
            t(problem.key, problem.params),
            problem.path,
            problem.atKey,
          );
        }
      }
    }
  }
  return {
    files,
    diagnostics: context.diagnostics.sort(compareDiagnostics),
    source: { file, title },
  };
}

/** Links of every technical asset, validated, with their source's Vigie id. */
function readLinks(
  context: ImportContext,
  assets: readonly Entry<ThreagileTechnicalAsset>[],
): LinkEntry[] {
  return assets.flatMap((asset) => {
    const source = context.idOf('asset', asset.value.id) ?? asset.value.id;
    const path: DocPath = [...asset.path, 'communication_links'];
    return readEntries(
      context,
      asset.value.communication_links,
      path,
      communicationLinkSchema,
      'Communication link',
    ).map((link) => ({ ...link, source }));
  });
}

function reportDropped(
  context: ImportContext,
  raw: Readonly<Record<string, unknown>>,
  groups: readonly (readonly [string, readonly Entry<unknown>[], readonly string[], string])[],
): void {
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (
      USED_SECTIONS.includes(key) ||
      value === null ||
      value === '' ||
      (isRecord(value) && Object.keys(value).length === 0)
    )
      continue;
    context.say('dropped-section', 'info', [key], { section: key }, true);
  }
  for (const [section, entries, used, what] of groups) {
    const fields = droppedFields(entries, used);
    if (fields.length > 0)
      context.say('dropped-fields', 'info', [section], { what, fields: fields.join(', ') }, true);
  }
}

function convert(
  context: ImportContext,
  model: ThreagileModel,
  raw: Record<string, unknown>,
): Record<string, ModelFile> {
  const technical = readEntries(
    context,
    model.technical_assets,
    ['technical_assets'],
    technicalAssetSchema,
    'Technical asset',
  );
  const dataAssets = readEntries(
    context,
    model.data_assets,
    ['data_assets'],
    dataAssetSchema,
    'Data asset',
  );
  const boundaries = readEntries(
    context,
    model.trust_boundaries,
    ['trust_boundaries'],
    trustBoundarySchema,
    'Trust boundary',
  );
  const runtimes = readEntries(
    context,
    model.shared_runtimes,
    ['shared_runtimes'],
    sharedRuntimeSchema,
    'Shared runtime',
  );
  const risks = readEntries(
    context,
    model.risk_tracking,
    ['risk_tracking'],
    riskTrackingSchema,
    'Risk tracking',
  );

  for (const data of dataAssets) context.claim('data', data.value.id, [...data.path, 'id']);
  const zoneResult = convertBoundaries(context, boundaries);
  for (const asset of technical) context.claim('asset', asset.value.id, [...asset.path, 'id']);
  const zones: Zone[] = [...zoneResult.zones];
  let internetZone: string | undefined;
  if (technical.some((asset) => asset.value.internet === true)) {
    internetZone = context.unique('internet');
    zones.unshift({ id: internetZone, name: 'Internet', kind: 'internet' });
  }
  const links = readLinks(context, technical);
  const incoming = new Map<string, LinkEntry[]>();
  for (const link of links)
    incoming.set(link.value.target, [...(incoming.get(link.value.target) ?? []), link]);
  const inputs = { assets: technical, runtimes, incoming, zones: zoneResult, internetZone };
  const { assets, zoneOfAsset } = convertTechnicalAssets(context, inputs);
  const { hypervisors, hostOf } = convertRuntimes(context, inputs, zoneOfAsset);
  const allAssets: Asset[] = [
    ...assets.map((asset) => {
      const host = hostOf.get(asset.id);
      return host === undefined ? asset : { ...asset, hostedOn: host };
    }),
    ...hypervisors,
  ];
  const data = convertDataAssets(context, dataAssets, technical);
  const flows = convertLinks(context, links);
  const decisions = convertRiskTracking(context, risks);
  reportDropped(context, raw, [
    ['technical_assets', technical, TECHNICAL_ASSET_FIELDS_USED, 'Technical-asset fields'],
    ['technical_assets', links, [...LINK_FIELDS_USED], 'Communication-link fields'],
    ['data_assets', dataAssets, DATA_ASSET_FIELDS_USED, 'Data-asset fields'],
    [
      'trust_boundaries',
      boundaries,
      ['id', 'description', 'type', 'tags', 'technical_assets_inside', 'trust_boundaries_nested'],
      'Trust-boundary fields',
    ],
    [
      'shared_runtimes',
      runtimes,
      ['id', 'description', 'tags', 'technical_assets_running'],
      'Shared-runtime fields',
    ],
  ]);
  const date = typeof model.date === 'string' ? ` (${model.date})` : '';
  const files: Record<string, ModelFile> = {
    'organisation.yaml': {
      organisation: {
        name: model.title.slice(0, 200),
        description:
          context.t.locale === 'fr'
            ? `Importé du modèle Threagile « ${model.title} »${date}.`
            : `Imported from the Threagile model "${model.title}"${date}.`,
      },
    },
  };
  if (zones.length > 0) files['zones.yaml'] = { zones };
  if (allAssets.length > 0) files['assets.yaml'] = { assets: allAssets };
  if (data.length > 0) files['data.yaml'] = { data };
  if (flows.length > 0) files['flows.yaml'] = { flows };
  if (decisions.length > 0) files['decisions.yaml'] = { decisions };
  return files;
}
