/**
 * Model editing API: set fields of an entity, create one, record a risk decision, import a zip
 * of model files — each saves a new version through the same checks as POST /versions (413/400
 * file limits, the same model size limit for a zip as for the editor, 422 invalid model, 409
 * stale `expectedLatest`) and writes one audit entry. Also
 * the downloads: a version as a zip, the workspace's audit log as CSV or JSON.
 */
import { z } from 'zod';
import type { Locale } from '../../i18n/index.js';
import { SECTION_NAMES } from '../../domain/model/index.js';
import { DECISION_STATUSES, FINDING_ID_PATTERN } from '../../domain/model/decision.js';
import { ID_PATTERN } from '../../domain/model/common.js';
import { isoDateOf } from '../clock.js';
import type { ModelEdit } from '../models/edit-task.js';
import { readModelZip, writeModelZip, type ZipError } from '../models/zip.js';
import type { AuditEntry } from '../store/audit.js';
import type { ImportResponse, SaveResponse } from '../api/types.js';
import type { Store } from '../store/index.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { commitEdit, modelTooLarge, staleVersion, versionNumber } from './model-routes.js';
import { localeOf } from './locale.js';
import { defineRoute, file, json } from './route.js';
import type { HandlerInput, Route, ServerContext } from './route.js';

const kindSchema = z.enum(SECTION_NAMES as [string, ...string[]]);
const entityIdSchema = z.string().max(100).regex(ID_PATTERN, 'a kebab-case id');
const workspaceParams = z.object({ workspaceId: z.uuid() });
const kindParams = z.object({ workspaceId: z.uuid(), kind: kindSchema });
const entityParams = z.object({ workspaceId: z.uuid(), kind: kindSchema, id: entityIdSchema });
const versionParams = z.object({ workspaceId: z.uuid(), number: versionNumber });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');
const message = z.string().trim().min(1).max(1000);

const editBody = z.object({
  expectedLatest: z.number().int().min(1),
  fields: z.record(z.string().min(1).max(200), z.unknown()),
  message: message.optional(),
  file: z.string().min(1).max(200).optional(),
});

const deleteBody = z.object({
  expectedLatest: z.number().int().min(1),
  /** Also remove the references other entities hold to it (list items, optional fields). */
  force: z.boolean().optional(),
  message: message.optional(),
});

const decisionBody = z.object({
  expectedLatest: z.number().int().min(1),
  finding: z.string().max(300).regex(FINDING_ID_PATTERN, 'a finding id `ruleId@subjectId`'),
  status: z.enum(DECISION_STATUSES),
  justification: z.string().trim().min(1).max(5000),
  reviewDate: isoDate.optional(),
  owner: entityIdSchema.optional(),
  message: message.optional(),
});

const importQuery = z.object({
  expectedLatest: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'a version number')
    .transform(Number)
    .optional(),
  message: message.optional(),
});

const SINGULAR: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    sites: 'site',
    zones: 'zone',
    assets: 'asset',
    data: 'data set',
    flows: 'flow',
    identities: 'identity',
    processes: 'process',
    backups: 'backup',
    measures: 'measure',
    decisions: 'decision',
  },
  fr: {
    sites: 'le site',
    zones: 'la zone',
    assets: 'l’actif',
    data: 'la donnée',
    flows: 'le flux',
    identities: 'l’identité',
    processes: 'le processus',
    backups: 'la sauvegarde',
    measures: 'la mesure',
    decisions: 'la décision',
  },
};

const DECISION_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { accepted: 'accepted', mitigated: 'mitigated', 'false-positive': 'false positive' },
  fr: { accepted: 'risque accepté', mitigated: 'traité', 'false-positive': 'faux positif' },
};

/** Version messages written when the user gives none, in the request's language. */
const DEFAULT_MESSAGE = {
  edit: (locale: Locale, kind: string, id: string): string =>
    locale === 'fr'
      ? `Modification de ${SINGULAR.fr[kind] ?? kind} ${id}`
      : `Edit ${SINGULAR.en[kind] ?? kind} ${id}`,
  add: (locale: Locale, kind: string, id: string): string =>
    locale === 'fr'
      ? `Ajout de ${SINGULAR.fr[kind] ?? kind} ${id}`
      : `Add ${SINGULAR.en[kind] ?? kind} ${id}`,
  remove: (locale: Locale, kind: string, id: string): string =>
    locale === 'fr'
      ? `Suppression de ${SINGULAR.fr[kind] ?? kind} ${id}`
      : `Delete ${SINGULAR.en[kind] ?? kind} ${id}`,
  decision: (locale: Locale, status: string, finding: string): string =>
    locale === 'fr'
      ? `Décision sur ${finding} : ${DECISION_WORDS.fr[status] ?? status}`
      : `Decision on ${finding}: ${DECISION_WORDS.en[status] ?? status}`,
  import: (locale: Locale, count: number): string =>
    locale === 'fr'
      ? `Import d’une archive (${String(count)} fichiers)`
      : `Import of an archive (${String(count)} files)`,
};

