/**
 * How the explorer shows values: table cells by column type, sort keys, and model field values
 * (strings, numbers, lists, nested mappings) as text and nested lists — never as HTML.
 */
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import type {
  CellValue,
  ColumnView,
  EntityRef,
  Lang,
  Severity,
} from '../../../../src/platform/api/types';
import { SeverityBadge } from '../../components/Severity';
import { lookup } from '../../i18n';
import { formatNumberOf, numberKindOfField } from '../../lib/format';
import type { Translate } from '../../i18n';
import { Link } from '../../lib/router';
import { entityPath } from './links';

/** Turns a workspace-relative path into a link target (the workspace's `href`). */
export type ToHref = (path: string) => string;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
};

export function severityRank(value: unknown): number {
  return typeof value === 'string' && value in SEVERITY_RANK ? SEVERITY_RANK[value as Severity] : 0;
}

function isRef(value: unknown): value is EntityRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>).id === 'string' &&
    typeof (value as Record<string, unknown>).kind === 'string'
  );
}

function refsOf(value: CellValue | undefined): EntityRef[] {
  if (isRef(value)) return [value];
  if (Array.isArray(value)) return (value as readonly unknown[]).filter(isRef);
  return [];
}

export function RefLink({ value, toHref }: { readonly value: EntityRef; readonly toHref: ToHref }) {
  const path = entityPath(value.kind, value.id);
  const label = value.name === '' ? value.id : value.name;
  return path === null ? <span>{label}</span> : <Link to={toHref(path)}>{label}</Link>;
}

function RefList({ refs, toHref }: { readonly refs: EntityRef[]; readonly toHref: ToHref }) {
  return (
    <>
      {refs.map((ref, index) => (
        <Fragment key={`${ref.kind}/${ref.id}`}>
          {index > 0 ? ', ' : null}
          <RefLink value={ref} toHref={toHref} />
        </Fragment>
      ))}
    </>
  );
}

/** `YYYY-MM-DD` (or a full ISO time) as a local date, else the text unchanged. */
export function formatDay(value: string, lang: Lang): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    ...(day ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

export function levelText(value: unknown, t: Translate): string {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 4) {
    return value === null || value === undefined ? t('explorer.none') : scalarText(value);
  }
  const label = t(`explorer.level.${String(value) as '1' | '2' | '3' | '4'}`);
  return t('explorer.level', { n: value, label });
}

/** A scalar as text; anything else as JSON text. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined ? '' : JSON.stringify(value);
}

function plainText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    return (value as readonly unknown[])
      .map((item) => (isRef(item) ? item.name || item.id : scalarText(item)))
      .join(', ');
  }
  if (isRef(value)) return value.name || value.id;
  return scalarText(value);
}

/** One table cell rendered according to its column type. */
export function renderCell(
  column: ColumnView,
  value: CellValue | undefined,
  env: {
    readonly t: Translate;
    readonly lang: Lang;
    readonly toHref: ToHref;
    readonly formatNumber: (n: number) => string;
  },
): ReactNode {
  if (value === null || value === undefined || value === '') {
    return column.type === 'severity' ? <SeverityBadge severity={null} /> : null;
  }
  switch (column.type) {
    case 'ref':
    case 'refs': {
      const refs = refsOf(value);
      return refs.length > 0 ? <RefList refs={refs} toHref={env.toHref} /> : plainText(value);
    }
    case 'severity':
      return severityRank(value) > 0 ? (
        <SeverityBadge severity={value as Severity} />
      ) : (
        plainText(value)
      );
    case 'bool':
      return typeof value === 'boolean'
        ? env.t(value ? 'explorer.yes' : 'explorer.no')
        : plainText(value);
    case 'level':
      return levelText(value, env.t);
    case 'date':
      return typeof value === 'string' ? formatDay(value, env.lang) : plainText(value);
    case 'number':
      // ports, VLANs, ids and years are never grouped by thousands (format.ts)
      return typeof value === 'number'
        ? numberKindOfField(column.key) === 'count'
          ? env.formatNumber(value)
          : formatNumberOf(numberKindOfField(column.key), env.lang, value)
        : plainText(value);
    case 'text':
      return plainText(value);
  }
}

/** The value a column sorts on. */
export function sortKey(column: ColumnView, value: CellValue | undefined): string | number {
  if (value === null || value === undefined) return column.type === 'text' ? '' : -Infinity;
  switch (column.type) {
    case 'number':
    case 'level':
      return typeof value === 'number' ? value : -Infinity;
    case 'bool':
      return value === true ? 1 : 0;
    case 'severity':
      return severityRank(value);
    default:
      return plainText(value);
  }
}

/** A field label: the column translation if there is one, else the key. */
export function fieldLabel(lang: Lang, key: string): string {
  return lookup(lang, `explorer.column.${key}`, key);
}

const MAX_DEPTH = 5;

/** A model field value (parsed YAML) as text, lists and nested definition lists. */
export function FieldValue({
  value,
  lang,
  t,
  depth = 0,
}: {
  readonly value: unknown;
  readonly lang: Lang;
  readonly t: Translate;
  readonly depth?: number;
}): ReactNode {
  if (value === null || value === undefined)
    return <span className="muted">{t('explorer.none')}</span>;
  if (typeof value === 'boolean') return t(value ? 'explorer.yes' : 'explorer.no');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return <span className="field-text">{String(value)}</span>;
  }
  if (depth >= MAX_DEPTH) return <code className="field-json">{JSON.stringify(value)}</code>;
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    if (items.length === 0) return <span className="muted">{t('explorer.none')}</span>;
    if (items.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return <span className="field-text">{items.map(String).join(', ')}</span>;
    }
    return (
      <ul className="field-list">
        {items.map((item, index) => (
          <li key={index}>
            <FieldValue value={item} lang={lang} t={t} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <span className="muted">{t('explorer.none')}</span>;
    return (
      <dl className="fields nested">
        {entries.map(([key, item]) => (
          <Fragment key={key}>
            <dt>{fieldLabel(lang, key)}</dt>
            <dd>
              <FieldValue value={item} lang={lang} t={t} depth={depth + 1} />
            </dd>
          </Fragment>
        ))}
      </dl>
    );
  }
  return <code className="field-json">{JSON.stringify(value)}</code>;
}
