/**
 * The scenario simulator: pick a disaster (site loss, ransomware from an entry point, loss of a
 * provider, of the directory, of a supplier, of a site's Internet link) and its target among the
 * model's entities, or a scenario saved in the model, and run it (POST …/continuity/simulate).
 * The page shows the processes hit with their RTO and RPO verdicts, the assets lost (by zone and
 * on the diagram), the backups lost or surviving, the data-loss window per data set, what is
 * missing to recover, the runbook and the recovery schedule as a Gantt chart. Changing the
 * number of teams re-runs the scenario (debounced). `?scenario=` opens with that scenario run.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { Translate } from '../../i18n';
import { ApiFailure, api, wsPath } from '../../lib/api';
import { Link, useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { ContinuitySeverityBadge } from './ContinuityParts';
import { ContinuityTabs } from './ContinuityTabs';
import { Gantt } from './Gantt';
import { ImpactDiagram } from './ImpactDiagram';
import {
  MAX_TEAMS,
  MIN_TEAMS,
  SCENARIO_KINDS,
  formatMinutes,
  groupByZone,
  missedCount,
  parseScenarioText,
  parseTeams,
  scenarioText,
  sortProcesses,
  statusBadge,
  targetOptions,
  targetRequired,
} from './simulator-logic';
import type { RpoStatus, RtoStatus, ScenarioKind, SimResult } from './simulator-logic';
import { useEntityCatalog } from './use-entity-catalog';
import type { Catalog } from './use-entity-catalog';
import './simulator.css';

/** The saved scenarios as the continuity overview lists them. */
interface SavedScenarios {
  readonly scenarios?: readonly {
    readonly id: string;
    readonly name?: string;
    readonly scenario: string;
    readonly teams?: number;
    readonly summary?: { readonly status: 'ok' | 'broken' | 'error' };
  }[];
}

interface Run {
  readonly scenario: string;
  readonly teams: number | null;
}

const DEBOUNCE_MS = 300;

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(value);
    }, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delay]);
  return debounced;
}

