/**
 * The workspace's audit log (owners and auditors): newest first, paged with "Load more",
 * each entry's before/after state shown on demand as JSON text, and CSV/JSON export.
 */
import { useEffect, useState } from 'react';
import type { AuditEntryView, AuditListResponse } from '../../../../src/platform/api/types';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { api, apiBlob, saveBlob, wsPath } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { useSearchState } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import {
  EXPORT_FORMATS,
  KNOWN_ENTITY_KINDS,
  actionFamilies,
  actionMessageKey,
  appendPage,
  auditListPath,
  entityMessageKey,
  hasChanges,
  jsonText,
  userLabel,
} from './audit-logic';
import type { AuditFilters, ExportFormat } from './audit-logic';
import { fieldDiff, valueText } from './field-diff';
import { useMemberNames } from './use-member-names';
import './audit.css';

export default function AuditPage() {
  const { t } = useI18n();
  const { workspace, can } = useWorkspace();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      {can('audit.read') ? (
        <>
          <p>{t('audit.intro')}</p>
          <ExportButtons workspaceId={workspace.id} />
          <AuditLog workspaceId={workspace.id} />
        </>
      ) : (
        <p className="empty">{t('audit.forbidden')}</p>
      )}
    </>
  );
}

function ExportButtons({ workspaceId }: { readonly workspaceId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const run = (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    setSaved('');
    apiBlob(wsPath(workspaceId, `/audit/export?format=${format}`))
      .then(({ blob, fileName }) => {
        const name = fileName ?? `audit.${format}`;
        saveBlob(blob, name);
        setSaved(t('audit.exported', { file: name }));
      })
      .catch(setError)
      .finally(() => {
        setBusy(null);
      });
  };
  return (
    <section className="audit-export" aria-labelledby="audit-export-title">
      <h2 id="audit-export-title" className="visually-hidden">
        {t('audit.export')}
      </h2>
      <div className="toolbar" role="group" aria-labelledby="audit-export-title">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            disabled={busy !== null}
            onClick={() => {
              run(format);
            }}
          >
            {busy === format
              ? t('audit.exporting')
              : t(format === 'csv' ? 'audit.exportCsv' : 'audit.exportJson')}
          </button>
        ))}
        <span role="status" className="muted">
          {saved}
        </span>
      </div>
      {error === null ? null : <ErrorMessage error={error} />}
    </section>
  );
}

interface OlderPages {
  readonly entries: readonly AuditEntryView[];
  readonly nextCursor: number | null;
}

/** The filters as URL search params (shareable, kept by Back). */
function useAuditFilters(): readonly [
  AuditFilters,
  (key: keyof AuditFilters, value: string) => void,
] {
  const [who, setWho] = useSearchState<string>('who', '');
  const [action, setAction] = useSearchState<string>('action', '');
  const [entityKind, setEntityKind] = useSearchState<string>('entityKind', '');
  const [from, setFrom] = useSearchState<string>('from', '');
  const [to, setTo] = useSearchState<string>('to', '');
  const setters = {
    who: setWho,
    action: setAction,
    entityKind: setEntityKind,
    from: setFrom,
    to: setTo,
  };
  return [
    { who, action, entityKind, from, to },
    (key, value) => {
      setters[key](value);
    },
  ];
}