const ZIP_MESSAGES: Readonly<Record<ZipError['code'], { en: string; fr: string }>> = {
  zip_invalid: {
    en: 'The file is not a valid zip archive.',
    fr: "Le fichier n'est pas une archive zip valide.",
  },
  zip_too_large: {
    en: 'The archive holds too many or too large files.',
    fr: "L'archive contient trop de fichiers ou des fichiers trop volumineux.",
  },
  zip_bomb: {
    en: 'The archive inflates beyond what it declares; it was refused.',
    fr: "L'archive se décompresse au-delà de ce qu'elle annonce ; elle a été refusée.",
  },
  zip_path_traversal: {
    en: 'The archive contains an unsafe path or a link.',
    fr: "L'archive contient un chemin dangereux ou un lien.",
  },
  zip_encrypted: {
    en: 'Encrypted archives are not supported.',
    fr: 'Les archives chiffrées ne sont pas prises en charge.',
  },
  zip_unsupported: {
    en: 'This kind of zip archive is not supported (ZIP64, split or unusual compression).',
    fr: "Ce type d'archive zip n'est pas pris en charge (ZIP64, multi-volume ou compression inhabituelle).",
  },
};

function zipError(error: ZipError): ApiError {
  // Too much YAML is the model limit, the same answer as for a model saved from the editor.
  if (error.code === 'zip_too_large' && error.reason === 'too_large' && error.limit !== undefined) {
    return modelTooLarge(error.limit, error.size);
  }
  return new ApiError(error.code, ZIP_MESSAGES[error.code], {
    message: error.message,
    ...(error.entry === undefined ? {} : { entry: error.entry }),
    ...(error.reason === undefined ? {} : { reason: error.reason }),
  });
}

type EditBody = z.output<typeof editBody>;

/** What differs between setting fields of an entity (PUT) and creating one (POST). */
const ENTITY_EDITS = {
  update: { action: 'model.entity.update', message: DEFAULT_MESSAGE.edit },
  create: { action: 'model.entity.create', message: DEFAULT_MESSAGE.add },
} as const;

/**
 * The flow of both entity routes: edit the latest version's files (409 when the editor saw an
 * older one), save them as a new version with one audit entry holding the entity's fields
 * before (none when created) and after.
 */
async function saveEntityEdit(
  input: HandlerInput<{ workspaceId: string; kind: string }, unknown, EditBody>,
  mode: keyof typeof ENTITY_EDITS,
  change: ModelEdit,
): Promise<SaveResponse> {
  const { params, body, session, server, request } = input;
  const locale = localeOf(request);
  const { action, message } = ENTITY_EDITS[mode];
  const saved = await commitEdit(server, {
    workspaceId: params.workspaceId,
    expectedLatest: body.expectedLatest,
    change,
    message: (edit) => body.message ?? message(locale, params.kind, edit.id),
    authorId: session?.user.id ?? null,
    locale,
    audit: (number, edit) => ({
      action,
      entityKind: params.kind,
      entityId: edit.id,
      before:
        edit.before === null
          ? { version: body.expectedLatest }
          : { version: body.expectedLatest, file: edit.file, fields: edit.before },
      after: { version: number, file: edit.file, fields: edit.after },
    }),
  });
  return { version: saved.version, validation: saved.validation };
}

const updateEntityRoute = defineRoute(json<SaveResponse>('SaveResponse'))({
  method: 'PUT',
  path: '/api/workspaces/:workspaceId/entities/:kind/:id',
  summary:
    'Sets fields of one entity (null removes a field) in the file that declares it, keeping comments and layout; saves a new version (422 invalid, 409 stale).',
  tag: 'edit',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  params: entityParams,
  body: editBody,
  handler: (input) =>
    saveEntityEdit(input, 'update', {
      op: 'update',
      kind: input.params.kind,
      id: input.params.id,
      fields: input.body.fields,
    }),
});