export default function SimulatorPage() {
  const { t } = useI18n();
  const { workspace, version } = useWorkspace();
  const { location, navigate } = useRouter();
  const initial = parseScenarioText(location.search.get('scenario') ?? '');
  const catalog = useEntityCatalog(version, [
    'sites',
    'zones',
    'assets',
    'processes',
    'backups',
    'data',
  ]);
  const saved = useApi<SavedScenarios>(
    version === null ? null : wsPath(workspace.id, `/versions/${String(version)}/continuity`),
  );
  const [kind, setKind] = useState<ScenarioKind>(initial?.kind ?? 'ransomware');
  const [target, setTarget] = useState(initial?.target ?? '');
  const [teamsText, setTeamsText] = useState('');
  const [run, setRun] = useState<Run | null>(
    initial === null ? null : { scenario: scenarioText(initial.kind, initial.target), teams: null },
  );
  const [result, setResult] = useState<SimResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [targetError, setTargetError] = useState(false);

  const teams = parseTeams(teamsText);
  const teamsInvalid = teamsText.trim() !== '' && teams === null;
  const debouncedTeams = useDebounced(teams, DEBOUNCE_MS);

  // The team count changed: re-run the scenario on screen with it.
  useEffect(() => {
    setRun((current) =>
      current === null || current.teams === debouncedTeams
        ? current
        : { ...current, teams: debouncedTeams },
    );
  }, [debouncedTeams]);

  useEffect(() => {
    if (run === null || version === null) return;
    const controller = new AbortController();
    setBusy(true);
    api<SimResult>(wsPath(workspace.id, `/versions/${String(version)}/continuity/simulate`), {
      method: 'POST',
      body: run.teams === null ? { scenario: run.scenario } : run,
      signal: controller.signal,
    })
      .then((answer) => {
        setResult(answer);
        setFailure(null);
        setBusy(false);
      })
      .catch((reason: unknown) => {
        if (reason instanceof DOMException && reason.name === 'AbortError') return;
        setResult(null);
        setFailure(reason);
        setBusy(false);
      });
    return () => {
      controller.abort();
    };
  }, [run, version, workspace.id]);

  // Keep the scenario on screen in the URL (a link to it runs it again).
  const shownScenario = run?.scenario ?? null;
  useEffect(() => {
    if (shownScenario === null || location.search.get('scenario') === shownScenario) return;
    const search = new URLSearchParams(location.search);
    search.set('scenario', shownScenario);
    navigate(`${location.path}?${search.toString()}`, { replace: true });
  }, [shownScenario, location, navigate]);

  const options = useMemo(
    () => targetOptions(kind, catalog.list('sites'), catalog.list('assets')),
    [kind, catalog],
  );

  if (version === null) return <Empty>{t('app.noVersion')}</Empty>;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (targetRequired(kind) && target === '') {
      setTargetError(true);
      return;
    }
    setTargetError(false);
    setRun({ scenario: scenarioText(kind, target), teams });
  };

  const savedList = saved.data?.scenarios ?? [];

  return (
    <>
      <h1>{t('continuitySim.title')}</h1>
      <ContinuityTabs />
      <p>{t('continuitySim.intro')}</p>

      <section className="card" aria-labelledby="sim-form-title">
        <h2 id="sim-form-title">{t('continuitySim.form.title')}</h2>
        {savedList.length === 0 ? null : (
          <div className="sim-field">
            <label htmlFor="sim-saved">{t('continuitySim.form.saved')}</label>
            <select
              id="sim-saved"
              value=""
              onChange={(e) => {
                const chosen = savedList.find((s) => s.id === e.target.value);
                const parsed = chosen === undefined ? null : parseScenarioText(chosen.scenario);
                if (chosen === undefined || parsed === null) return;
                setKind(parsed.kind);
                setTarget(parsed.target);
                setTeamsText(chosen.teams === undefined ? '' : String(chosen.teams));
                setRun({ scenario: chosen.scenario, teams: chosen.teams ?? null });
              }}
            >
              <option value="">{t('continuitySim.form.savedPick')}</option>
              {savedList.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name === undefined ? s.scenario : `${s.name} (${s.scenario})`}
                  {s.summary === undefined
                    ? ''
                    : ` — ${t(`continuitySim.saved.${s.summary.status}`)}`}
                </option>
              ))}
            </select>
          </div>
        )}
        <form className="sim-form" onSubmit={submit} noValidate>
          <div className="sim-field">
            <label htmlFor="sim-kind">{t('continuitySim.form.kind')}</label>
            <select
              id="sim-kind"
              value={kind}
              onChange={(e) => {
                const next = SCENARIO_KINDS.find((k) => k === e.target.value);
                if (next === undefined) return;
                setKind(next);
                setTarget('');
                setTargetError(false);
              }}
            >
              {SCENARIO_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`continuitySim.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="sim-field">
            <label htmlFor="sim-target">{t(`continuitySim.target.${kind}`)}</label>
            <select
              id="sim-target"
              value={target}
              aria-invalid={targetError}
              aria-describedby={targetError ? 'sim-target-error' : undefined}
              onChange={(e) => {
                setTarget(e.target.value);
                setTargetError(false);
              }}
            >
              <option value="">
                {targetRequired(kind)
                  ? t('continuitySim.form.targetPick')
                  : t('continuitySim.form.allDirectories')}
              </option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
            {targetError ? (
              <p id="sim-target-error" className="field-error sim-field-error">
                {t('continuitySim.form.targetMissing')}
              </p>
            ) : null}
            {!catalog.ready && catalog.error === null ? (
              <p className="muted">{t('continuitySim.form.loadingTargets')}</p>
            ) : null}
          </div>
          <TeamsInput
            value={teamsText}
            invalid={teamsInvalid}
            onChange={setTeamsText}
            placeholder={result?.plan.teams}
          />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('continuitySim.form.running') : t('continuitySim.form.run')}
          </button>
        </form>
        {catalog.error === null ? null : <ErrorMessage error={catalog.error} />}
      </section>

      <p className="visually-hidden" role="status" aria-live="polite">
        {busy
          ? t('continuitySim.form.running')
          : result === null
            ? ''
            : t('continuitySim.announce', {
                missed: missedCount(result),
                lost: result.lost.length,
              })}
      </p>

      {failure === null ? null : <SimulationError error={failure} />}
      {result === null ? (
        run === null ? (
          <Empty>{t('continuitySim.none')}</Empty>
        ) : busy ? (
          <Loading label={t('continuitySim.form.running')} />
        ) : null
      ) : (
        <Outcome result={result} catalog={catalog} version={version} />
      )}
    </>
  );
}

function TeamsInput({
  value,
  invalid,
  onChange,
  placeholder,
}: {
  readonly value: string;
  readonly invalid: boolean;
  readonly onChange: (value: string) => void;
  readonly placeholder: number | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="sim-field sim-teams">
      <label htmlFor="sim-teams">{t('continuitySim.form.teams')}</label>
      <input
        id="sim-teams"
        type="number"
        inputMode="numeric"
        min={MIN_TEAMS}
        max={MAX_TEAMS}
        step={1}
        value={value}
        placeholder={placeholder === undefined ? '' : String(placeholder)}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'sim-teams-hint sim-teams-error' : 'sim-teams-hint'}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      <p id="sim-teams-hint" className="muted sim-hint">
        {t('continuitySim.form.teamsHint')}
      </p>
      {invalid ? (
        <p id="sim-teams-error" className="field-error sim-field-error">
          {t('continuitySim.form.teamsInvalid', { min: MIN_TEAMS, max: MAX_TEAMS })}
        </p>
      ) : null}
    </div>
  );
}

/** The API's refusal (unknown target, invalid scenario) in the UI language. */
function SimulationError({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  const known =
    error instanceof ApiFailure &&
    (error.body?.code === 'unknown_scenario_target' || error.body?.code === 'invalid_scenario');
  return (
    <ErrorMessage error={error}>
      {known ? <p>{t('continuitySim.errorHint')}</p> : null}
    </ErrorMessage>
  );
}

function StatusBadge(
  props:
    | { readonly t: Translate; readonly scope: 'rto'; readonly status: RtoStatus }
    | { readonly t: Translate; readonly scope: 'rpo'; readonly status: RpoStatus },
) {
  const badge = statusBadge(props.status);
  const text =
    props.scope === 'rto'
      ? props.t(`continuitySim.rto.${props.status}`)
      : props.t(`continuitySim.rpo.${props.status}`);
  return (
    <span className={`badge sim-badge sim-badge-${badge.tone}`}>
      <span aria-hidden="true">{badge.icon}</span> {text}
    </span>
  );
}

function Outcome({
  result,
  catalog,
  version,
}: {
  readonly result: SimResult;
  readonly catalog: Catalog;
  readonly version: number;
}) {
  const { t, lang } = useI18n();
  const { href } = useWorkspace();
  const name = catalog.nameOf;
  if (result.error !== undefined) {
    return (
      <div className="error" role="alert">
        <p>{result.error[lang]}</p>
        <p>{t('continuitySim.errorHint')}</p>
      </div>
    );
  }
  const processes = sortProcesses(result.processes.filter((p) => p.impacted));
  const lostIds = new Set(result.lost.map((l) => l.asset));
  const groups = groupByZone(result.lost, (id) => catalog.entries.get(id)?.zone);
  const lostZones = new Set(groups.map((g) => g.zone).filter((z) => z !== ''));
  const lostBackups = result.backups.filter((b) => !b.survives).length;
  const rtos = processes
    .filter((p) => p.rto !== undefined)
    .map((p) => ({ process: p.process, rto: p.rto ?? 0 }));
  const duration = (m: number | null | undefined): string =>
    m === null || m === undefined ? '—' : formatMinutes(m, lang);

  return (
    <div className="sim-outcome">
      <section aria-labelledby="sim-summary-title" className="card sim-summary">
        <h2 id="sim-summary-title">{result.title[lang]}</h2>
        <ul className="sim-figures">
          <li>
            <strong>{processes.length}</strong> {t('continuitySim.summary.impacted')}
          </li>
          <li>
            <strong>{missedCount(result)}</strong> {t('continuitySim.summary.missed')}
          </li>
          <li>
            <strong>{result.lost.length}</strong> {t('continuitySim.summary.lost')}
          </li>
          <li>
            <strong>{lostBackups}</strong> {t('continuitySim.summary.lostBackups')}
          </li>
          <li>
            <strong>{formatMinutes(result.plan.makespan, lang)}</strong>{' '}
            {t('continuitySim.summary.makespan', { teams: result.plan.teams })}
          </li>
        </ul>
      </section>

      <section aria-labelledby="sim-processes-title">
        <h2 id="sim-processes-title">{t('continuitySim.processes.title')}</h2>
        {processes.length === 0 ? (
          <Empty>{t('continuitySim.processes.none')}</Empty>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-labelledby="sim-processes-title"
            tabIndex={0}
          >
            <table className="plain sim-table">
              <thead>
                <tr>
                  <th scope="col">{t('continuitySim.col.process')}</th>
                  <th scope="col">{t('continuitySim.col.rto')}</th>
                  <th scope="col">{t('continuitySim.col.achievable')}</th>
                  <th scope="col">{t('continuitySim.col.rtoStatus')}</th>
                  <th scope="col">{t('continuitySim.col.rpo')}</th>
                  <th scope="col">{t('continuitySim.col.rpoStatus')}</th>
                  <th scope="col">{t('continuitySim.col.chain')}</th>
                </tr>
              </thead>
              <tbody>
                {processes.map((p) => (
                  <tr key={p.process} className={`sim-row-${p.rtoStatus}`}>
                    <th scope="row">
                      <Link to={href(`/explore/processes/${encodeURIComponent(p.process)}`)}>
                        {name(p.process)}
                      </Link>
                    </th>
                    <td className="sim-nowrap">{duration(p.rto)}</td>
                    <td className="sim-nowrap">
                      {p.achievable === null
                        ? t('continuitySim.unrecoverable')
                        : duration(p.achievable)}
                    </td>
                    <td>
                      <StatusBadge t={t} status={p.rtoStatus} scope="rto" />
                    </td>
                    <td className="sim-nowrap">{duration(p.rpo)}</td>
                    <td>
                      <StatusBadge t={t} status={p.rpoStatus} scope="rpo" />
                    </td>
                    <td>
                      {p.chain.length === 0 ? '—' : p.chain.map((id) => name(id)).join(' → ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sim-lost-title">
        <h2 id="sim-lost-title">{t('continuitySim.lost.title')}</h2>
        {result.lost.length === 0 ? (
          <Empty>{t('continuitySim.lost.none')}</Empty>
        ) : (
          <div className="sim-lost-layout">
            <div className="sim-lost-list">
              {groups.map((group) => (
                <div key={group.zone} className="sim-zone">
                  <h3>{group.zone === '' ? t('continuitySim.lost.noZone') : name(group.zone)}</h3>
                  <ul>
                    {group.items.map((item) => (
                      <li key={item.asset}>
                        <Link to={href(`/explore/assets/${encodeURIComponent(item.asset)}`)}>
                          {name(item.asset)}
                        </Link>{' '}
                        <span className="muted">
                          — {t(`continuitySim.cause.${causeKey(item.cause)}`)}
                          {item.via === undefined
                            ? ''
                            : ` ${t('continuitySim.lost.via', { via: name(item.via) })}`}
                        </span>{' '}
                        <Link
                          className="sim-show"
                          to={href(`/diagram?show=${encodeURIComponent(`assets:${item.asset}`)}`)}
                        >
                          {t('continuitySim.lost.show')}
                          <span className="visually-hidden"> {name(item.asset)}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
            <ImpactDiagram version={version} lost={lostIds} zones={lostZones} />
          </div>
        )}
      </section>

      <section aria-labelledby="sim-backups-title">
        <h2 id="sim-backups-title">{t('continuitySim.backups.title')}</h2>
        {result.backups.length === 0 ? (
          <Empty>{t('continuitySim.backups.none')}</Empty>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-labelledby="sim-backups-title"
            tabIndex={0}
          >
            <table className="plain sim-table">
              <thead>
                <tr>
                  <th scope="col">{t('continuitySim.col.backup')}</th>
                  <th scope="col">{t('continuitySim.col.fate')}</th>
                  <th scope="col">{t('continuitySim.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {[...result.backups]
                  .sort((a, b) => Number(a.survives) - Number(b.survives))
                  .map((b) => (
                    <tr key={b.backup}>
                      <th scope="row">{name(b.backup)}</th>
                      <td>
                        <span
                          className={`badge sim-badge sim-badge-${b.survives ? 'ok' : 'bad'} sim-backup-${b.survives ? 'survives' : 'lost'}`}
                        >
                          <span aria-hidden="true">{b.survives ? '✓' : '⊘'}</span>{' '}
                          {t(
                            b.survives
                              ? 'continuitySim.backups.survives'
                              : 'continuitySim.backups.lost',
                          )}
                        </span>
                      </td>
                      <td>{b.reason[lang]}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sim-data-title">
        <h2 id="sim-data-title">{t('continuitySim.data.title')}</h2>
        {result.dataLoss.length === 0 ? (
          <Empty>{t('continuitySim.data.none')}</Empty>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="sim-data-title" tabIndex={0}>
            <table className="plain sim-table">
              <thead>
                <tr>
                  <th scope="col">{t('continuitySim.col.data')}</th>
                  <th scope="col">{t('continuitySim.col.window')}</th>
                  <th scope="col">{t('continuitySim.col.rpo')}</th>
                  <th scope="col">{t('continuitySim.col.rpoStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {result.dataLoss.map((d) => (
                  <tr key={d.entity}>
                    <th scope="row">{name(d.entity)}</th>
                    <td>
                      {d.windowMinutes === null
                        ? t('continuitySim.data.allLost')
                        : duration(d.windowMinutes)}
                    </td>
                    <td>{duration(d.rpo)}</td>
                    <td>
                      <StatusBadge
                        t={t}
                        status={d.rpo === undefined && d.status === 'met' ? 'no-rpo' : d.status}
                        scope="rpo"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sim-missing-title">
        <h2 id="sim-missing-title">{t('continuitySim.missing.title')}</h2>
        {result.missing.length === 0 ? (
          <Empty>{t('continuitySim.missing.none')}</Empty>
        ) : (
          <ul className="sim-missing">
            {result.missing.map((m, i) => (
              <li key={`${m.code}:${String(i)}`}>
                <ContinuitySeverityBadge severity={m.severity} /> {m.message[lang]}
                {m.subjects.length === 0 ? null : (
                  <span className="muted"> ({m.subjects.map((s) => name(s)).join(', ')})</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sim-gantt-title">
        <h2 id="sim-gantt-title">{t('continuitySim.gantt.title')}</h2>
        <p className="muted">
          {t('continuitySim.gantt.intro', {
            teams: result.plan.teams,
            makespan: formatMinutes(result.plan.makespan, lang),
          })}
        </p>
        <Gantt plan={result.plan} nameOf={name} rtos={rtos} />
      </section>

      <section aria-labelledby="sim-runbook-title">
        <h2 id="sim-runbook-title">{t('continuitySim.runbook.title')}</h2>
        {result.runbook.length === 0 ? (
          <Empty>{t('continuitySim.runbook.none')}</Empty>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-labelledby="sim-runbook-title"
            tabIndex={0}
          >
            <table className="plain sim-table sim-runbook">
              <thead>
                <tr>
                  <th scope="col">{t('continuitySim.col.step')}</th>
                  <th scope="col">{t('continuitySim.col.asset')}</th>
                  <th scope="col">{t('continuitySim.col.action')}</th>
                  <th scope="col">{t('continuitySim.col.team')}</th>
                  <th scope="col">{t('continuitySim.col.when')}</th>
                  <th scope="col">{t('continuitySim.col.after')}</th>
                  <th scope="col">{t('continuitySim.col.procedure')}</th>
                </tr>
              </thead>
              <tbody>
                {result.runbook.map((s) => (
                  <tr key={s.step}>
                    <th scope="row" className="sim-nowrap">
                      {s.step}
                    </th>
                    <td>{name(s.asset)}</td>
                    <td>{s.action[lang]}</td>
                    <td className="sim-nowrap">
                      {s.teamId ?? t('continuitySim.gantt.teamN', { n: s.team })}
                    </td>
                    <td className="sim-nowrap">
                      {t('continuitySim.runbook.when', {
                        start: formatMinutes(s.start, lang),
                        end: formatMinutes(s.end, lang),
                      })}
                    </td>
                    <td>{s.after.length === 0 ? '—' : s.after.map((a) => name(a)).join(', ')}</td>
                    <td>
                      {s.procedure === undefined ? (
                        <span className="sim-missing-text">
                          {t('continuitySim.runbook.noProcedure')}
                        </span>
                      ) : (
                        s.procedure
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {result.assumptions.length === 0 ? null : (
        <details className="sim-assumptions">
          <summary>{t('continuitySim.assumptions', { n: result.assumptions.length })}</summary>
          <ul>
            {result.assumptions.map((a, i) => (
              <li key={`${a.subject}:${String(i)}`}>
                <strong>{name(a.subject)}</strong> — {a.message[lang]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

const CAUSES = [
  'site',
  'encrypted',
  'provider',
  'directory',
  'supplier',
  'link',
  'dependency',
] as const;
type CauseKey = (typeof CAUSES)[number] | 'other';

function causeKey(cause: string): CauseKey {
  return CAUSES.find((c) => c === cause) ?? 'other';
}
