/**
 * The backups of the version being viewed: the 3-2-1-1-0 grid of each protected asset and data
 * set (each rule as ✓/✗ with words, never colour alone) filtered by status (`?filter=` in the
 * URL), the RPO against the best backup frequency, the exposure of each backup to a ransomware
 * holding the office zones and why, the flags and the assumptions.
 */
import { useMemo } from 'react';
import type { EntityKind } from '../../../../src/platform/api/types';
import { AnalysisError, withQuery } from '../../components/Analysis';
import { Empty, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey, Translate } from '../../i18n';
import { Link, useRouter } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import type { BackupExposureView, ExposureReasonView } from './api-types';
import {
  BACKUP_FILTERS,
  exposureRows,
  exposureState,
  filterCounts,
  gridRows,
  isBackupFilter,
  matchesFilter,
} from './backups-logic';
import type { BackupFilter, GridRow } from './backups-logic';
import { Assumptions, EntityName, FlagList, useMinutes } from './ContinuityParts';
import { ContinuityTabs } from './ContinuityTabs';
import { useContinuity, useEntityNames } from './use-continuity';
import type { NameOf } from './use-continuity';
import './continuity.css';

/** A rule of the grid: a sign and a word (or a count), green or red by the badge pairs. */
function Check({ ok, children }: { readonly ok: boolean; readonly children: string }) {
  return (
    <span className={`badge ${ok ? 'status-mitigated' : 'status-open'}`}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {children}
    </span>
  );
}