const createEntityRoute = defineRoute(json<SaveResponse>('SaveResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/entities/:kind',
  summary:
    'Appends a new entity (fields must include a new `id`) to `file` or to the file holding most entities of the kind; saves a new version.',
  tag: 'edit',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  params: kindParams,
  body: editBody,
  handler: (input) =>
    saveEntityEdit(input, 'create', {
      op: 'create',
      kind: input.params.kind,
      fields: input.body.fields,
      file: input.body.file,
    }),
});

const deleteEntityRoute = defineRoute(json<SaveResponse>('SaveResponse'))({
  method: 'DELETE',
  path: '/api/workspaces/:workspaceId/entities/:kind/:id',
  summary:
    'Deletes one entity from the file that declares it, keeping the rest of the files as written; saves a new version. 409 `entity_referenced` (details.referrers: kind, id, name, field, required) when other entities reference it — with `force`, the references that may go (list items, optional fields) are removed with it; a required one still refuses.',
  tag: 'edit',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  params: entityParams,
  body: deleteBody,
  handler: async ({ params, body, session, server, request }) => {
    const locale = localeOf(request);
    const saved = await commitEdit(server, {
      workspaceId: params.workspaceId,
      expectedLatest: body.expectedLatest,
      change: { op: 'delete', kind: params.kind, id: params.id, force: body.force },
      message: (edit) => body.message ?? DEFAULT_MESSAGE.remove(locale, params.kind, edit.id),
      authorId: session?.user.id ?? null,
      locale,
      audit: (number, edit) => ({
        action: 'model.entity.delete',
        entityKind: params.kind,
        entityId: edit.id,
        before: { version: body.expectedLatest, file: edit.file, fields: edit.before },
        after: { version: number, file: edit.file, referencesRemoved: edit.referrers ?? [] },
      }),
    });
    return { version: saved.version, validation: saved.validation };
  },
});

function today(server: ServerContext): string {
  return isoDateOf(server.clock);
}

const decideRoute = defineRoute(json<SaveResponse>('SaveResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/decisions',
  summary:
    "Records (or replaces) the risk decision on a finding in the model's decisions file, dated today; `accepted` needs a `reviewDate`. Saves a new version.",
  tag: 'edit',
  access: { permission: 'finding.decide' },
  csrf: true,
  status: 201,
  params: workspaceParams,
  body: decisionBody,
  handler: async ({ params, body, session, server, request }) => {
    if (body.status === 'accepted' && body.reviewDate === undefined) {
      throw badRequest('validation', [
        {
          in: 'body',
          path: ['reviewDate'],
          code: 'required',
          message: 'An accepted risk needs a review date.',
        },
      ]);
    }
    const saved = await commitEdit(server, {
      workspaceId: params.workspaceId,
      expectedLatest: body.expectedLatest,
      change: {
        op: 'decision',
        input: {
          finding: body.finding,
          status: body.status,
          justification: body.justification,
          reviewDate: body.reviewDate,
          owner: body.owner,
          date: today(server),
        },
      },
      message: () =>
        body.message ?? DEFAULT_MESSAGE.decision(localeOf(request), body.status, body.finding),
      authorId: session?.user.id ?? null,
      locale: localeOf(request),
      audit: (number, edit) => ({
        action: 'finding.decision',
        entityKind: 'finding',
        entityId: body.finding,
        before:
          edit.before === null ? null : { version: body.expectedLatest, decision: edit.before },
        after: { version: number, file: edit.file, decision: edit.after },
      }),
    });
    return { version: saved.version, validation: saved.validation };
  },
});

const exportZipRoute = defineRoute(file('The model files of the version.', 'application/zip'))({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/versions/:number/export.zip',
  summary:
    "A version's model files as a zip archive (one folder `<slug>-v<N>/`, fixed timestamps).",
  tag: 'model',
  access: { permission: 'model.read' },
  csrf: false,
  params: versionParams,
  handler: async ({ params, reply, server }) => {
    const [workspace, version] = await Promise.all([
      server.store.workspaces.getById(params.workspaceId),
      server.store.versions.get(params.workspaceId, params.number),
    ]);
    if (workspace === undefined || version === undefined) throw notFound();
    const name = `${workspace.slug}-v${String(version.number)}`;
    void reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${name}.zip"`)
      .header('cache-control', 'private, no-store');
    return writeModelZip(version.files, name);
  },
});

