/**
 * How a new workspace gets its first model without YAML: from a template (the demo
 * organisation, a blank SME, sector starters, read from `examples/`), from an inventory (CSV or
 * XLSX files: preview with the detected or chosen column mapping and located diagnostics, then
 * commit), or from the guided wizard's answers (preview, commit). Previews store nothing; a
 * commit saves a version through `commitEdit` (file limits, 422 invalid model, 409 when the
 * workspace changed) with one `model.import` audit entry naming its source.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Diagnostic } from '../../domain/diagnostic.js';
import type { Locale } from '../../i18n/index.js';
import {
  ASSET_FIELDS,
  FLOW_FIELDS,
  previewInventory,
  type InventoryChoice,
  type InventoryPreview,
  type UnzipEntries,
} from '../../interop/inventory/index.js';
import { wizardAnswersSchema, wizardToModel } from '../../interop/wizard/index.js';
import type {
  DiagnosticView,
  ModelCounts,
  OnboardingCommitResponse,
  OnboardingPreviewResponse,
  TemplatesResponse,
  TemplateView,
} from '../api/types.js';
import { validateModelFiles } from '../models/validation.js';
import { readZipEntries } from '../models/zip.js';
import { ApiError, badRequest } from './errors.js';
import { localeOf } from './locale.js';
import { commitEdit, modelTooLarge, staleVersion } from './model-routes.js';
import { defineRoute, json } from './route.js';
import type { HandlerInput, Route, ServerContext } from './route.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface TemplateSource {
  readonly id: string;
  /** Folder of YAML files, relative to the package root. */
  readonly dir: string;
  readonly category: TemplateView['category'];
  readonly name: { readonly en: string; readonly fr: string };
  readonly description: { readonly en: string; readonly fr: string };
}

/** The templates a new workspace is offered, in the order shown. */
export const TEMPLATES: readonly TemplateSource[] = [
  {
    id: 'pme-vierge',
    dir: 'examples/templates/pme-vierge',
    category: 'blank',
    name: { en: 'Blank SME', fr: 'PME vierge' },
    description: {
      en: 'One site, the usual zones (Internet, office LAN, servers, guest Wi-Fi) and the Internet box: add your assets.',
      fr: 'Un site, les zones habituelles (Internet, LAN bureautique, serveurs, Wi-Fi invités) et la box : ajoutez vos actifs.',
    },
  },
  {
    id: 'maison-de-sante',
    dir: 'examples/templates/maison-de-sante',
    category: 'sector',
    name: { en: 'Primary-care practice', fr: 'Maison de santé' },
    description: {
      en: 'A multi-professional practice: practice software hosted by a health-data host, Carte Vitale readers, secure health messaging, patients’ Wi-Fi; health data (GDPR art. 9).',
      fr: 'Une maison de santé pluriprofessionnelle : logiciel de cabinet hébergé HDS, lecteurs Vitale, MSSanté, Wi-Fi patients ; données de santé (RGPD art. 9).',
    },
  },
  {
    id: 'forges-de-l-est',
    dir: 'examples/forges-de-l-est',
    category: 'demo',
    name: { en: 'Forges de l’Est (demo)', fr: 'Forges de l’Est (démonstration)' },
    description: {
      en: 'The demo organisation: a 250-person metalworking SME with IT and OT on two sites, with deliberate weaknesses to practise on.',
      fr: 'L’organisation de démonstration : une PME de métallurgie de 250 personnes, IT et OT sur deux sites, avec des faiblesses volontaires pour s’exercer.',
    },
  },
  {
    id: 'clinique-des-cedres',
    dir: 'examples/clinique-des-cedres',
    category: 'demo',
    name: {
      en: 'Clinique des Cèdres (health demo)',
      fr: 'Clinique des Cèdres (démonstration santé)',
    },
    description: {
      en: 'A 400-person private clinic (emergency, surgery, maternity, imaging, lab) with its patient record at a health-data host, HL7 and DICOM, a biomedical network, with deliberate weaknesses to practise on.',
      fr: 'Une clinique privée de 400 personnes (urgences, bloc, maternité, imagerie, laboratoire), DPI chez un hébergeur HDS, HL7 et DICOM, réseau biomédical, avec des faiblesses volontaires pour s’exercer.',
    },
  },
];

