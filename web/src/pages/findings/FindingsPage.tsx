/**
 * The findings of a version: filters kept in the URL (severity, status, family, text), facet
 * counts in the options, a sortable virtualised table.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FindingView, FindingsResponse } from '../../../../src/platform/api/types';
import { AnalysisError, EntityLink, formatDay, withQuery } from '../../components/Analysis';
import { SeverityBadge, StatusBadge } from '../../components/Severity';
import { Empty, Loading } from '../../components/Status';
import { VirtualTable, sortRows } from '../../components/VirtualTable';
import type { Column, Sort } from '../../components/VirtualTable';
import { useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link, useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { SEVERITY_ORDER, STATUS_ORDER, familyLabel, severityRank, statusRank } from './labels';
import './findings.css';

type Filter = 'severity' | 'status' | 'family' | 'subject' | 'q' | 'sort' | 'dir';

function useFilters() {
  const { location, navigate } = useRouter();
  const get = (name: Filter) => location.search.get(name) ?? '';
  const current = location.search.toString();
  const here = `${location.path}${current === '' ? '' : `?${current}`}`;
  const set = useCallback(
    (params: Partial<Record<Filter, string>>) => {
      navigate(withQuery(here, params), { replace: true });
    },
    [navigate, here],
  );
  return { get, set };
}

function FindingsTable({ data }: { readonly data: FindingsResponse }) {
  const { t, lang, formatNumber } = useI18n();
  const { href } = useWorkspace();
  const { get, set } = useFilters();
  const sortKey = get('sort');
  const sortDir = get('dir') === 'desc' ? 'desc' : 'asc';
  const sort = useMemo<Sort | null>(
    () => (sortKey === '' ? null : { key: sortKey, dir: sortDir }),
    [sortKey, sortDir],
  );
  const columns = useMemo<Column<FindingView>[]>(
    () => [
      {
        key: 'severity',
        header: t('findings.column.severity'),
        width: '7.5rem',
        render: (f) => <SeverityBadge severity={f.severity} />,
        sortValue: (f) => severityRank(f.severity),
      },
      {
        key: 'title',
        header: t('findings.column.title'),
        width: 'minmax(14rem, 3fr)',
        render: (f) => (
          <Link to={href(`/findings/${encodeURIComponent(f.id)}`)} title={f.title}>
            {f.title}
          </Link>
        ),
        sortValue: (f) => f.title,
      },
      {
        key: 'subject',
        header: t('findings.column.subject'),
        width: 'minmax(9rem, 1.5fr)',
        render: (f) => {
          const subject = f.subjects[0];
          return subject === undefined ? '—' : <EntityLink entity={subject} />;
        },
        sortValue: (f) => f.subjects[0]?.name ?? '',
      },
      {
        key: 'family',
        header: t('findings.column.family'),
        width: 'minmax(8rem, 1fr)',
        render: (f) => familyLabel(lang, f.family),
        sortValue: (f) => familyLabel(lang, f.family),
      },
      {
        key: 'status',
        header: t('findings.column.status'),
        width: '8.5rem',
        render: (f) => <StatusBadge status={f.status} />,
        sortValue: (f) => statusRank(f.status),
      },
      {
        key: 'review',
        header: t('findings.column.review'),
        width: '9rem',
        render: (f) => {
          const review = f.decision?.reviewDate ?? null;
          if (review === null) return '—';
          return (
            <>
              {formatDay(lang, review)}
              {f.decision?.expired === true ? (
                <span className="findings-expired"> ({t('findings.expiredShort')})</span>
              ) : null}
            </>
          );
        },
        sortValue: (f) => f.decision?.reviewDate ?? '',
      },
    ],
    [t, lang, href],
  );
  const rows = useMemo(() => sortRows(data.findings, columns, sort), [data, columns, sort]);
  return (
    <>
      <p className="findings-count" aria-live="polite">
        {t('findings.count', {
          shown: formatNumber(data.findings.length),
          total: formatNumber(data.total),
        })}
      </p>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(f) => f.id}
        sort={sort}
        onSort={(next) => {
          set({ sort: next.key, dir: next.dir });
        }}
        label={t('findings.tableLabel', { version: data.version })}
      />
    </>
  );
}

function Filters({ data }: { readonly data: FindingsResponse | null }) {
  const { t, lang, formatNumber } = useI18n();
  const { get, set } = useFilters();
  const q = get('q');
  const [text, setText] = useState(q);
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => {
      set({ q: text.trim() });
    }, 300);
    return () => {
      clearTimeout(timer);
    };
  }, [text, q, set]);
  const count = (facet: 'severity' | 'status' | 'family', key: string) =>
    data === null ? '' : ` (${formatNumber(data.facets[facet][key] ?? 0)})`;
  const families = data === null ? [] : Object.keys(data.facets.family).sort();
  const family = get('family');
  if (family !== '' && !families.includes(family)) families.push(family);
  const subject = get('subject');
  const filtered = ['severity', 'status', 'family', 'subject', 'q'].some(
    (f) => get(f as Filter) !== '',
  );
  return (
    <form
      className="toolbar"
      role="search"
      aria-label={t('findings.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        set({ q: text.trim() });
      }}
    >
      <label>
        {t('findings.filter.severity')}
        <select
          value={get('severity')}
          onChange={(e) => {
            set({ severity: e.target.value });
          }}
        >
          <option value="">{t('findings.filter.all')}</option>
          {SEVERITY_ORDER.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
              {count('severity', s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('findings.filter.status')}
        <select
          value={get('status')}
          onChange={(e) => {
            set({ status: e.target.value });
          }}
        >
          <option value="">{t('findings.filter.all')}</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
              {count('status', s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('findings.filter.family')}
        <select
          value={family}
          onChange={(e) => {
            set({ family: e.target.value });
          }}
        >
          <option value="">{t('findings.filter.all')}</option>
          {families.map((f) => (
            <option key={f} value={f}>
              {familyLabel(lang, f)}
              {count('family', f)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('findings.filter.q')}
        <input
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </label>
      {subject === '' ? null : (
        <p className="findings-subject">
          {t('findings.filter.subject', { subject })}{' '}
          <button
            type="button"
            onClick={() => {
              set({ subject: '' });
            }}
          >
            {t('findings.filter.removeSubject')}
          </button>
        </p>
      )}
      {filtered ? (
        <button
          type="button"
          onClick={() => {
            setText('');
            set({ severity: '', status: '', family: '', subject: '', q: '' });
          }}
        >
          {t('findings.filter.clear')}
        </button>
      ) : null}
    </form>
  );
}

export default function FindingsPage() {
  const { t, lang } = useI18n();
  const { workspace, version, canEdit, href } = useWorkspace();
  const { location } = useRouter();
  const params = {
    lang,
    severity: location.search.get('severity'),
    status: location.search.get('status'),
    family: location.search.get('family'),
    subject: location.search.get('subject'),
    q: location.search.get('q'),
  };
  const path =
    version === null
      ? null
      : wsPath(workspace.id, `/versions/${String(version)}/findings${query(params)}`);
  const { data, error, loading, reload } = useApi<FindingsResponse>(path);

  return (
    <>
      <h1>{t('findings.title')}</h1>
      {version === null ? (
        <>
          <Empty>{t('app.noVersion')}</Empty>
          {canEdit ? (
            <p>
              <Link to={href('/edit', false)}>{t('dashboard.openEditor')}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="muted">{t('findings.intro', { version })}</p>
          <Filters data={data} />
          {error === null ? null : <AnalysisError error={error} onRetry={reload} />}
          {data === null ? (
            error === null ? (
              <Loading />
            ) : null
          ) : (
            <div aria-busy={loading}>
              {loading ? <Loading /> : null}
              <FindingsTable data={data} />
            </div>
          )}
        </>
      )}
    </>
  );
}
