/**
 * Pieces shared by the analysis pages (dashboard, findings, attack paths): entity links, query
 * strings on workspace links, percentages, and the error view that lists the model's located
 * diagnostics when an analysis cannot run (422 `invalid_model`).
 */
import type { DiagnosticView, EntityRef } from '../../../src/platform/api/types';
import { useI18n } from '../i18n';
import { ApiFailure } from '../lib/api';
import { Link } from '../lib/router';
import { useWorkspace } from '../lib/workspace';
import { ErrorMessage } from './Status';
import './Analysis.css';

/** Adds query parameters to an app link that may already carry `?v=`. Empty values are skipped. */
export function withQuery(
  href: string,
  params: Readonly<Record<string, string | number | null | undefined>>,
): string {
  const [path = '', search = ''] = href.split('?', 2);
  const merged = new URLSearchParams(search);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') merged.delete(key);
    else merged.set(key, String(value));
  }
  const text = merged.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** A 0–1 ratio as a percentage in the UI language. */
export function formatPercent(lang: 'fr' | 'en', ratio: number, digits = 0): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** An ISO date (`2026-03-01`, or a timestamp) as a day in the UI language. */
export function formatDay(lang: 'fr' | 'en', iso: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(date);
}

/** A link to the entity in the explorer (plain text for ids the model does not declare). */
export function EntityLink({ entity }: { readonly entity: EntityRef }) {
  const { href } = useWorkspace();
  if (entity.kind === 'organisation') return <span>{entity.name}</span>;
  return (
    <Link to={href(`/explore/${entity.kind}/${encodeURIComponent(entity.id)}`)}>{entity.name}</Link>
  );
}

function isDiagnostic(value: unknown): value is DiagnosticView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.file === 'string' &&
    typeof v.line === 'number' &&
    typeof v.column === 'number' &&
    typeof v.message === 'string'
  );
}

interface Issue {
  readonly where: string;
  readonly message: string;
}

function isIssue(value: unknown): value is { path?: unknown; message: string; in?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

/** Located diagnostics in an error's details (`{diagnostics: [...]}` or a bare array). */
export function diagnosticsOf(details: unknown): DiagnosticView[] {
  const list =
    typeof details === 'object' && details !== null && !Array.isArray(details)
      ? (details as Record<string, unknown>).diagnostics
      : details;
  return Array.isArray(list) ? list.filter(isDiagnostic) : [];
}

/** Request validation issues (`[{in, path, message}]`) in an error's details. */
export function issuesOf(details: unknown): Issue[] {
  if (!Array.isArray(details)) return [];
  return details.filter(isIssue).map((issue) => {
    const path = Array.isArray(issue.path) ? issue.path.map(String).join('.') : '';
    const where =
      typeof issue.in === 'string' ? `${issue.in}${path === '' ? '' : `: ${path}`}` : path;
    return { where, message: issue.message };
  });
}

/** The diagnostics list, `file:line:column` first. */
export function DiagnosticList({
  diagnostics,
}: {
  readonly diagnostics: readonly DiagnosticView[];
}) {
  const { t } = useI18n();
  return (
    <ul className="analysis-diagnostics">
      {diagnostics.map((d, i) => (
        <li key={`${d.file}:${d.line}:${d.column}:${d.code}:${i}`}>
          <code>
            {d.file}:{d.line}:{d.column}
          </code>{' '}
          <span className={`badge diag-${d.severity}`}>
            {t(`dashboard.diagnostic.${d.severity}`)}
          </span>{' '}
          {d.message} {d.code === '' ? null : <span className="muted">({d.code})</span>}
        </li>
      ))}
    </ul>
  );
}

/** An error's located details: diagnostics or request issues (nothing for other shapes). */
export function ErrorDetails({ error }: { readonly error: unknown }) {
  if (!(error instanceof ApiFailure) || error.body === null) return null;
  const diagnostics = diagnosticsOf(error.body.details);
  if (diagnostics.length > 0) return <DiagnosticList diagnostics={diagnostics} />;
  const issues = issuesOf(error.body.details);
  if (issues.length === 0) return null;
  return (
    <ul>
      {issues.map((issue, i) => (
        <li key={`${issue.where}:${i}`}>
          {issue.where === '' ? null : <code>{issue.where}</code>} {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** The error of an analysis request; an invalid model lists its diagnostics and links to the editor. */
export function AnalysisError({
  error,
  onRetry,
}: {
  readonly error: unknown;
  readonly onRetry?: () => void;
}) {
  const { t } = useI18n();
  const { href, canEdit } = useWorkspace();
  const invalid =
    error instanceof ApiFailure && error.status === 422 && error.body?.code === 'invalid_model';
  if (!invalid) {
    return onRetry === undefined ? (
      <ErrorMessage error={error} />
    ) : (
      <ErrorMessage error={error} onRetry={onRetry} />
    );
  }
  return (
    <ErrorMessage error={error}>
      <p>{t('dashboard.invalidModel')}</p>
      <ErrorDetails error={error} />
      <p>
        {canEdit ? (
          <Link to={href('/edit', false)}>{t('dashboard.openEditor')}</Link>
        ) : (
          t('dashboard.askEditor')
        )}
      </p>
    </ErrorMessage>
  );
}