/** A template's YAML files by name (read from the package at each request: they are small). */
export async function templateFiles(
  template: TemplateSource,
  root: string = ROOT,
): Promise<Record<string, string>> {
  const dir = join(root, template.dir);
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (/\.ya?ml$/.test(name)) files[name] = await readFile(join(dir, name), 'utf8');
  }
  return files;
}

/** Each template's entity counts, computed once per process (the files ship with the package). */
const COUNTS = new Map<string, Promise<ModelCounts>>();
function countsOf(template: TemplateSource): Promise<ModelCounts> {
  let counts = COUNTS.get(template.id);
  if (counts === undefined) {
    counts = templateFiles(template).then((files) => validateModelFiles(files).counts);
    // A failed read is not kept: the next request tries again.
    counts.catch(() => COUNTS.delete(template.id));
    COUNTS.set(template.id, counts);
  }
  return counts;
}

const workspaceParams = z.object({ workspaceId: z.uuid() });
const message = z.string().trim().min(1).max(1000);
const expectedLatest = z.number().int().min(1).optional();

const columns = z.record(z.string().max(40), z.int().min(0).max(10_000));
const choiceSchema = z.strictObject({
  assets: z
    .strictObject({
      table: z.string().max(20),
      headerRow: z.int().min(0).max(1_000_000),
      columns: columns.refine(
        (c) => Object.keys(c).every((k) => ASSET_FIELDS.includes(k as never)),
        {
          error: 'unknown asset field',
        },
      ),
    })
    .optional(),
  flows: z
    .discriminatedUnion('layout', [
      z.strictObject({
        table: z.string().max(20),
        layout: z.literal('matrix'),
        headerRow: z.int().min(0).max(1_000_000),
      }),
      z.strictObject({
        table: z.string().max(20),
        layout: z.literal('list'),
        headerRow: z.int().min(0).max(1_000_000),
        columns: columns.refine(
          (c) => Object.keys(c).every((k) => FLOW_FIELDS.includes(k as never)),
          { error: 'unknown flow field' },
        ),
      }),
    ])
    .optional(),
});

const inventoryBody = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        content: z.base64(),
      }),
    )
    .min(1)
    .max(10),
  choice: choiceSchema.optional(),
  organisation: z.strictObject({ name: z.string().trim().min(1).max(200) }).optional(),
  expectedLatest,
  message: message.optional(),
});

const wizardBody = z.strictObject({
  answers: wizardAnswersSchema,
  expectedLatest,
  message: message.optional(),
});

const templateBody = z.strictObject({
  template: z.string().max(100),
  expectedLatest,
  message: message.optional(),
});

function unzipFor(server: ServerContext): UnzipEntries {
  return (bytes, accept) =>
    readZipEntries(bytes, accept, { maxTotalBytes: server.limits.maxModelBytes });
}

const viewOf = (d: Diagnostic): DiagnosticView => ({
  file: d.file,
  line: d.line,
  column: d.column,
  severity: d.severity,
  code: d.code,
  message: d.message,
  ...(d.path === '' ? {} : { path: d.path }),
});

async function workspaceName(server: ServerContext, workspaceId: string): Promise<string> {
  return (await server.store.workspaces.getById(workspaceId))?.name ?? 'Organisation';
}

