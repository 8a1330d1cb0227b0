/**
 * The business impact analysis of the version being viewed: a sortable table of the processes
 * (objectives, dependencies, supporting assets, achievable recovery against the RTO from the
 * recovery schedule), the impact over time as a heat map (level number and word in each cell,
 * never colour alone), the flags and the assumptions. A process opens a side panel with what it
 * rests on. Sort and the open process live in the URL (`?sort=&dir=&process=`).
 */
import { useMemo } from 'react';
import type { EntityKind } from '../../../../src/platform/api/types';
import { AnalysisError, withQuery } from '../../components/Analysis';
import { Empty, Loading } from '../../components/Status';
import { SidePanel } from '../../components/ui';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { Link, useRouter } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import type { BiaView, ContinuityAssumptionView, RecoveryPlanView } from './api-types';
import { IMPACT_AT, biaRows, impactLevel, isBiaSortKey, sortBiaRows } from './bia-logic';
import type { BiaRow, BiaSortKey } from './bia-logic';
import { Assumptions, EntityName, FlagList, useMinutes } from './ContinuityParts';
import { ContinuityTabs } from './ContinuityTabs';
import { useContinuity, useEntityNames } from './use-continuity';
import type { NameOf } from './use-continuity';
import './continuity.css';

function useSearchState() {
  const { location, navigate } = useRouter();
  const current = location.search.toString();
  const here = `${location.path}${current === '' ? '' : `?${current}`}`;
  return {
    get: (name: string) => location.search.get(name) ?? '',
    set: (params: Readonly<Record<string, string>>) => {
      navigate(withQuery(here, params), { replace: true });
    },
  };
}

const COLUMNS: readonly { readonly key: BiaSortKey; readonly label: MessageKey }[] = [
  { key: 'process', label: 'continuity.bia.column.process' },
  { key: 'rto', label: 'continuity.bia.column.rto' },
  { key: 'achievable', label: 'continuity.bia.column.achievable' },
  { key: 'rpo', label: 'continuity.bia.column.rpo' },
  { key: 'mtpd', label: 'continuity.bia.column.mtpd' },
  { key: 'availability', label: 'continuity.bia.column.availability' },
  { key: 'dependencies', label: 'continuity.bia.column.dependencies' },
  { key: 'assets', label: 'continuity.bia.column.assets' },
  { key: 'mbco', label: 'continuity.bia.column.mbco' },
];

/** Met / missed / no RTO, as a badge with a sign and a word. */
export function RtoStatus({ status }: { readonly status: 'met' | 'missed' | 'no-rto' }) {
  const { t } = useI18n();
  const [className, sign] =
    status === 'met'
      ? ['status-mitigated', '✓']
      : status === 'missed'
        ? ['status-open', '✗']
        : ['badge-none', '–'];
  return (
    <span className={`badge ${className}`}>
      <span aria-hidden="true">{sign}</span> {t(`continuity.bia.status.${status}`)}
    </span>
  );
}

