/**
 * What the audit routes answer, built from the store's records: campaign and plan-item views
 * (overdue computed against the platform's date), the campaign report in every format (the audit
 * report document through the document engine; SARIF and CSV from src/audit/output), the plan as
 * CSV, and a drift finding's proposal as a model edit.
 */
import { auditToCsv } from '../../audit/output/csv.js';
import { auditToSarif } from '../../audit/output/sarif.js';
import type { AuditResults, ModelProposal } from '../../audit/types.js';
import { buildAuditReport } from '../../documents/audit-report/index.js';
import type { AuditComparison } from '../../documents/audit-report/index.js';
import { renderDocument } from '../../documents/render/index.js';
import type { AuditCampaignView, AuditPlanItemView } from '../api/types.js';
import type { ModelEdit } from '../models/edit-task.js';
import type { AuditActionRecord, AuditCampaignRecord } from '../store/index.js';

export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'md', 'sarif', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function campaignView(
  record: AuditCampaignRecord,
  names: ReadonlyMap<string, string>,
): AuditCampaignView {
  return {
    id: record.id,
    name: record.name,
    version: record.version,
    vantage: record.vantage,
    status: record.status,
    progress: record.progress,
    counts: record.counts,
    error: record.error,
    createdBy: record.createdBy === null ? null : (names.get(record.createdBy) ?? null),
    created: record.createdAt,
    started: record.startedAt,
    finished: record.finishedAt,
  };
}

export function isOverdue(item: AuditActionRecord, today: string): boolean {
  return (
    item.due !== null && item.due < today && item.status !== 'done' && item.status !== 'accepted'
  );
}

export function planItemView(item: AuditActionRecord, today: string): AuditPlanItemView {
  return {
    id: item.id,
    check: item.check,
    title: item.title,
    remediation: item.remediation,
    severity: item.severity,
    findings: item.findings,
    entities: item.entities,
    owner: item.owner,
    ownerName: item.ownerName,
    due: item.due,
    status: item.status,
    overdue: isOverdue(item, today),
    note: item.note,
    campaignId: item.campaignId,
    updated: item.updatedAt,
  };
}

/** A CSV cell: quoted, and a leading formula character neutralised (CSV injection). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

const PLAN_HEADERS = {
  en: [
    'Action',
    'Check',
    'Severity',
    'Findings',
    'Entities',
    'Owner',
    'Due',
    'Status',
    'Overdue',
    'Note',
  ],
  fr: [
    'Action',
    'Contrôle',
    'Gravité',
    'Constats',
    'Objets',
    'Responsable',
    'Échéance',
    'Statut',
    'En retard',
    'Note',
  ],
} as const;

/** The plan as CSV (UTF-8 with BOM so spreadsheets read the accents), in `lang`. */
export function planCsv(
  items: readonly AuditActionRecord[],
  today: string,
  lang: 'fr' | 'en',
): string {
  const rows = items.map((item) =>
    [
      item.title[lang],
      item.check,
      item.severity,
      String(item.findings.length),
      item.entities.join(' '),
      item.ownerName ?? item.owner ?? '',
      item.due ?? '',
      item.status,
      isOverdue(item, today) ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no',
      item.note,
    ]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[PLAN_HEADERS[lang].map(cell).join(','), ...rows].join('\r\n')}\r\n`;
}

export interface RenderedReport {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: string | Buffer;
}

export interface ReportInput {
  readonly results: AuditResults;
  readonly format: ReportFormat;
  readonly lang: 'fr' | 'en';
  readonly plan: readonly AuditActionRecord[];
  readonly previous?: { readonly results: AuditResults; readonly comparison: AuditComparison };
  readonly author: string;
}

function baseName(results: AuditResults, lang: 'fr' | 'en'): string {
  const name = results.campaign.name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${name === '' ? 'audit' : name}-${lang === 'fr' ? 'rapport' : 'report'}`;
}

/** The campaign's report in `format`: a document, SARIF 2.1.0 or CSV. */
export async function renderReport(input: ReportInput): Promise<RenderedReport> {
  const { results, format, lang } = input;
  const base = baseName(results, lang);
  if (format === 'sarif') {
    return {
      fileName: `${base}.sarif`,
      contentType: 'application/sarif+json',
      content: `${JSON.stringify(auditToSarif(results, { locale: lang }), null, 2)}\n`,
    };
  }
  if (format === 'csv') {
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: auditToCsv(results, lang),
    };
  }
  const document = buildAuditReport(
    {
      results,
      locale: lang,
      plan: input.plan.map((item) => ({
        id: item.id,
        title: item.title,
        severity: item.severity,
        findings: item.findings,
        owner: item.ownerName ?? item.owner,
        due: item.due,
        status: item.status,
      })),
      ...(input.previous === undefined ? {} : { previous: input.previous }),
    },
    {
      version: '1.0',
      date: results.campaign.finishedAt.slice(0, 10),
      author: input.author.slice(0, 200),
      classification: lang === 'fr' ? 'Diffusion restreinte' : 'Restricted',
    },
  );
  const rendered = await renderDocument(document, format);
  return {
    fileName: `${base}.${rendered.extension}`,
    contentType: rendered.mediaType,
    content: rendered.bytes,
  };
}

/** A drift finding's proposal as the model edit that applies it. */
export function editOf(proposal: ModelProposal): ModelEdit {
  return proposal.kind === 'update-entity'
    ? { op: 'update', kind: proposal.section, id: proposal.id, fields: proposal.fields }
    : { op: 'create', kind: proposal.section, fields: proposal.fields };
}