/** Decodes the uploads and converts them; 413 beyond the model limit, 400 when unreadable. */
async function inventoryOf<Q>(
  input: HandlerInput<{ workspaceId: string }, Q, z.output<typeof inventoryBody>>,
): Promise<InventoryPreview> {
  const { body, server, request, params } = input;
  const files = body.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.content, 'base64') }));
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > server.limits.maxModelBytes) throw modelTooLarge(server.limits.maxModelBytes, total);
  const preview = previewInventory(
    {
      files,
      ...(body.choice === undefined ? {} : { choice: body.choice as InventoryChoice }),
      organisation: {
        name: body.organisation?.name ?? (await workspaceName(server, params.workspaceId)),
      },
    },
    localeOf(request),
    unzipFor(server),
  );
  if (preview.tables.length === 0 || preview.diagnostics.some((d) => d.severity === 'error')) {
    throw unreadable(localeOf(request), preview.diagnostics);
  }
  return preview;
}

const unreadable = (locale: Locale, diagnostics: readonly Diagnostic[]): ApiError =>
  new ApiError(
    'inventory_unreadable',
    {
      en: 'The inventory cannot be imported: see the problems listed.',
      fr: 'L’inventaire ne peut pas être importé : voyez les problèmes listés.',
    },
    { diagnostics: diagnostics.map(viewOf), locale },
  );

/** Without `expectedLatest`, the workspace must still be empty (its first version). */
async function checkLatest(
  server: ServerContext,
  workspaceId: string,
  expected: number | undefined,
): Promise<number | null> {
  const want = expected ?? null;
  const current = await server.store.versions.latestNumber(workspaceId);
  if (current !== want) throw staleVersion(want, current);
  return want;
}

async function commitFiles<Q>(
  input: HandlerInput<
    { workspaceId: string },
    Q,
    { expectedLatest?: number | undefined; message?: string | undefined }
  >,
  files: Readonly<Record<string, string>>,
  source: Readonly<Record<string, unknown>>,
  defaultMessage: { en: string; fr: string },
): Promise<OnboardingCommitResponse & { diagnostics: DiagnosticView[] }> {
  const { params, body, server, session, request } = input;
  const locale = localeOf(request);
  const expected = await checkLatest(server, params.workspaceId, body.expectedLatest);
  const saved = await commitEdit(server, {
    workspaceId: params.workspaceId,
    expectedLatest: expected,
    change: { op: 'replace', files: { ...files } },
    message: () => body.message ?? defaultMessage[locale],
    authorId: session?.user.id ?? null,
    locale,
    audit: (number) => ({
      action: 'model.import',
      entityKind: 'model_version',
      entityId: String(number),
      before: { number: expected },
      after: { number, files: Object.keys(files).sort(), ...source },
    }),
  });
  return { version: saved.version, validation: saved.validation, diagnostics: [] };
}

const listTemplates = defineRoute(json<TemplatesResponse>('TemplatesResponse'))({
  method: 'GET',
  path: '/api/templates',
  summary:
    'The models a new workspace may start from (demo organisation, blank SME, sector starters).',
  tag: 'model',
  access: 'user',
  csrf: false,
  handler: async ({ request }) => {
    const locale = localeOf(request);
    const templates: TemplateView[] = [];
    for (const template of TEMPLATES) {
      const counts = await countsOf(template);
      templates.push({
        id: template.id,
        name: template.name[locale],
        description: template.description[locale],
        category: template.category,
        counts,
      });
    }
    return { templates };
  },
});

const fromTemplate = defineRoute(json<OnboardingCommitResponse>('OnboardingCommitResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/onboarding/template',
  summary:
    "Saves a template's files as the workspace's first version (or a new one with `expectedLatest`).",
  tag: 'model',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  params: workspaceParams,
  body: templateBody,
  errors: { unknown_template: 'No template has this id.' },
  handler: async (input) => {
    const template = TEMPLATES.find((t) => t.id === input.body.template);
    if (template === undefined)
      throw badRequest('unknown_template', { template: input.body.template });
    const files = await templateFiles(template);
    return commitFiles(
      input,
      files,
      { source: 'template', template: template.id },
      {
        en: `Start from the template ${template.name.en}`,
        fr: `Départ du modèle ${template.name.fr}`,
      },
    );
  },
});

