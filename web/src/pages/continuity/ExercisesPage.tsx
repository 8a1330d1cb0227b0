/**
 * Continuity exercises: those recorded in the model (`organisation.continuity.exercises`, read
 * from the version's files), the time achieved per process over the exercises against its RTO
 * (a small chart per process, with a table of the same values), and, for the roles that edit
 * the model, a form to record a new exercise (POST …/continuity/exercises: a new version, based
 * on the latest; the workspace's data are then refreshed).
 */
import { useMemo, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { SaveResponse, VersionResponse } from '../../../../src/platform/api/types';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { ApiFailure, api, wsPath } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { ContinuityTabs } from './ContinuityTabs';
import {
  EXERCISE_KINDS,
  chartLayout,
  exercisesFromFiles,
  processSeries,
  serverFieldErrors,
  validateDraft,
} from './exercises-logic';
import type { Exercise, ExerciseDraft, ExerciseKind, ProcessSeries } from './exercises-logic';
import { formatMinutes } from './simulator-logic';
import { useContinuity, useEntityNames } from './use-continuity';
import type { NameOf } from './use-continuity';
import './simulator.css';

function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export default function ExercisesPage() {
  const { t } = useI18n();
  const { workspace, version, canEdit } = useWorkspace();
  const files = useApi<VersionResponse>(
    version === null ? null : wsPath(workspace.id, `/versions/${String(version)}`),
  );
  const continuity = useContinuity();
  const nameOf = useEntityNames(['processes']);
  const exercises = useMemo(
    () => (files.data === null ? null : exercisesFromFiles(files.data.version.files)),
    [files.data],
  );
  const rtos = useMemo(() => {
    const map = new Map<string, number>();
    for (const p of continuity.data?.bia.processes ?? []) {
      if (p.rto !== undefined) map.set(p.process, p.rto.minutes);
    }
    return map;
  }, [continuity.data]);
  const series = useMemo(
    () => (exercises === null ? [] : processSeries(exercises, (p) => rtos.get(p))),
    [exercises, rtos],
  );
  const processes = useMemo(
    () => (continuity.data?.bia.processes ?? []).map((p) => p.process),
    [continuity.data],
  );

  if (version === null) {
    return (
      <>
        <h1>{t('continuitySim.ex.title')}</h1>
        <ContinuityTabs />
        <Empty>{t('app.noVersion')}</Empty>
      </>
    );
  }

  return (
    <>
      <h1>{t('continuitySim.ex.title')}</h1>
      <ContinuityTabs />
      <p>{t('continuitySim.ex.intro')}</p>

      <section aria-labelledby="ex-list-title">
        <h2 id="ex-list-title">{t('continuitySim.ex.listTitle')}</h2>
        {files.error === null ? null : <ErrorMessage error={files.error} onRetry={files.reload} />}
        {exercises === null ? (
          files.error === null ? (
            <Loading />
          ) : null
        ) : exercises.length === 0 ? (
          <Empty>{t('continuitySim.ex.none')}</Empty>
        ) : (
          <ExerciseTable exercises={exercises} nameOf={nameOf} rtos={rtos} />
        )}
      </section>

      <section aria-labelledby="ex-charts-title">
        <h2 id="ex-charts-title">{t('continuitySim.ex.chartsTitle')}</h2>
        {continuity.error === null ? null : (
          <ErrorMessage error={continuity.error} onRetry={continuity.reload} />
        )}
        {series.length === 0 ? (
          <Empty>{t('continuitySim.ex.noMeasure')}</Empty>
        ) : (
          <div className="ex-charts">
            {series.map((s) => (
              <ProcessChart key={s.process} series={s} nameOf={nameOf} />
            ))}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="ex-form-title">
        <h2 id="ex-form-title">{t('continuitySim.ex.formTitle')}</h2>
        {canEdit ? (
          <RecordForm processes={processes} nameOf={nameOf} />
        ) : (
          <p className="muted">{t('continuitySim.ex.readOnly')}</p>
        )}
      </section>
    </>
  );
}

function ExerciseTable({
  exercises,
  nameOf,
  rtos,
}: {
  readonly exercises: readonly Exercise[];
  readonly nameOf: NameOf;
  readonly rtos: ReadonlyMap<string, number>;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-labelledby="ex-list-title" tabIndex={0}>
      <table className="plain sim-table">
        <thead>
          <tr>
            <th scope="col">{t('continuitySim.ex.col.date')}</th>
            <th scope="col">{t('continuitySim.ex.col.kind')}</th>
            <th scope="col">{t('continuitySim.ex.col.scenario')}</th>
            <th scope="col">{t('continuitySim.ex.col.measured')}</th>
            <th scope="col">{t('continuitySim.ex.col.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {exercises.map((e, i) => (
            <tr key={`${e.date}:${String(i)}`}>
              <th scope="row" className="ex-date">
                <time dateTime={e.date}>{e.date}</time>
              </th>
              <td>{t(`continuitySim.ex.kind.${e.kind}`)}</td>
              <td>{e.scenario}</td>
              <td>
                {(e.measured ?? []).length === 0 ? (
                  '—'
                ) : (
                  <ul className="path-inline-list">
                    {(e.measured ?? []).map((m) => {
                      const rto = rtos.get(m.process);
                      return (
                        <li key={m.process}>
                          {t('continuitySim.ex.measure', {
                            process: nameOf('processes', m.process),
                            time: m.time,
                          })}
                          {rto === undefined
                            ? null
                            : ` (${t('continuitySim.ex.rtoIs', { rto: formatMinutes(rto, lang) })})`}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
              <td>
                {(e.problems ?? []).length === 0 ? (
                  '—'
                ) : (
                  <ul>
                    {(e.problems ?? []).map((p, j) => (
                      <li key={String(j)}>{p}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProcessChart({
  series,
  nameOf,
}: {
  readonly series: ProcessSeries;
  readonly nameOf: NameOf;
}) {
  const { t, lang } = useI18n();
  const layout = chartLayout(series);
  const name = nameOf('processes', series.process);
  const id = `ex-chart-${series.process}`;
  const line = layout.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const verdict = (met: boolean | null): string =>
    met === null
      ? t('continuitySim.ex.noRto')
      : met
        ? t('continuitySim.ex.met')
        : t('continuitySim.ex.missed');
  return (
    <figure className="ex-chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {name}
        {series.rto === undefined
          ? ''
          : ` — ${t('continuitySim.ex.rtoIs', { rto: formatMinutes(series.rto, lang) })}`}
      </h3>
      <svg
        viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
        width={layout.width}
        height={layout.height}
        aria-hidden="true"
      >
        {layout.yTicks.map((tick) => (
          <g key={tick.minutes}>
            <line className="ex-grid" x1={layout.left} x2={layout.right} y1={tick.y} y2={tick.y} />
            <text x={layout.left - 6} y={tick.y + 4} textAnchor="end">
              {formatMinutes(tick.minutes, lang)}
            </text>
          </g>
        ))}
        {layout.rtoY === null ? null : (
          <g>
            <line
              className="ex-rto"
              x1={layout.left}
              x2={layout.right}
              y1={layout.rtoY}
              y2={layout.rtoY}
            />
            <text x={layout.right} y={layout.rtoY - 4} textAnchor="end">
              {t('continuitySim.ex.rtoLine')}
            </text>
          </g>
        )}
        {layout.points.length > 1 ? <polyline className="ex-line" points={line} /> : null}
        {layout.points.map((p, i) => (
          <g key={`${p.date}:${String(i)}`}>
            {p.met === false ? (
              <rect className="ex-point-missed" x={p.x - 5} y={p.y - 5} width={10} height={10} />
            ) : (
              <circle
                className={p.met === null ? 'ex-point-none' : 'ex-point-met'}
                cx={p.x}
                cy={p.y}
                r={5}
              />
            )}
            <text
              x={p.x}
              y={layout.bottom + 18}
              textAnchor={
                layout.points.length < 2
                  ? 'middle'
                  : i === 0
                    ? 'start'
                    : i === layout.points.length - 1
                      ? 'end'
                      : 'middle'
              }
            >
              {p.date}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted">{t('continuitySim.ex.chartCaption')}</figcaption>
      <details>
        <summary>{t('continuitySim.ex.tableOf', { name })}</summary>
        <table className="plain">
          <caption className="visually-hidden">{t('continuitySim.ex.tableOf', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('continuitySim.ex.col.date')}</th>
              <th scope="col">{t('continuitySim.ex.col.kind')}</th>
              <th scope="col">{t('continuitySim.ex.col.achieved')}</th>
              <th scope="col">{t('continuitySim.ex.col.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((p, i) => (
              <tr key={`${p.date}:${String(i)}`}>
                <th scope="row">{p.date}</th>
                <td>{t(`continuitySim.ex.kind.${p.kind}`)}</td>
                <td>{formatMinutes(p.minutes, lang)}</td>
                <td>{verdict(p.met)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const emptyDraft = (): ExerciseDraft => ({
  date: todayIso(),
  kind: 'restore-test',
  scenario: '',
  measured: {},
  problems: '',
});

function RecordForm({
  processes,
  nameOf,
}: {
  readonly processes: readonly string[];
  readonly nameOf: NameOf;
}) {
  const { t } = useI18n();
  const { workspace, latest, refresh } = useWorkspace();
  const [draft, setDraft] = useState<ExerciseDraft>(emptyDraft);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  const errorOf = (field: string): string | null => {
    const code = errors[field];
    if (code === undefined) return null;
    switch (code) {
      case 'dateInvalid':
      case 'dateFuture':
      case 'scenarioMissing':
      case 'scenarioTooLong':
      case 'timeInvalid':
      case 'problemTooLong':
        return t(`continuitySim.ex.error.${code}`);
      default:
        return code; // the server's own message
    }
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setNotice('');
    setFailure(null);
    const checked = validateDraft(draft, todayIso());
    if ('errors' in checked) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      if (first !== undefined) document.getElementById(fieldId(first))?.focus();
      return;
    }
    if (latest === null) return;
    setErrors({});
    setBusy(true);
    api<SaveResponse>(wsPath(workspace.id, '/continuity/exercises'), {
      method: 'POST',
      body: { baseVersion: latest, exercise: checked.exercise },
    })
      .then((saved) => {
        setBusy(false);
        setDraft(emptyDraft());
        setNotice(t('continuitySim.ex.saved', { n: saved.version.number }));
        refresh();
      })
      .catch((reason: unknown) => {
        setBusy(false);
        const fields =
          reason instanceof ApiFailure
            ? serverFieldErrors(reason.body?.details, checked.exercise)
            : {};
        setErrors(fields);
        setFailure(reason);
      });
  };

  const described = (field: string): { 'aria-invalid': boolean; 'aria-describedby'?: string } =>
    errors[field] === undefined
      ? { 'aria-invalid': false }
      : { 'aria-invalid': true, 'aria-describedby': `${fieldId(field)}-error` };
  const fieldError = (field: string) => {
    const message = errorOf(field);
    return message === null ? null : (
      <p id={`${fieldId(field)}-error`} className="sim-field-error">
        {message}
      </p>
    );
  };

  return (
    <form className="ex-form" onSubmit={submit} noValidate>
      <div className="ex-fields">
        <div className="sim-field">
          <label htmlFor={fieldId('date')}>{t('continuitySim.ex.col.date')}</label>
          <input
            id={fieldId('date')}
            type="date"
            required
            value={draft.date}
            {...described('date')}
            onChange={(e) => {
              setDraft({ ...draft, date: e.target.value });
            }}
          />
          {fieldError('date')}
        </div>
        <div className="sim-field">
          <label htmlFor={fieldId('kind')}>{t('continuitySim.ex.col.kind')}</label>
          <select
            id={fieldId('kind')}
            value={draft.kind}
            onChange={(e) => {
              const kind = EXERCISE_KINDS.find((k): k is ExerciseKind => k === e.target.value);
              if (kind !== undefined) setDraft({ ...draft, kind });
            }}
          >
            {EXERCISE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`continuitySim.ex.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="sim-field">
          <label htmlFor={fieldId('scenario')}>{t('continuitySim.ex.col.scenario')}</label>
          <input
            id={fieldId('scenario')}
            type="text"
            required
            maxLength={500}
            value={draft.scenario}
            placeholder={t('continuitySim.ex.scenarioHint')}
            {...described('scenario')}
            onChange={(e) => {
              setDraft({ ...draft, scenario: e.target.value });
            }}
          />
          {fieldError('scenario')}
        </div>
      </div>
      <fieldset>
        <legend>{t('continuitySim.ex.measuredLegend')}</legend>
        <p className="muted sim-hint">{t('continuitySim.ex.measuredHint')}</p>
        {processes.length === 0 ? (
          <p className="muted">{t('continuitySim.ex.noProcess')}</p>
        ) : (
          <div className="ex-measured">
            {processes.map((process) => {
              const field = `measured.${process}`;
              return (
                <div key={process} className="sim-field">
                  <label htmlFor={fieldId(field)}>{nameOf('processes', process)}</label>
                  <input
                    id={fieldId(field)}
                    type="text"
                    inputMode="text"
                    placeholder="4h"
                    value={draft.measured[process] ?? ''}
                    {...described(field)}
                    onChange={(e) => {
                      setDraft({
                        ...draft,
                        measured: { ...draft.measured, [process]: e.target.value },
                      });
                    }}
                  />
                  {fieldError(field)}
                </div>
              );
            })}
          </div>
        )}
      </fieldset>
      <div className="sim-field">
        <label htmlFor={fieldId('problems')}>{t('continuitySim.ex.col.problems')}</label>
        <textarea
          id={fieldId('problems')}
          value={draft.problems}
          {...described('problems')}
          aria-describedby={
            errors.problems === undefined
              ? `${fieldId('problems')}-hint`
              : `${fieldId('problems')}-hint ${fieldId('problems')}-error`
          }
          onChange={(e) => {
            setDraft({ ...draft, problems: e.target.value });
          }}
        />
        <p id={`${fieldId('problems')}-hint`} className="muted sim-hint">
          {t('continuitySim.ex.problemsHint')}
        </p>
        {fieldError('problems')}
      </div>
      {failure === null ? null : <ErrorMessage error={failure} />}
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('continuitySim.ex.saving') : t('continuitySim.ex.save')}
      </button>
    </form>
  );
}

/** The DOM id of a form field (`measured.<process>` included). */
function fieldId(field: string): string {
  return `ex-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