function ProcessTable({
  rows,
  version,
  onOpen,
}: {
  /** Sorted by the URL's `sort` and `dir`. */
  readonly rows: readonly BiaRow[];
  readonly version: number;
  readonly onOpen: (process: string) => void;
}) {
  const { t, formatNumber } = useI18n();
  const minutes = useMinutes();
  const { get, set } = useSearchState();
  const sortParam = get('sort');
  const key: BiaSortKey = isBiaSortKey(sortParam) ? sortParam : 'process';
  const dir = get('dir') === 'desc' ? 'desc' : 'asc';
  return (
    <div className="table-scroll">
      <table className="plain continuity-table">
        <caption className="visually-hidden">{t('continuity.bia.tableLabel', { version })}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = column.key === key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className="continuity-sortable"
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button
                    type="button"
                    className="continuity-sort"
                    onClick={() => {
                      set({
                        sort: column.key,
                        dir: active && dir === 'asc' ? 'desc' : 'asc',
                      });
                    }}
                  >
                    {t(column.label)}
                    <span aria-hidden="true" className="continuity-sort-sign">
                      {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.process}>
              <th scope="row" className="continuity-wrap">
                <button
                  type="button"
                  className="link-button"
                  aria-haspopup="dialog"
                  aria-label={t('continuity.bia.details', { process: row.name })}
                  onClick={() => {
                    onOpen(row.process);
                  }}
                >
                  {row.name}
                </button>
              </th>
              <td>{minutes(row.rto)}</td>
              <td>
                {row.achievable === undefined ? (
                  '—'
                ) : (
                  <span className="continuity-achievable">
                    {minutes(row.achievable)} <RtoStatus status={row.status ?? 'no-rto'} />
                  </span>
                )}
              </td>
              <td>{minutes(row.rpo)}</td>
              <td>{minutes(row.mtpd)}</td>
              <td>{t('continuity.bia.availabilityValue', { n: row.availability })}</td>
              <td className="continuity-number">{formatNumber(row.dependencies)}</td>
              <td className="continuity-number">{formatNumber(row.assets)}</td>
              <td className="continuity-wrap">{row.mbco ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The impact over time: processes × points of time, level number and word in every cell. */
function ImpactHeatMap({ rows }: { readonly rows: readonly BiaRow[] }) {
  const { t, lang } = useI18n();
  const levelLabel = (level: 1 | 2 | 3 | 4) => t(`continuity.impact.level.${level}`);
  return (
    <section className="continuity-section" aria-labelledby="bia-impact">
      <h2 id="bia-impact">{t('continuity.impact.title')}</h2>
      <p className="muted">{t('continuity.impact.caption')}</p>
      <ul className="continuity-heat-legend" aria-label={t('continuity.impact.legend')}>
        {([1, 2, 3, 4] as const).map((level) => (
          <li key={level} className={`continuity-heat continuity-heat-${level}`}>
            {level} {levelLabel(level)}
          </li>
        ))}
      </ul>
      <div className="table-scroll" role="region" aria-labelledby="bia-impact" tabIndex={0}>
        <table className="plain continuity-heatmap">
          <caption className="visually-hidden">{t('continuity.impact.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('continuity.bia.column.process')}</th>
              {IMPACT_AT.map((at) => (
                <th key={at} scope="col">
                  {t(`continuity.impact.at.${at}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.process}>
                <th scope="row">{row.name}</th>
                {IMPACT_AT.map((at) => {
                  const level = impactLevel(row.impact[at]);
                  const reason = row.source.impact.find((p) => p.at === at)?.reason[lang];
                  return level === null ? (
                    <td key={at}>—</td>
                  ) : (
                    <td
                      key={at}
                      className={`continuity-heat continuity-heat-${level}`}
                      title={reason}
                    >
                      <span aria-hidden="true">{level} </span>
                      <span className="visually-hidden">
                        {t('continuity.impact.cell', { level, label: levelLabel(level) })}
                      </span>
                      <span aria-hidden="true">{levelLabel(level)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What a process rests on: its objectives, dependencies, deciding chain and supporting assets. */
function ProcessDetails({ row, nameOf }: { readonly row: BiaRow; readonly nameOf: NameOf }) {
  const { t, lang } = useI18n();
  const minutes = useMinutes();
  const p = row.source;
  const processLinks = (ids: readonly string[]) =>
    ids.length === 0 ? (
      <p className="muted">{t('continuity.none')}</p>
    ) : (
      <ul className="continuity-inline-list">
        {ids.map((id) => (
          <li key={id}>
            <EntityName kind="processes" id={id} nameOf={nameOf} />
          </li>
        ))}
      </ul>
    );
  return (
    <div className="continuity-details">
      <p>
        <EntityName kind="processes" id={row.process} nameOf={nameOf} />
      </p>
      <dl className="continuity-objectives">
        <dt>{t('continuity.bia.column.rto')}</dt>
        <dd>{minutes(row.rto)}</dd>
        <dt>{t('continuity.bia.column.rpo')}</dt>
        <dd>{minutes(row.rpo)}</dd>
        <dt>{t('continuity.bia.column.mtpd')}</dt>
        <dd>{minutes(row.mtpd)}</dd>
        <dt>{t('continuity.bia.column.achievable')}</dt>
        <dd>
          {row.achievable === undefined ? (
            '—'
          ) : (
            <>
              {minutes(row.achievable)} <RtoStatus status={row.status ?? 'no-rto'} />
            </>
          )}
        </dd>
      </dl>
      <h3>{t('continuity.bia.dependsOn')}</h3>
      {processLinks(p.dependsOn)}
      {p.dependencies.length > p.dependsOn.length ? (
        <>
          <h3>{t('continuity.bia.allDependencies')}</h3>
          {processLinks(p.dependencies)}
        </>
      ) : null}
      {row.chain.length === 0 ? null : (
        <>
          <h3>{t('continuity.bia.chain')}</h3>
          <ol className="continuity-chain">
            {row.chain.map((id) => (
              <li key={id}>
                <EntityName kind="assets" id={id} nameOf={nameOf} />
              </li>
            ))}
          </ol>
        </>
      )}
      {p.impact.length === 0 ? null : (
        <>
          <h3 id="bia-detail-impact">{t('continuity.impact.title')}</h3>
          <table className="plain" aria-labelledby="bia-detail-impact">
            <thead>
              <tr>
                <th scope="col">{t('continuity.impact.after')}</th>
                <th scope="col">{t('continuity.impact.level')}</th>
                <th scope="col">{t('continuity.impact.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {p.impact.map((point) => {
                const level = impactLevel(point.level);
                return (
                  <tr key={point.at}>
                    <th scope="row">
                      {(IMPACT_AT as readonly string[]).includes(point.at)
                        ? t(`continuity.impact.at.${point.at as (typeof IMPACT_AT)[number]}`)
                        : minutes(point.minutes)}
                    </th>
                    <td
                      className={
                        level === null ? undefined : `continuity-heat continuity-heat-${level}`
                      }
                    >
                      {level === null
                        ? '—'
                        : `${String(level)} ${t(`continuity.impact.level.${level}`)}`}
                    </td>
                    <td>{point.reason[lang]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <h3 id="bia-detail-assets">{t('continuity.bia.column.assets')}</h3>
      {p.assets.length === 0 ? (
        <p className="muted">{t('continuity.bia.noAssets')}</p>
      ) : (
        <table className="plain" aria-labelledby="bia-detail-assets">
          <thead>
            <tr>
              <th scope="col">{t('continuity.bia.assetColumn')}</th>
              <th scope="col">{t('continuity.bia.reasonColumn')}</th>
              <th scope="col">{t('continuity.bia.fromColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {p.assets.map((a) => (
              <tr key={`${a.asset}:${a.reason}:${a.from ?? ''}`}>
                <th scope="row">
                  <EntityName kind="assets" id={a.asset} nameOf={nameOf} />
                </th>
                <td>{reasonText(t, a.reason)}</td>
                <td>
                  {a.from === undefined ? (
                    '—'
                  ) : (
                    <EntityName
                      kind={a.reason === 'dependency' ? 'processes' : 'assets'}
                      id={a.from}
                      nameOf={nameOf}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const REASONS = [
  'process-asset',
  'data-storage',
  'hosted-on',
  'flow-via',
  'network-core',
  'service',
  'dependency',
] as const;

function reasonText(t: (key: MessageKey) => string, reason: string): string {
  return (REASONS as readonly string[]).includes(reason)
    ? t(`continuity.bia.reason.${reason as (typeof REASONS)[number]}`)
    : reason;
}

/** Assumptions of the BIA and of the schedule, each once. */
function mergedAssumptions(
  bia: BiaView,
  schedule: RecoveryPlanView,
): readonly ContinuityAssumptionView[] {
  const seen = new Set<string>();
  return [...bia.assumptions, ...schedule.assumptions].filter((a) => {
    const key = `${a.subject}\n${a.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export default function BiaPage() {
  const { t } = useI18n();
  const { canEdit, href } = useWorkspace();
  const { data, error, loading, reload, version } = useContinuity();
  const names = useEntityNames(['processes', 'assets']);
  const { get, set } = useSearchState();
  const rows = useMemo(
    () => (data === null ? [] : biaRows(data.bia, data.schedule, (id) => names('processes', id))),
    [data, names],
  );
  const sortParam = get('sort');
  const sortKey: BiaSortKey = isBiaSortKey(sortParam) ? sortParam : 'process';
  const sortDir = get('dir') === 'desc' ? 'desc' : 'asc';
  // the table and the heat map list the processes in the same order
  const sorted = useMemo(() => sortBiaRows(rows, sortKey, sortDir), [rows, sortKey, sortDir]);
  const processIds = useMemo(() => new Set(rows.map((r) => r.process)), [rows]);
  const kindOf = (id: string): EntityKind => (processIds.has(id) ? 'processes' : 'assets');
  const open = rows.find((r) => r.process === get('process'));
  return (
    <>
      <h1>{t('continuity.bia.title')}</h1>
      <ContinuityTabs />
      {version === null ? (
        <Empty>{t('app.noVersion')}</Empty>
      ) : (
        <>
          {error === null ? null : <AnalysisError error={error} onRetry={reload} />}
          {data === null ? (
            error === null ? (
              <Loading />
            ) : null
          ) : data.bia.processes.length === 0 ? (
            <>
              <Empty>{t('continuity.bia.empty')}</Empty>
              {canEdit ? (
                <p>
                  <Link to={href('/edit', false)}>{t('continuity.bia.openEditor')}</Link>
                </p>
              ) : null}
            </>
          ) : (
            <div aria-busy={loading}>
              <p className="muted">{t('continuity.bia.intro', { version: data.version })}</p>
              <section className="continuity-section" aria-labelledby="bia-processes">
                <h2 id="bia-processes">{t('continuity.bia.processes')}</h2>
                <p className="muted">
                  {t('continuity.bia.scheduleNote', { teams: data.schedule.teams })}
                </p>
                <ProcessTable
                  rows={sorted}
                  version={data.version}
                  onOpen={(process) => {
                    set({ process });
                  }}
                />
              </section>
              <ImpactHeatMap rows={sorted} />
              <section className="continuity-section" aria-labelledby="bia-flags">
                <h2 id="bia-flags">
                  {t('continuity.flags.title')}{' '}
                  <span className="muted">
                    ({t('continuity.flags.count', { n: data.bia.flags.length })})
                  </span>
                </h2>
                <FlagList
                  flags={data.bia.flags}
                  nameOf={names}
                  kindOf={kindOf}
                  headingId="bia-flags"
                />
              </section>
              <section className="continuity-section">
                <Assumptions assumptions={mergedAssumptions(data.bia, data.schedule)} />
              </section>
              <SidePanel
                isOpen={open !== undefined}
                onOpenChange={(isOpen) => {
                  if (!isOpen) set({ process: '' });
                }}
                title={
                  open === undefined ? '' : t('continuity.bia.detailTitle', { process: open.name })
                }
              >
                {open === undefined ? null : <ProcessDetails row={open} nameOf={names} />}
              </SidePanel>
            </div>
          )}
        </>
      )}
    </>
  );
}
