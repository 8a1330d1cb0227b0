/**
 * The findings of a version: filters kept in the URL (severity, status, family, text), facet
 * counts in the options, a sortable virtualised table.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  ASSIGNEE_NONE,
  DUE_FILTERS,
  REVIEW_FILTERS,
  filterWork,
  withWork,
  type DueFilter,
  type ReviewFilter,
  type WorkedFinding,
} from '../../../../src/platform/api/finding-filters';
import type {
  BulkFindingWorkResponse,
  FindingWorkListResponse,
  FindingsResponse,
} from '../../../../src/platform/api/types';
import { AnalysisError, EntityLink, formatDay, withQuery } from '../../components/Analysis';
import { SeverityBadge, StatusBadge } from '../../components/Severity';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { VirtualTable, sortRows } from '../../components/VirtualTable';
import type { Column, Sort } from '../../components/VirtualTable';
import { useI18n } from '../../i18n';
import {
  ComboBox,
  DateField,
  MenuButton,
  MenuItem,
  Modal,
  toast,
  todayIso,
} from '../../components/ui';
import { api, apiBlob, query, saveBlob, wsPath } from '../../lib/api';
import { Link, useRouter } from '../../lib/router';
import { useApi, useApiMutation } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { DecisionForm } from './DecisionForm';
import { useMemberItems } from './FindingWork';
import { SEVERITY_ORDER, STATUS_ORDER, familyLabel, severityRank, statusRank } from './labels';
import { facetCounts, groupByRootCause } from './root-cause-groups';
import './findings.css';

type Filter =
  | 'severity'
  | 'status'
  | 'family'
  | 'subject'
  | 'zone'
  | 'site'
  | 'assignee'
  | 'due'
  | 'review'
  | 'q'
  | 'group'
  | 'sort'
  | 'dir';

/** The filters a user sets (sort apart), all kept in the URL. */
const FILTERS = [
  'severity',
  'status',
  'family',
  'subject',
  'zone',
  'site',
  'assignee',
  'due',
  'review',
  'q',
] as const satisfies readonly Filter[];

/** Most findings one bulk decision records (the server's limit). */
const MAX_BULK_DECISIONS = 100;

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

