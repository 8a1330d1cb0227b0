/**
 * Editing one entity through a form generated from its fields' values: the changed fields only
 * are sent (`null` clears one); the server writes them in the declaring file and answers like a
 * save (201 new version, 422 located diagnostics, 409 someone saved meanwhile).
 */
import { useMemo, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  DiagnosticView,
  EntityDetailResponse,
  EntityEditRequest,
  SaveResponse,
} from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { lookup, useI18n } from '../../i18n';
import { api, wsPath } from '../../lib/api';
import { Link, useParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { DiagnosticList } from './DiagnosticList';
import { changedFields, inferFieldType, parseFormValue, toFormValue } from './fields';
import type { FieldProblem, FormValue } from './fields';
import { FieldInput } from './FieldInput';
import type { FieldSpec } from './FieldInput';
import { classifySaveFailure, failureDetails } from './save-failure';
import type { SaveFailure } from './save-failure';
import './editor.css';

type Status =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'fix'; readonly count: number }
  | { readonly kind: 'saved'; readonly number: number }
  | { readonly kind: 'failed'; readonly failure: SaveFailure };

export default function EntityFormPage() {
  const { t, lang } = useI18n();
  const { canEdit, role, href } = useWorkspace();
  const { kind = '', entityId = '' } = useParams('/w/:workspaceId/explore/:kind/:entityId/edit');
  if (!canEdit) {
    return (
      <>
        <h1>{t('editor.title')}</h1>
        <p className="card">{t('editor.readOnly', { role: t(`role.${role}`) })}</p>
        <Link to={href(`/explore/${encodeURIComponent(kind)}/${encodeURIComponent(entityId)}`)}>
          {t('editor.entity.back', { name: `${lookup(lang, `kind.${kind}`, kind)} ${entityId}` })}
        </Link>
      </>
    );
  }
  return <EntityEditor kind={kind} entityId={entityId} />;
}

function EntityEditor({ kind, entityId }: { readonly kind: string; readonly entityId: string }) {
  const { t, lang } = useI18n();
  const { workspace, latest, href, refresh } = useWorkspace();
  const path =
    latest === null
      ? null
      : wsPath(
          workspace.id,
          `/versions/${latest}/entities/${encodeURIComponent(kind)}/${encodeURIComponent(entityId)}?lang=${lang}`,
        );
  const entity = useApi<EntityDetailResponse>(path);
  const [status, setStatus] = useState<Status | null>(null);
  const detailHref = href(`/explore/${encodeURIComponent(kind)}/${encodeURIComponent(entityId)}`);
  const detail = entity.data;

  if (latest === null) return <p className="empty">{t('app.noVersion')}</p>;
  if (detail === null) {
    return (
      <>
        <h1>{t('editor.title')}</h1>
        {entity.error === null ? (
          <Loading />
        ) : (
          <ErrorMessage error={entity.error} onRetry={entity.reload} />
        )}
      </>
    );
  }
  const diagnostics: readonly DiagnosticView[] =
    status?.kind === 'failed' && status.failure.kind === 'invalid'
      ? status.failure.diagnostics
      : [];
  return (
    <>
      <h1>{t('editor.entity.title', { name: detail.name })}</h1>
      <p className="muted">
        {lookup(lang, `kind.${detail.kind}`, detail.kind)} ·{' '}
        {t('editor.entity.intro', { file: detail.file, line: detail.line })}
      </p>
      <p>
        <Link to={detailHref}>{t('editor.entity.back', { name: detail.name })}</Link>
      </p>
      <div aria-live="polite">
        {status === null ? null : (
          <StatusView
            status={status}
            diffHref={(a, b) => href(`/versions/${a}/diff/${b}`, false)}
            detailHref={detailHref}
            name={detail.name}
            onReload={() => {
              setStatus(null);
              refresh();
              entity.reload();
            }}
          />
        )}
      </div>
      <div className="entity-layout">
        <EntityForm
          key={`${detail.version}:${detail.id}`}
          detail={detail}
          onStatus={setStatus}
          onSaved={refresh}
        />
        {diagnostics.length === 0 ? null : (
          <section className="card" aria-labelledby="entity-diagnostics-title">
            <h2 id="entity-diagnostics-title">{t('editor.diagnostics')}</h2>
            <DiagnosticList diagnostics={diagnostics} />
          </section>
        )}
      </div>
    </>
  );
}