const inventoryPreview = defineRoute(json<OnboardingPreviewResponse>('OnboardingPreviewResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/onboarding/inventory/preview',
  summary:
    'Reads CSV or XLSX inventory files (base64), maps their columns (detected, or `choice`) and returns the model files, the located diagnostics and their validation; stores nothing.',
  tag: 'model',
  access: { permission: 'model.edit' },
  csrf: true,
  params: workspaceParams,
  body: inventoryBody,
  bodyLimit: 'upload',
  errors: {
    inventory_unreadable: 'A file cannot be read as a table (details: located diagnostics).',
  },
  handler: async (input) => {
    const preview = await inventoryOf(input);
    return {
      files: preview.files,
      diagnostics: preview.diagnostics.map(viewOf),
      validation: validateModelFiles(preview.files, localeOf(input.request)),
      tables: preview.tables,
      choice: preview.choice,
      fields: { assets: ASSET_FIELDS, flows: FLOW_FIELDS },
    };
  },
});

const inventoryCommit = defineRoute(json<OnboardingCommitResponse>('OnboardingCommitResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/onboarding/inventory/commit',
  summary:
    'Converts the inventory files as the preview does and saves the model as a new version (the first one without `expectedLatest`).',
  tag: 'model',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  params: workspaceParams,
  body: inventoryBody,
  bodyLimit: 'upload',
  errors: {
    inventory_unreadable: 'A file cannot be read as a table (details: located diagnostics).',
  },
  handler: async (input) => {
    await checkLatest(input.server, input.params.workspaceId, input.body.expectedLatest);
    const preview = await inventoryOf(input);
    const saved = await commitFiles(
      input,
      preview.files,
      { source: 'inventory', inputs: input.body.files.map((f) => f.name), counts: preview.counts },
      {
        en: `Import of an inventory (${String(preview.counts.assets)} assets, ${String(preview.counts.flows)} flows)`,
        fr: `Import d’un inventaire (${String(preview.counts.assets)} actifs, ${String(preview.counts.flows)} flux)`,
      },
    );
    return { ...saved, diagnostics: preview.diagnostics.map(viewOf) };
  },
});

const wizardPreview = defineRoute(json<OnboardingPreviewResponse>('OnboardingPreviewResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/onboarding/wizard/preview',
  summary: "Writes the wizard's answers as model files and validates them; stores nothing.",
  tag: 'model',
  access: { permission: 'model.edit' },
  csrf: true,
  params: workspaceParams,
  body: wizardBody,
  handler: ({ body, request }) => {
    const locale = localeOf(request);
    const model = wizardToModel(body.answers, locale);
    return Promise.resolve({
      files: model.files,
      diagnostics: model.diagnostics.map(viewOf),
      validation: validateModelFiles(model.files, locale),
    });
  },
});

const wizardCommit = defineRoute(json<OnboardingCommitResponse>('OnboardingCommitResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/onboarding/wizard/commit',
  summary:
    "Saves the wizard's model files as a new version (the first one without `expectedLatest`).",
  tag: 'model',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  params: workspaceParams,
  body: wizardBody,
  handler: async (input) => {
    const model = wizardToModel(input.body.answers, localeOf(input.request));
    const saved = await commitFiles(
      input,
      model.files,
      { source: 'wizard' },
      { en: 'Model written with the wizard', fr: 'Modèle écrit avec l’assistant' },
    );
    return { ...saved, diagnostics: model.diagnostics.map(viewOf) };
  },
});

export const ONBOARDING_ROUTES: readonly Route[] = [
  listTemplates,
  fromTemplate,
  inventoryPreview,
  inventoryCommit,
  wizardPreview,
  wizardCommit,
];