function FindingsTable({
  rows: shown,
  total,
  version,
  selected,
  onSelect,
}: {
  readonly rows: readonly WorkedFinding[];
  readonly total: number;
  readonly version: number;
  /** Present when the caller may act on several findings. */
  readonly selected: ReadonlySet<string> | null;
  readonly onSelect: (ids: readonly string[], on: boolean) => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const { href } = useWorkspace();
  const { get, set } = useFilters();
  const sortKey = get('sort');
  const sortDir = get('dir') === 'desc' ? 'desc' : 'asc';
  const sort = useMemo<Sort | null>(
    () => (sortKey === '' ? null : { key: sortKey, dir: sortDir }),
    [sortKey, sortDir],
  );
  const today = todayIso();
  const grouped = get('group') === 'root-cause';
  const facets = useMemo(() => facetCounts(shown), [shown]);
  const columns = useMemo<Column<WorkedFinding>[]>(
    () => [
      ...(selected === null
        ? []
        : [
            {
              key: 'select',
              header: t('findings.column.select'),
              width: '4.5rem',
              render: (f: WorkedFinding) => (
                <input
                  type="checkbox"
                  className="findings-select"
                  checked={selected.has(f.id)}
                  aria-label={t('findings.select.one', { title: f.title })}
                  onChange={(e) => {
                    onSelect([f.id], e.target.checked);
                  }}
                />
              ),
            },
          ]),
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
        key: 'rootCause',
        header: t('findings.column.rootCause'),
        width: 'minmax(9rem, 1.5fr)',
        render: (f) => {
          const n = facets.get(f.rootCause.id) ?? 1;
          return (
            <span className="findings-root-cause">
              <EntityLink entity={f.rootCause.subject} />
              {n > 1 ? ` ${t('findings.rootCause.facets', { n })}` : null}
            </span>
          );
        },
        sortValue: (f) => f.rootCause.subject.name,
      },
      {
        key: 'zone',
        header: t('findings.column.zone'),
        width: 'minmax(7rem, 1fr)',
        render: (f) => (f.zone === null ? '—' : <EntityLink entity={f.zone} />),
        sortValue: (f) => f.zone?.name ?? '',
      },
      {
        key: 'site',
        header: t('findings.column.site'),
        width: 'minmax(7rem, 1fr)',
        render: (f) => (f.site === null ? '—' : <EntityLink entity={f.site} />),
        sortValue: (f) => f.site?.name ?? '',
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
        key: 'assignee',
        header: t('findings.column.assignee'),
        width: 'minmax(7rem, 1fr)',
        render: (f) => f.work?.assignee?.displayName ?? '—',
        sortValue: (f) => f.work?.assignee?.displayName ?? '',
      },
      {
        key: 'due',
        header: t('findings.column.due'),
        width: '8.5rem',
        render: (f) => {
          const due = f.work?.dueDate ?? null;
          if (due === null) return '—';
          return (
            <>
              {formatDay(lang, due)}
              {due < today && f.status === 'open' ? (
                <span className="findings-expired"> ({t('findings.overdue')})</span>
              ) : null}
            </>
          );
        },
        sortValue: (f) => f.work?.dueDate ?? '',
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
    [t, lang, href, selected, onSelect, today, facets],
  );
  const rows = useMemo(() => {
    const sorted = sortRows(shown, columns, sort);
    return grouped ? groupByRootCause(sorted) : sorted;
  }, [shown, columns, sort, grouped]);
  return (
    <>
      <p className="findings-count" aria-live="polite">
        {t('findings.count', {
          shown: formatNumber(shown.length),
          total: formatNumber(total),
        })}
      </p>
      <div className="findings-root-causes">
        <span aria-live="polite">
          {t('findings.rootCause.count', { n: formatNumber(facets.size) })}
        </span>{' '}
        <label>
          <input
            type="checkbox"
            checked={grouped}
            onChange={(e) => {
              set({ group: e.target.checked ? 'root-cause' : '' });
            }}
          />{' '}
          {t('findings.rootCause.group')}
        </label>
      </div>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(f) => f.id}
        sort={sort}
        onSort={(next) => {
          set({ sort: next.key, dir: next.dir });
        }}
        label={t('findings.tableLabel', { version })}
      />
    </>
  );
}

function Select({
  name,
  label,
  value,
  onChange,
  options,
}: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}) {
  const { t } = useI18n();
  const known = value === '' || options.some((o) => o.value === value);
  return (
    <label>
      {label}
      <select
        name={name}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        <option value="">{t('findings.filter.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {known ? null : <option value={value}>{value}</option>}
      </select>
    </label>
  );
}

function Filters({ data }: { readonly data: FindingsResponse | null }) {
  const { t, lang, formatNumber } = useI18n();
  const { workspace } = useWorkspace();
  const members = useMemberItems(workspace.id);
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
  const count = (facet: keyof FindingsResponse['facets'], key: string) =>
    data === null ? '' : ` (${formatNumber(data.facets[facet][key] ?? 0)})`;
  const families = data === null ? [] : Object.keys(data.facets.family).sort();
  const subject = get('subject');
  const filtered = FILTERS.some((f) => get(f) !== '');
  const select = (name: Filter, label: string, options: { value: string; label: string }[]) => (
    <Select
      name={name}
      label={label}
      value={get(name)}
      onChange={(value) => {
        set({ [name]: value });
      }}
      options={options}
    />
  );
  return (
    <form
      className="toolbar findings-filters"
      role="search"
      aria-label={t('findings.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        set({ q: text.trim() });
      }}
    >
      {select(
        'severity',
        t('findings.filter.severity'),
        SEVERITY_ORDER.map((s) => ({
          value: s,
          label: `${t(`severity.${s}`)}${count('severity', s)}`,
        })),
      )}
      {select(
        'status',
        t('findings.filter.status'),
        STATUS_ORDER.map((s) => ({ value: s, label: `${t(`status.${s}`)}${count('status', s)}` })),
      )}
      {select(
        'family',
        t('findings.filter.family'),
        families.map((f) => ({ value: f, label: `${familyLabel(lang, f)}${count('family', f)}` })),
      )}
      {select(
        'zone',
        t('findings.filter.zone'),
        (data?.places.zones ?? []).map((z) => ({
          value: z.id,
          label: `${z.name}${count('zone', z.id)}`,
        })),
      )}
      {select(
        'site',
        t('findings.filter.site'),
        (data?.places.sites ?? []).map((z) => ({
          value: z.id,
          label: `${z.name}${count('site', z.id)}`,
        })),
      )}
      {select('assignee', t('findings.filter.assignee'), [
        { value: ASSIGNEE_NONE, label: t('findings.filter.unassigned') },
        ...members.map((m) => ({ value: m.id, label: m.label })),
      ])}
      {select(
        'due',
        t('findings.filter.due'),
        DUE_FILTERS.map((d) => ({ value: d, label: t(`findings.filter.due.${d}`) })),
      )}
      {select(
        'review',
        t('findings.filter.review'),
        REVIEW_FILTERS.map((d) => ({ value: d, label: t(`findings.filter.review.${d}`) })),
      )}
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
            set(Object.fromEntries(FILTERS.map((f) => [f, ''])));
          }}
        >
          {t('findings.filter.clear')}
        </button>
      ) : null}
    </form>
  );
}