function EntityForm({
  detail,
  onStatus,
  onSaved,
}: {
  readonly detail: EntityDetailResponse;
  readonly onStatus: (status: Status | null) => void;
  readonly onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const { workspace } = useWorkspace();
  const specs = useMemo<FieldSpec[]>(
    () =>
      Object.entries(detail.fields)
        .filter(([key]) => key !== 'id')
        .map(([key, value], i) => ({
          key,
          type: inferFieldType(value),
          id: `entity-field-${i}`,
          required: key === 'name',
        })),
    [detail],
  );
  const [values, setValues] = useState<Readonly<Record<string, FormValue>>>(() =>
    Object.fromEntries(specs.map((s) => [s.key, toFormValue(s.type, detail.fields[s.key])])),
  );
  const [problems, setProblems] = useState<Readonly<Record<string, FieldProblem>>>({});
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    const parsed: Record<string, unknown> = {};
    const found: Record<string, FieldProblem> = {};
    for (const spec of specs) {
      const result = parseFormValue(spec.type, values[spec.key] ?? '', spec.required);
      if (result.ok) parsed[spec.key] = result.value;
      else found[spec.key] = result.problem;
    }
    setProblems(found);
    const invalid = specs.filter((s) => found[s.key] !== undefined);
    if (invalid.length > 0) {
      onStatus({ kind: 'fix', count: invalid.length });
      const first = invalid[0];
      if (first !== undefined) document.getElementById(first.id)?.focus();
      return;
    }
    const fields = changedFields(detail.fields, parsed);
    if (Object.keys(fields).length === 0) {
      onStatus({ kind: 'nothing' });
      return;
    }
    const body: EntityEditRequest = {
      expectedLatest: detail.version,
      fields,
      ...(message.trim() === '' ? {} : { message: message.trim() }),
    };
    setSaving(true);
    onStatus(null);
    try {
      const saved = await api<SaveResponse>(
        wsPath(
          workspace.id,
          `/entities/${encodeURIComponent(detail.kind)}/${encodeURIComponent(detail.id)}`,
        ),
        { method: 'PUT', body },
      );
      onStatus({ kind: 'saved', number: saved.version.number });
      onSaved();
    } catch (error) {
      onStatus({ kind: 'failed', failure: classifySaveFailure(error) });
    } finally {
      setSaving(false);
    }
  };

  const problemText = (problem: FieldProblem): string => {
    if (problem.code === 'required') return t('editor.entity.required');
    if (problem.code === 'number') return t('editor.entity.number');
    return t('editor.entity.syntax', problem);
  };

  return (
    <form
      className="entity-form card"
      noValidate
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <div className="field">
        <label htmlFor="entity-id">{t('editor.entity.id')}</label>
        <input
          id="entity-id"
          className="mono"
          value={detail.id}
          readOnly
          aria-describedby="entity-id-hint"
        />
        <small id="entity-id-hint" className="muted">
          {t('editor.entity.idHint')}
        </small>
      </div>
      {specs.length === 0 ? <p className="empty">{t('editor.entity.noFields')}</p> : null}
      {specs.map((spec) => {
        const problem = problems[spec.key];
        return (
          <FieldInput
            key={spec.key}
            spec={spec}
            label={lookup(lang, `editor.field.${spec.key}`, spec.key)}
            value={values[spec.key] ?? ''}
            error={problem === undefined ? null : problemText(problem)}
            onChange={(value) => {
              setValues((previous) => ({ ...previous, [spec.key]: value }));
            }}
          />
        );
      })}
      <div className="field">
        <label htmlFor="entity-message">{t('editor.entity.message')}</label>
        <input
          id="entity-message"
          value={message}
          maxLength={1000}
          onChange={(event) => {
            setMessage(event.target.value);
          }}
        />
      </div>
      <button type="submit" className="primary" disabled={saving}>
        {saving ? t('editor.saving') : t('editor.entity.submit')}
      </button>
    </form>
  );
}

function StatusView({
  status,
  diffHref,
  detailHref,
  name,
  onReload,
}: {
  readonly status: Status;
  readonly diffHref: (a: number, b: number) => string;
  readonly detailHref: string;
  readonly name: string;
  readonly onReload: () => void;
}) {
  const { t } = useI18n();
  if (status.kind === 'nothing') return <p className="card">{t('editor.nothingChanged')}</p>;
  if (status.kind === 'fix') {
    return (
      <div className="error" role="alert">
        <p>{t('editor.entity.fixErrors', { n: status.count })}</p>
      </div>
    );
  }
  if (status.kind === 'saved') {
    const n = status.number;
    return (
      <div className="success" role="status">
        <p>{t('editor.saved', { n })}</p>
        <p className="toolbar">
          {n > 1 ? <Link to={diffHref(n - 1, n)}>{t('editor.showDiff')}</Link> : null}
          <Link to={detailHref}>{t('editor.entity.back', { name })}</Link>
        </p>
      </div>
    );
  }
  const { failure } = status;
  if (failure.kind === 'invalid') {
    return (
      <div className="error" role="alert">
        <p>{t('editor.entity.invalid')}</p>
      </div>
    );
  }
  if (failure.kind === 'conflict') {
    return (
      <div className="error" role="alert">
        <p>{t('editor.entity.conflict', { actual: failure.actual ?? '?' })}</p>
        <button type="button" onClick={onReload}>
          {t('editor.entity.reload')}
        </button>
      </div>
    );
  }
  const details = failureDetails(failure.error);
  return (
    <ErrorMessage error={failure.error}>
      {details.length === 0 ? null : (
        <ul>
          {details.map((line) => (
            <li key={line} className="mono">
              {line}
            </li>
          ))}
        </ul>
      )}
    </ErrorMessage>
  );
}
