/**
 * The list of one kind of model entity (`/explore/:kind`): kind tabs, a debounced search, zone and
 * site filters, a sortable virtualised table whose columns come from the server. Filters and sort
 * live in the URL query (replaced, not pushed) so a list can be shared and survives a reload.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ColumnView, EntityListResponse, EntityRow } from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { VirtualTable, sortRows } from '../../components/VirtualTable';
import type { Column, Sort } from '../../components/VirtualTable';
import { SeverityBadge } from '../../components/Severity';
import { lookup, useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link, useParams, useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { renderCell, severityRank, sortKey } from './cells';
import type { ToHref } from './cells';
import { KindNav } from './KindNav';
import { isListedKind, listStateParams, readListState, withQuery } from './links';
import type { ListedKind } from './links';
import './explorer.css';

const DEBOUNCE_MS = 200;
const NAME = 'name';
const WORST = 'worst';

/** Splits the workspace base (`/w/<id>` maybe with `?v=N`) so links are built from two strings. */
function useToHref(): { prefix: string; suffix: string } {
  const { href } = useWorkspace();
  const base = href('');
  const cut = base.indexOf('?');
  return cut < 0
    ? { prefix: base, suffix: '' }
    : { prefix: base.slice(0, cut), suffix: base.slice(cut) };
}

export default function EntityListPage() {
  const params = useParams('/w/:workspaceId/explore/:kind');
  const kind = params.kind ?? '';
  const { t } = useI18n();
  if (!isListedKind(kind)) {
    return (
      <>
        <h1>{t('explorer.title')}</h1>
        <KindNav current="" />
        <p className="error" role="alert">
          {t('explorer.unknownKind', { kind })}
        </p>
      </>
    );
  }
  return <EntityList kind={kind} />;
}