function BulkAssign({
  ids,
  onDone,
}: {
  readonly ids: readonly string[];
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const items = useMemberItems(workspace.id);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const apply = useApiMutation(() =>
    api<BulkFindingWorkResponse>(wsPath(workspace.id, '/findings-work/bulk'), {
      method: 'POST',
      body: { findingIds: ids, assigneeId: assignee, ...(due === null ? {} : { dueDate: due }) },
    }),
  );
  return (
    <form
      className="finding-work-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply.mutate(undefined, {
          onSuccess: (result) => {
            toast.success(t('findings.bulk.assigned', { n: result.changed }));
            onDone();
          },
        });
      }}
    >
      <ComboBox
        label={t('findings.work.assignee')}
        description={t('findings.work.assigneeHint')}
        items={items}
        selectedKey={assignee}
        onSelectionChange={setAssignee}
      />
      <DateField label={t('findings.work.due')} value={due} onChange={setDue} />
      {apply.error === null ? null : <ErrorMessage error={apply.error} />}
      <button type="submit" className="primary" disabled={apply.isPending}>
        {apply.isPending ? t('findings.work.saving') : t('findings.work.save')}
      </button>
    </form>
  );
}

function BulkBar({
  rows,
  selected,
  onSelect,
  onClear,
}: {
  readonly rows: readonly WorkedFinding[];
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (ids: readonly string[], on: boolean) => void;
  readonly onClear: () => void;
}) {
  const { t } = useI18n();
  const { workspace, latest, refresh } = useWorkspace();
  const [open, setOpen] = useState<'assign' | 'decide' | null>(null);
  const ids = [...selected];
  const allShown = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <div className="findings-bulk" role="group" aria-label={t('findings.column.select')}>
      <label className="findings-select-all">
        <input
          type="checkbox"
          checked={allShown}
          onChange={(e) => {
            onSelect(
              rows.map((r) => r.id),
              e.target.checked,
            );
          }}
        />{' '}
        {t('findings.select.all', { n: rows.length })}
      </label>
      <span aria-live="polite">{t('findings.select.count', { n: selected.size })}</span>
      {selected.size === 0 ? null : (
        <>
          <button
            type="button"
            onClick={() => {
              setOpen('assign');
            }}
          >
            {t('findings.bulk.assign')}
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen('decide');
            }}
          >
            {t('findings.bulk.decide')}
          </button>
          <button type="button" className="link-button" onClick={onClear}>
            {t('findings.select.clear')}
          </button>
        </>
      )}
      <Modal
        isOpen={open === 'assign'}
        onOpenChange={(isOpen) => {
          if (!isOpen) setOpen(null);
        }}
        isDismissable={false}
        title={t('findings.bulk.assignTitle', { n: selected.size })}
      >
        <BulkAssign
          ids={ids}
          onDone={() => {
            setOpen(null);
          }}
        />
      </Modal>
      <Modal
        isOpen={open === 'decide'}
        onOpenChange={(isOpen) => {
          if (!isOpen) setOpen(null);
        }}
        isDismissable={false}
        title={t('findings.bulk.decideTitle', { n: selected.size })}
      >
        {latest === null ? null : ids.length > MAX_BULK_DECISIONS ? (
          <p className="error" role="alert">
            {t('findings.bulk.tooMany', { max: MAX_BULK_DECISIONS })}
          </p>
        ) : (
          <DecisionForm
            workspaceId={workspace.id}
            finding={ids[0] ?? ''}
            findings={ids}
            decision={null}
            latest={latest}
            onRecorded={(n) => {
              setOpen(null);
              onClear();
              toast.success(t('findings.form.recorded', { version: n }));
              refresh();
            }}
            onReload={refresh}
          />
        )}
      </Modal>
    </div>
  );
}