const importRoute = defineRoute(json<ImportResponse>('ImportResponse'))({
  method: 'POST',
  path: '/api/workspaces/:workspaceId/import',
  summary:
    'Saves the YAML files of a zip archive (application/zip body) as a new version; without `expectedLatest` the workspace must have no version yet. The YAML files may total the model size limit (VIGIE_MAX_MODEL_BYTES, 413 `model_too_large` beyond), the same as for POST /versions.',
  tag: 'model',
  access: { permission: 'model.edit' },
  csrf: true,
  status: 201,
  params: workspaceParams,
  query: importQuery,
  bodyLimit: 'upload',
  rawBody: 'application/zip',
  handler: async ({ params, query, body, session, server, request }) => {
    const expectedLatest = query.expectedLatest ?? null;
    // Cheap early check so a stale upload is not inflated; the commit checks again.
    const current = await server.store.versions.latestNumber(params.workspaceId);
    if (current !== expectedLatest) throw staleVersion(expectedLatest, current);
    const bytes: unknown = body;
    if (!Buffer.isBuffer(bytes)) throw badRequest('zip_invalid');
    const content = readModelZip(bytes, { maxTotalBytes: server.limits.maxModelBytes });
    if (!content.ok) throw zipError(content.error);
    const { files, ignored } = content.value;
    if (Object.keys(files).length === 0) {
      throw badRequest('no_files', { ignored: ignored.map((i) => i.name).slice(0, 50) });
    }
    const saved = await commitEdit(server, {
      workspaceId: params.workspaceId,
      expectedLatest,
      change: { op: 'replace', files },
      message: () =>
        query.message ?? DEFAULT_MESSAGE.import(localeOf(request), Object.keys(files).length),
      authorId: session?.user.id ?? null,
      locale: localeOf(request),
      audit: (number) => ({
        action: 'model.import',
        entityKind: 'model_version',
        entityId: String(number),
        before: { number: expectedLatest },
        after: { number, files: Object.keys(files).sort(), ignored: ignored.map((i) => i.name) },
      }),
    });
    return { version: saved.version, validation: saved.validation, ignored };
  },
});

/** A CSV cell: formula-looking text gets a leading quote; quoted when needed (RFC 4180). */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const CSV_COLUMNS = [
  'id',
  'at',
  'userId',
  'userEmail',
  'action',
  'entityKind',
  'entityId',
  'before',
  'after',
] as const;

async function auditRows(
  store: Store,
  entries: readonly AuditEntry[],
): Promise<Record<(typeof CSV_COLUMNS)[number], unknown>[]> {
  const emails = new Map<string, string>();
  for (const id of new Set(entries.map((e) => e.userId))) {
    if (id === null) continue;
    const user = await store.users.findById(id);
    if (user !== undefined) emails.set(id, user.email);
  }
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    userId: e.userId,
    userEmail: e.userId === null ? null : (emails.get(e.userId) ?? null),
    action: e.action,
    entityKind: e.entityKind,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
  }));
}

const auditExportRoute = defineRoute(
  file('The audit log (attachment).', 'text/csv', 'application/json'),
)({
  method: 'GET',
  path: '/api/workspaces/:workspaceId/audit/export',
  summary:
    "The workspace's whole audit log, oldest first, as a CSV (UTF-8 with BOM, header row) or JSON download (owners, auditors).",
  tag: 'audit',
  access: { permission: 'audit.read' },
  csrf: false,
  params: workspaceParams,
  query: z.object({ format: z.enum(['csv', 'json']).default('csv') }),
  handler: async ({ params, query, reply, server }) => {
    const workspace = await server.store.workspaces.getById(params.workspaceId);
    if (workspace === undefined) throw notFound();
    const rows = await auditRows(
      server.store,
      await server.store.audit.exportAll(params.workspaceId),
    );
    const name = `${workspace.slug}-audit-${today(server)}.${query.format}`;
    void reply
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'private, no-store');
    if (query.format === 'json') {
      void reply.header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify(rows, null, 2);
    }
    const lines = [
      CSV_COLUMNS.join(','),
      ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')),
    ];
    void reply.header('content-type', 'text/csv; charset=utf-8');
    // The BOM lets spreadsheet software read the accents of a French audit log as UTF-8.
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  },
});

export const EDIT_ROUTES: readonly Route[] = [
  updateEntityRoute,
  createEntityRoute,
  deleteEntityRoute,
  decideRoute,
  exportZipRoute,
  importRoute,
  auditExportRoute,
];