function AuditFilterForm({
  filters,
  onChange,
  names,
}: {
  readonly filters: AuditFilters;
  readonly onChange: (key: keyof AuditFilters, value: string) => void;
  readonly names: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const people = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <form
      className="audit-filters"
      aria-label={t('audit.filter.title')}
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <label>
        {t('audit.filter.who')}
        <select
          value={filters.who}
          onChange={(e) => {
            onChange('who', e.target.value);
          }}
        >
          <option value="">{t('audit.filter.anyone')}</option>
          {people.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.filter.what')}
        <select
          value={filters.action}
          onChange={(e) => {
            onChange('action', e.target.value);
          }}
        >
          <option value="">{t('audit.filter.anything')}</option>
          {actionFamilies().map((family) => (
            <option key={family} value={family}>
              {family}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.filter.entity')}
        <select
          value={filters.entityKind}
          onChange={(e) => {
            onChange('entityKind', e.target.value);
          }}
        >
          <option value="">{t('audit.filter.anything')}</option>
          {KNOWN_ENTITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`audit.entity.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.filter.from')}
        <input
          type="date"
          value={filters.from}
          onChange={(e) => {
            onChange('from', e.target.value);
          }}
        />
      </label>
      <label>
        {t('audit.filter.to')}
        <input
          type="date"
          value={filters.to}
          onChange={(e) => {
            onChange('to', e.target.value);
          }}
        />
      </label>
    </form>
  );
}

function AuditLog({ workspaceId }: { readonly workspaceId: string }) {
  const { t } = useI18n();
  const base = wsPath(workspaceId);
  const [filters, setFilter] = useAuditFilters();
  const first = useApi<AuditListResponse>(auditListPath(base, null, filters));
  const members = useMemberNames(workspaceId);
  const authors = first.data?.users;
  const names = new Map(members);
  for (const [id, user] of Object.entries(authors ?? {})) {
    if (!names.has(id)) names.set(id, user.displayName);
  }
  const form = <AuditFilterForm filters={filters} onChange={setFilter} names={names} />;
  const [older, setOlder] = useState<OlderPages | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [focusId, setFocusId] = useState<number | null>(null);

  // After "Load more", focus the first new row (the button may be gone at the end of the log).
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(`audit-entry-${focusId}`)?.focus();
  }, [focusId]);

  if (first.data === null) {
    return (
      <>
        {form}
        {first.error === null ? (
          <Loading />
        ) : (
          <ErrorMessage error={first.error} onRetry={first.reload} />
        )}
      </>
    );
  }
  const entries = appendPage(first.data.entries, older?.entries ?? []);
  const cursor = older === null ? first.data.nextCursor : older.nextCursor;

  const loadMore = () => {
    if (cursor === null) return;
    setLoadingMore(true);
    setMoreError(null);
    api<AuditListResponse>(auditListPath(base, cursor, filters))
      .then((page) => {
        const fresh = appendPage(entries, page.entries).slice(entries.length);
        setOlder((prev) => ({
          entries: [...(prev?.entries ?? []), ...page.entries],
          nextCursor: page.nextCursor,
        }));
        setNotice(
          `${t('audit.loaded', { count: fresh.length })}${page.nextCursor === null ? ` ${t('audit.end')}` : ''}`,
        );
        setFocusId(fresh[0]?.id ?? null);
        setLoadingMore(false);
      })
      .catch((reason: unknown) => {
        setMoreError(reason);
        setLoadingMore(false);
      });
  };

  if (entries.length === 0) {
    return (
      <>
        {form}
        <Empty>{t('audit.empty')}</Empty>
      </>
    );
  }
  return (
    <section aria-labelledby="audit-list-title">
      {form}
      <h2 id="audit-list-title" className="visually-hidden">
        {t('audit.caption')}
      </h2>
      <div className="table-scroll" role="region" aria-labelledby="audit-list-title" tabIndex={0}>
        <table className="plain audit-table">
          <caption className="visually-hidden">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.time')}</th>
              <th scope="col">{t('audit.col.user')}</th>
              <th scope="col">{t('audit.col.action')}</th>
              <th scope="col">{t('audit.col.entity')}</th>
              <th scope="col">{t('audit.col.changes')}</th>
            </tr>
          </thead>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} names={names} />
          ))}
        </table>
      </div>
      <p className="muted">{t('audit.shown', { count: entries.length })}</p>
      <p role="status" className="visually-hidden">
        {notice}
      </p>
      {moreError === null ? null : <ErrorMessage error={moreError} onRetry={loadMore} />}
      {cursor === null ? (
        <p className="muted">{t('audit.end')}</p>
      ) : (
        <button type="button" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? t('audit.loadingMore') : t('audit.loadMore')}
        </button>
      )}
    </section>
  );
}

/** One entry: a <tbody> holding its row and, when expanded, the before/after row. */
function AuditRow({
  entry,
  names,
}: {
  readonly entry: AuditEntryView;
  readonly names: ReadonlyMap<string, string>;
}) {
  const { t, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  const actionKey = actionMessageKey(entry.action);
  const entityKey = entityMessageKey(entry.entityKind);
  const user = userLabel(entry.userId, names);
  const detailsId = `audit-changes-${entry.id}`;
  return (
    <tbody>
      <tr id={`audit-entry-${entry.id}`} tabIndex={-1}>
        <td>
          <time dateTime={entry.at} title={entry.at}>
            {formatDate(entry.at)}
          </time>
        </td>
        <td>
          {user === null ? (
            <span className="muted">{t('audit.system')}</span>
          ) : user.known ? (
            user.name
          ) : (
            <span className="mono">{t('audit.formerMember', { id: user.name })}</span>
          )}
        </td>
        <td>
          {actionKey === null ? <code>{entry.action}</code> : t(actionKey)}
          {actionKey === null ? null : (
            <span className="muted audit-code">
              {' '}
              <code>{entry.action}</code>
            </span>
          )}
        </td>
        <td>
          {entityKey === null ? entry.entityKind : t(entityKey)}
          {entry.entityId === null ? null : (
            <>
              {' '}
              <code className="audit-id">{entry.entityId}</code>
            </>
          )}
        </td>
        <td>
          {hasChanges(entry) ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={open}
              aria-controls={open ? detailsId : undefined}
              onClick={() => {
                setOpen((v) => !v);
              }}
            >
              {open ? t('audit.hideChanges') : t('audit.showChanges')}
              <span className="visually-hidden">
                {' '}
                ({t('audit.changesLabel', { id: entry.id })})
              </span>
            </button>
          ) : (
            <span aria-hidden="true">{t('audit.noChanges')}</span>
          )}
        </td>
      </tr>
      {open ? (
        <tr id={detailsId} className="audit-changes-row">
          <td colSpan={5}>
            <ChangeView entry={entry} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

/** The changed fields by name with their old and new values; the raw states on demand. */
function ChangeView({ entry }: { readonly entry: AuditEntryView }) {
  const { t } = useI18n();
  const changes = fieldDiff(entry.before, entry.after);
  return (
    <div className="audit-change-view">
      {changes.length === 0 ? (
        <p className="muted">{t('audit.diff.none')}</p>
      ) : (
        <table className="plain audit-diff">
          <caption className="visually-hidden">{t('audit.diff.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.diff.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.path} className={`audit-diff-${change.kind}`}>
                <th scope="row">
                  <code>{change.path === '' ? t('audit.diff.value') : change.path}</code>
                </th>
                <td>
                  {change.kind === 'added' ? (
                    <span className="muted">{t('audit.diff.added')}</span>
                  ) : (
                    <del>{valueText(change.before)}</del>
                  )}
                </td>
                <td>
                  {change.kind === 'removed' ? (
                    <span className="muted">{t('audit.diff.removed')}</span>
                  ) : (
                    <ins>{valueText(change.after)}</ins>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary>{t('audit.diff.raw')}</summary>
        <div className="audit-changes">
          <div>
            <p className="audit-changes-label">{t('audit.before')}</p>
            <pre className="diff">{jsonText(entry.before)}</pre>
          </div>
          <div>
            <p className="audit-changes-label">{t('audit.after')}</p>
            <pre className="diff">{jsonText(entry.after)}</pre>
          </div>
        </div>
      </details>
    </div>
  );
}