function ExportMenu({ version }: { readonly version: number }) {
  const { t, lang } = useI18n();
  const { workspace } = useWorkspace();
  const { get } = useFilters();
  const download = (format: 'csv' | 'pdf') => {
    const params: Record<string, string> = { format, lang };
    for (const f of FILTERS) if (get(f) !== '') params[f] = get(f);
    const path = wsPath(
      workspace.id,
      `/versions/${String(version)}/findings/export${query(params)}`,
    );
    apiBlob(path)
      .then(({ blob, fileName }) => {
        saveBlob(blob, fileName ?? `findings.${format}`);
      })
      .catch(() => {
        toast.error(t('findings.export.failed'));
      });
  };
  return (
    <MenuButton label={t('findings.export')} placement="bottom end">
      <MenuItem
        onAction={() => {
          download('csv');
        }}
      >
        {t('findings.export.csv')}
      </MenuItem>
      <MenuItem
        onAction={() => {
          download('pdf');
        }}
      >
        {t('findings.export.pdf')}
      </MenuItem>
    </MenuButton>
  );
}

export default function FindingsPage() {
  const { t, lang } = useI18n();
  const { workspace, version, latest, canEdit, can, href } = useWorkspace();
  const { get } = useFilters();
  const params = {
    lang,
    severity: get('severity'),
    status: get('status'),
    family: get('family'),
    subject: get('subject'),
    zone: get('zone'),
    site: get('site'),
    q: get('q'),
  };
  const path =
    version === null
      ? null
      : wsPath(workspace.id, `/versions/${String(version)}/findings${query(params)}`);
  const { data, error, loading, reload } = useApi<FindingsResponse>(path);
  const work = useApi<FindingWorkListResponse>(wsPath(workspace.id, '/findings-work'));
  const assignee = get('assignee');
  const due = get('due');
  const review = get('review');
  const rows = useMemo(
    () =>
      data === null
        ? []
        : filterWork(
            withWork(data.findings, work.data?.work ?? []),
            {
              assignee,
              due: (DUE_FILTERS as readonly string[]).includes(due)
                ? (due as DueFilter)
                : undefined,
              review: (REVIEW_FILTERS as readonly string[]).includes(review)
                ? (review as ReviewFilter)
                : undefined,
            },
            todayIso(),
          ),
    [data, work.data, assignee, due, review],
  );
  const bulk = can('finding.decide') && version !== null && version === latest;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const onSelect = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  // the selection keeps only findings still shown
  const shown = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const visibleSelection = useMemo(
    () => new Set([...selected].filter((id) => shown.has(id))),
    [selected, shown],
  );

  return (
    <>
      <div className="findings-head">
        <h1>{t('findings.title')}</h1>
        {version === null ? null : <ExportMenu version={version} />}
      </div>
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
              {bulk ? (
                <BulkBar
                  rows={rows}
                  selected={visibleSelection}
                  onSelect={onSelect}
                  onClear={() => {
                    setSelected(new Set());
                  }}
                />
              ) : can('finding.decide') ? (
                <p className="muted">{t('findings.bulk.latestOnly')}</p>
              ) : null}
              <FindingsTable
                rows={rows}
                total={data.total}
                version={data.version}
                selected={bulk ? visibleSelection : null}
                onSelect={onSelect}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}