/** The backups holding a copy of an entity, folded under the entity's name. */
function Copies({ row, nameOf }: { readonly row: GridRow; readonly nameOf: NameOf }) {
  const { t } = useI18n();
  const minutes = useMinutes();
  const copies = row.source.copies;
  if (copies.length === 0) return null;
  return (
    <details className="continuity-copies">
      <summary>{t('continuity.backups.copiesOf', { n: copies.length })}</summary>
      <ul>
        {copies.map((copy) => (
          <li key={`${copy.backup}:${copy.via ?? ''}`}>
            <EntityName kind="backups" id={copy.backup} nameOf={nameOf} />
            {copy.via === undefined ? null : (
              <> ({t('continuity.backups.via', { entity: nameOf('assets', copy.via) })})</>
            )}
            {' — '}
            {[
              ...(copy.replica ? [t('continuity.backups.replica')] : []),
              ...(copy.frequencyMinutes === undefined
                ? []
                : [t('continuity.backups.frequency', { time: minutes(copy.frequencyMinutes) })]),
              t(copy.offsite ? 'continuity.backups.offsite' : 'continuity.backups.onsite'),
              ...(copy.isolated ? [t('continuity.backups.isolatedCopy')] : []),
              ...(copy.exposed ? [t('continuity.backups.exposedCopy')] : []),
            ].join(', ')}
            {copy.meetsRpo === undefined ? null : (
              <>
                {' '}
                <Check ok={copy.meetsRpo}>
                  {t(copy.meetsRpo ? 'continuity.backups.rpoMet' : 'continuity.backups.rpoMissed')}
                </Check>
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

const entityKind = (kind: 'asset' | 'data'): EntityKind => (kind === 'data' ? 'data' : 'assets');

function GridTable({
  rows,
  nameOf,
}: {
  readonly rows: readonly GridRow[];
  readonly nameOf: NameOf;
}) {
  const { t } = useI18n();
  const minutes = useMinutes();
  const yesNo = (ok: boolean) => (ok ? t('continuity.yes') : t('continuity.no'));
  const columns: readonly MessageKey[] = [
    'continuity.backups.column.entity',
    'continuity.backups.column.rpo',
    'continuity.backups.column.frequency',
    'continuity.backups.column.copies',
    'continuity.backups.column.media',
    'continuity.backups.column.offsite',
    'continuity.backups.column.isolated',
    'continuity.backups.column.restore',
    'continuity.backups.column.ransomware',
    'continuity.backups.column.met',
  ];
  return (
    <div className="table-scroll">
      <table className="plain continuity-table continuity-grid">
        <caption className="visually-hidden">{t('continuity.backups.gridLabel')}</caption>
        <thead>
          <tr>
            {columns.map((key) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="continuity-wrap">
                <EntityName kind={entityKind(row.kind)} id={row.id} nameOf={nameOf} />{' '}
                <span className="muted">
                  ({t(row.kind === 'data' ? 'continuity.entity.data' : 'continuity.entity.asset')})
                </span>
                <Copies row={row} nameOf={nameOf} />
              </th>
              <td className="continuity-wrap">
                {row.rpo === undefined ? (
                  '—'
                ) : (
                  <>
                    {minutes(row.rpo.minutes)}
                    <br />
                    <span className="muted">
                      {t('continuity.backups.rpoBy', {
                        process: nameOf('processes', row.rpo.process),
                      })}
                    </span>
                  </>
                )}
              </td>
              <td>
                {row.bestFrequency === undefined ? (
                  row.backups === 0 ? (
                    <Check ok={false}>{t('continuity.backups.noBackup')}</Check>
                  ) : (
                    '—'
                  )
                ) : (
                  <>
                    {minutes(row.bestFrequency)}
                    {row.rpoMet === undefined ? null : (
                      <>
                        <br />
                        <Check ok={row.rpoMet}>
                          {t(
                            row.rpoMet
                              ? 'continuity.backups.rpoMet'
                              : 'continuity.backups.rpoMissed',
                          )}
                        </Check>
                      </>
                    )}
                  </>
                )}
              </td>
              <td>
                <Check ok={row.copies.ok}>
                  {t('continuity.backups.countOf', { n: row.copies.n, min: 3 })}
                </Check>
              </td>
              <td>
                <Check ok={row.media.ok}>
                  {t('continuity.backups.countOf', { n: row.media.n, min: 2 })}
                </Check>
              </td>
              <td>
                <Check ok={row.offsite}>{yesNo(row.offsite)}</Check>
              </td>
              <td>
                <Check ok={row.isolated}>{yesNo(row.isolated)}</Check>
              </td>
              <td>
                <Check ok={row.errorFree}>
                  {row.restore === null
                    ? t('continuity.backups.restore.never')
                    : t(`continuity.backups.restore.${row.restore.status}`)}
                </Check>
                {row.restore?.ageDays === undefined ? null : (
                  <>
                    <br />
                    <span className="muted">
                      {t('continuity.backups.restore.age', { days: row.restore.ageDays })}
                    </span>
                  </>
                )}
              </td>
              <td>
                <Check ok={row.survivesRansomware}>{yesNo(row.survivesRansomware)}</Check>
              </td>
              <td>
                <Check ok={row.met}>{yesNo(row.met)}</Check>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const REASON_KINDS = [
  'replica',
  'same-storage',
  'in-user-zone',
  'flow',
  'admin-interface',
  'domain-joined',
  'admin-account',
] as const;

/** Why a ransomware would reach a backup, in the UI language with entity names. */
export function reasonText(t: Translate, reason: ExposureReasonView, nameOf: NameOf): string {
  if (!(REASON_KINDS as readonly string[]).includes(reason.kind)) return reason.kind;
  const kind = reason.kind as (typeof REASON_KINDS)[number];
  const asset = (id: string | undefined) => (id === undefined ? '?' : nameOf('assets', id));
  return t(`continuity.exposure.reason.${kind}`, {
    asset: asset(reason.asset),
    to: asset(reason.to),
    from: reason.from === undefined ? '?' : nameOf('zones', reason.from),
    flow: reason.flow === undefined ? '?' : nameOf('flows', reason.flow),
    identity: reason.identity === undefined ? '?' : nameOf('identities', reason.identity),
  });
}

function ExposureTable({
  backups,
  nameOf,
}: {
  readonly backups: readonly BackupExposureView[];
  readonly nameOf: NameOf;
}) {
  const { t } = useI18n();
  const rows = useMemo(() => exposureRows(backups), [backups]);
  const stateClass = { reached: 'status-open', isolated: 'status-mitigated', safe: 'badge-none' };
  const stateSign = { reached: '✗', isolated: '✓', safe: '–' };
  return (
    <div className="table-scroll">
      <table className="plain continuity-table continuity-exposure">
        <caption className="visually-hidden">{t('continuity.exposure.label')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('continuity.exposure.column.backup')}</th>
            <th scope="col">{t('continuity.exposure.column.method')}</th>
            <th scope="col">{t('continuity.exposure.column.state')}</th>
            <th scope="col">{t('continuity.exposure.column.why')}</th>
            <th scope="col">{t('continuity.exposure.column.restore')}</th>
            <th scope="col">{t('continuity.exposure.column.encrypted')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => {
            const state = exposureState(b);
            return (
              <tr key={b.backup}>
                <th scope="row" className="continuity-wrap">
                  <EntityName kind="backups" id={b.backup} nameOf={nameOf} />
                </th>
                <td>
                  {['backup', 'snapshot', 'replication', 'sync'].includes(b.method)
                    ? t(
                        `continuity.backups.method.${b.method as 'backup' | 'snapshot' | 'replication' | 'sync'}`,
                      )
                    : b.method}
                </td>
                <td>
                  <span className={`badge ${stateClass[state]}`}>
                    <span aria-hidden="true">{stateSign[state]}</span>{' '}
                    {t(`continuity.exposure.${state}`)}
                  </span>
                </td>
                <td className="continuity-wrap">
                  {b.reasons.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="continuity-reasons">
                      {b.reasons.map((reason, index) => (
                        <li key={`${reason.kind}:${String(index)}`}>
                          {reasonText(t, reason, nameOf)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {(['ok', 'never', 'failed', 'partial', 'stale'] as const).includes(
                    b.restoreTest as 'ok',
                  )
                    ? t(
                        `continuity.backups.restore.${b.restoreTest as 'ok' | 'never' | 'failed' | 'partial' | 'stale'}`,
                      )
                    : b.restoreTest}
                  {b.restoreTestAgeDays === undefined ? null : (
                    <>
                      {' '}
                      <span className="muted">
                        ({t('continuity.backups.restore.age', { days: b.restoreTestAgeDays })})
                      </span>
                    </>
                  )}
                </td>
                <td>{b.encrypted ? t('continuity.yes') : t('continuity.no')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default function BackupsPage() {
  const { t, formatNumber } = useI18n();
  const { canEdit, href } = useWorkspace();
  const { location, navigate } = useRouter();
  const { data, error, loading, reload, version } = useContinuity();
  const names = useEntityNames([
    'assets',
    'data',
    'backups',
    'processes',
    'zones',
    'flows',
    'identities',
  ]);
  const param = location.search.get('filter') ?? '';
  const filter: BackupFilter = isBackupFilter(param) ? param : 'all';
  const rows = useMemo(
    () =>
      data === null
        ? []
        : gridRows(data.backups.entities, data.backups.backups, (row) =>
            names(entityKind(row.kind), row.id),
          ),
    [data, names],
  );
  const counts = useMemo(() => filterCounts(rows), [rows]);
  const shown = useMemo(() => rows.filter((row) => matchesFilter(row, filter)), [rows, filter]);
  const kindOf = useMemo(() => {
    const data_ = new Set(rows.filter((r) => r.kind === 'data').map((r) => r.id));
    const backups = new Set((data?.backups.backups ?? []).map((b) => b.backup));
    return (id: string): EntityKind =>
      data_.has(id) ? 'data' : backups.has(id) ? 'backups' : 'assets';
  }, [rows, data]);
  const exposed = data?.backups.backups.filter((b) => b.exposed).length ?? 0;
  const current = location.search.toString();
  const here = `${location.path}${current === '' ? '' : `?${current}`}`;
  return (
    <>
      <h1>{t('continuity.backups.title')}</h1>
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
          ) : data.backups.entities.length === 0 && data.backups.backups.length === 0 ? (
            <>
              <Empty>{t('continuity.backups.empty')}</Empty>
              {canEdit ? (
                <p>
                  <Link to={href('/edit', false)}>{t('continuity.bia.openEditor')}</Link>
                </p>
              ) : null}
            </>
          ) : (
            <div aria-busy={loading}>
              <p className="muted">{t('continuity.backups.intro', { version: data.version })}</p>
              <section className="continuity-section" aria-labelledby="backups-grid">
                <h2 id="backups-grid">{t('continuity.backups.gridTitle')}</h2>
                <p className="muted">{t('continuity.backups.gridIntro')}</p>
                <div className="toolbar">
                  <label>
                    {t('continuity.backups.filter')}
                    <select
                      name="filter"
                      value={filter}
                      onChange={(event) => {
                        const value = event.target.value;
                        navigate(withQuery(here, { filter: value === 'all' ? '' : value }), {
                          replace: true,
                        });
                      }}
                    >
                      {BACKUP_FILTERS.map((f) => (
                        <option key={f} value={f}>
                          {t(`continuity.backups.filter.${f}`)} ({formatNumber(counts[f])})
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <p aria-live="polite">
                  {t('continuity.backups.count', {
                    shown: formatNumber(shown.length),
                    total: rows.length,
                  })}
                </p>
                {shown.length === 0 ? (
                  <Empty>{t('continuity.backups.noMatch')}</Empty>
                ) : (
                  <GridTable rows={shown} nameOf={names} />
                )}
              </section>
              <section className="continuity-section" aria-labelledby="backups-exposure">
                <h2 id="backups-exposure">{t('continuity.exposure.title')}</h2>
                <p className="muted">{t('continuity.exposure.intro')}</p>
                <p>
                  {t('continuity.exposure.summary', {
                    exposed: formatNumber(exposed),
                    total: data.backups.backups.length,
                  })}
                </p>
                {data.backups.backups.length === 0 ? null : (
                  <ExposureTable backups={data.backups.backups} nameOf={names} />
                )}
              </section>
              <section className="continuity-section" aria-labelledby="backups-flags">
                <h2 id="backups-flags">
                  {t('continuity.flags.title')}{' '}
                  <span className="muted">
                    ({t('continuity.flags.count', { n: data.backups.flags.length })})
                  </span>
                </h2>
                <FlagList
                  flags={data.backups.flags}
                  nameOf={names}
                  kindOf={kindOf}
                  headingId="backups-flags"
                />
              </section>
              <section className="continuity-section">
                <Assumptions assumptions={data.backups.assumptions} />
              </section>
            </div>
          )}
        </>
      )}
    </>
  );
}