function EntityList({ kind }: { readonly kind: ListedKind }) {
  const { t, lang, formatNumber } = useI18n();
  const { workspace, version, canEdit, href } = useWorkspace();
  const { location, navigate } = useRouter();
  const { prefix, suffix } = useToHref();
  const searchText = location.search.toString();
  const state = useMemo(() => readListState(new URLSearchParams(searchText)), [searchText]);
  const here = `${location.path}${searchText === '' ? '' : `?${searchText}`}`;

  // The search box follows the URL (back/forward) and updates it after a short pause.
  const [text, setText] = useState(state.q);
  const [urlQ, setUrlQ] = useState(state.q);
  if (urlQ !== state.q) {
    setUrlQ(state.q);
    if (text.trim() !== state.q) setText(state.q);
  }
  useEffect(() => {
    if (text.trim() === state.q) return;
    const timer = setTimeout(() => {
      navigate(withQuery(here, { q: text.trim() }), { replace: true });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [text, state.q, here, navigate]);

  const base = version === null ? null : wsPath(workspace.id, `/versions/${String(version)}`);
  const list = useApi<EntityListResponse>(
    base === null
      ? null
      : `${base}/entities/${kind}${query({ q: state.q, zone: state.zone, site: state.site })}`,
  );
  const serverColumns = list.data?.columns;
  const hasZone = serverColumns?.some((c) => c.key === 'zone') ?? false;
  const hasSite = hasZone || (serverColumns?.some((c) => c.key === 'site') ?? false);
  const zones = useApi<EntityListResponse>(
    base !== null && hasZone ? `${base}/entities/zones` : null,
  );
  const sites = useApi<EntityListResponse>(
    base !== null && hasSite ? `${base}/entities/sites` : null,
  );

  const columns = useMemo<Column<EntityRow>[]>(() => {
    const toHref: ToHref = (path) => `${prefix}${path}${suffix}`;
    const env = { t, lang, toHref, formatNumber };
    const first: Column<EntityRow> = {
      key: NAME,
      header: lookup(lang, 'explorer.column.name', NAME),
      width: 'minmax(12rem, 2fr)',
      render: (row) => (
        <Link to={toHref(`/explore/${kind}/${encodeURIComponent(row.id)}`)}>
          {row.name === '' ? row.id : row.name}
        </Link>
      ),
      sortValue: (row) => row.name || row.id,
    };
    const worst: Column<EntityRow> = {
      key: WORST,
      header: lookup(lang, 'explorer.column.worst', WORST),
      width: 'minmax(7rem, 0.7fr)',
      render: (row) => <SeverityBadge severity={row.worst} />,
      sortValue: (row) => severityRank(row.worst),
    };
    const rest = (serverColumns ?? [])
      .filter((c) => c.key !== NAME && c.key !== WORST)
      .map((column: ColumnView): Column<EntityRow> => ({
        key: column.key,
        header: lookup(lang, `explorer.column.${column.key}`, column.key),
        ...(column.type === 'refs' || column.type === 'text'
          ? { width: 'minmax(8rem, 1.2fr)' }
          : {}),
        render: (row) => renderCell(column, row.cells[column.key], env),
        sortValue: (row) => sortKey(column, row.cells[column.key]),
      }));
    return [first, ...rest, worst];
  }, [serverColumns, kind, lang, t, formatNumber, prefix, suffix]);

  const sortKeyName = state.sort?.key ?? null;
  const sortDir = state.sort?.dir ?? 'asc';
  const sort = useMemo<Sort | null>(
    () => (sortKeyName === null ? null : { key: sortKeyName, dir: sortDir }),
    [sortKeyName, sortDir],
  );
  const rows = useMemo(
    () => (list.data === null ? [] : sortRows(list.data.rows, columns, sort)),
    [list.data, columns, sort],
  );

  const kindLabel = t(`kind.${kind}`);
  const setParam = (patch: Partial<typeof state>) => {
    navigate(withQuery(here, listStateParams({ ...state, q: text, ...patch })), { replace: true });
  };
  const filtered = state.q !== '' || state.zone !== '' || state.site !== '';

  return (
    <>
      <h1>{kindLabel}</h1>
      <KindNav current={kind} />
      {canEdit && version !== null ? (
        <p className="explorer-actions">
          <Link className="primary" to={href(`/new/${kind}`, false)}>
            {t('forms.new.button', { kind: t(`forms.one.${kind}`) })}
          </Link>
        </p>
      ) : null}
      <p className="muted">{t('explorer.intro')}</p>
      {version === null ? (
        <p className="empty">{t('app.noVersion')}</p>
      ) : (
        <>
          <div className="toolbar explorer-toolbar" role="search">
            <label>
              {t('explorer.search')}
              <input
                type="search"
                value={text}
                placeholder={t('explorer.searchPlaceholder')}
                onChange={(event) => {
                  setText(event.target.value);
                }}
              />
            </label>
            {hasZone ? (
              <label>
                {t('explorer.zone')}
                <select
                  value={state.zone}
                  onChange={(event) => {
                    setParam({ zone: event.target.value });
                  }}
                >
                  <option value="">{t('explorer.all')}</option>
                  {(zones.data?.rows ?? []).map((zone) => (
                    <option key={zone.id} value={zone.id}>
                      {zone.name === '' || zone.name === zone.id
                        ? zone.id
                        : `${zone.name} (${zone.id})`}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {hasSite ? (
              <label>
                {t('explorer.site')}
                <select
                  value={state.site}
                  onChange={(event) => {
                    setParam({ site: event.target.value });
                  }}
                >
                  <option value="">{t('explorer.all')}</option>
                  {(sites.data?.rows ?? []).map((site) => (
                    <option key={site.id} value={site.id}>
                      {site.name === '' || site.name === site.id
                        ? site.id
                        : `${site.name} (${site.id})`}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {filtered ? (
              <button
                type="button"
                className="explorer-clear"
                onClick={() => {
                  setText('');
                  setParam({ q: '', zone: '', site: '' });
                }}
              >
                {t('explorer.clear')}
              </button>
            ) : null}
          </div>
          {list.error !== null ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
          {list.data === null ? (
            list.error === null ? (
              <Loading />
            ) : null
          ) : (
            <>
              <p className="explorer-count muted" role="status" aria-live="polite">
                {t('explorer.count', {
                  shown: formatNumber(rows.length),
                  total: formatNumber(list.data.total),
                })}
                {list.loading ? ` — ${t('explorer.updating')}` : ''}
              </p>
              <VirtualTable
                rows={rows}
                columns={columns}
                rowKey={(row) => row.id}
                sort={sort}
                onSort={(next) => {
                  setParam({ sort: next });
                }}
                label={t('explorer.tableLabel', { kind: kindLabel })}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
