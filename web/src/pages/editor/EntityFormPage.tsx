/**
 * Creating or editing one entity through a form generated from the model's schema (every field
 * of the kind, references as pickers showing names, nested objects and lists as sub-forms). An
 * edit sends the changed top-level fields only (`null` removes one) and the server writes them
 * in the declaring file keeping comments and layout; a creation appends the entity. The server's
 * diagnostics are shown on the field they are about.
 */
import { useMemo, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  DiagnosticView,
  EntityDetailResponse,
  EntityEditRequest,
  SaveResponse,
} from '../../../../src/platform/api/types';
import { SECTION_NAMES, type Section } from '../../../../src/domain/model/index';
import { ID_PATTERN } from '../../../../src/domain/model/common';
import { ErrorMessage, Loading } from '../../components/Status';
import { lookup, useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { ApiFailure, api, wsPath } from '../../lib/api';
import { Link, useParams, useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { DiagnosticList } from './DiagnosticList';
import { FieldInput, FormContext, inputId } from './FieldInput';
import type { FormEnvironment } from './FieldInput';
import { SECTION_OF_KIND, referencedKinds, useChoices } from './form/choices';
import { entityDescriptor } from './form/descriptor';
import type { EntityDescriptor } from './form/descriptor';
import { invalidModelDiagnostics, placeDiagnostics } from './form/failure';
import {
  changedTopLevel,
  checkDraft,
  entityOf,
  formPaths,
  slugOf,
  uniqueId,
  type Draft,
  type FieldIssue,
} from './form/values';
import { classifySaveFailure, failureDetails } from './save-failure';
import type { SaveFailure } from './save-failure';
import './editor.css';
import './form/form.css';

type Status =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'fix'; readonly count: number }
  | { readonly kind: 'saved'; readonly number: number }
  | { readonly kind: 'invalid'; readonly elsewhere: readonly DiagnosticView[] }
  | { readonly kind: 'failed'; readonly failure: SaveFailure };

const isSection = (kind: string): kind is Section =>
  (SECTION_NAMES as readonly string[]).includes(kind);

export default function EntityFormPage() {
  const { t, lang } = useI18n();
  const { canEdit, role, href } = useWorkspace();
  const edit = useParams('/w/:workspaceId/explore/:kind/:entityId/edit');
  const create = useParams('/w/:workspaceId/new/:kind');
  const kind = edit.kind ?? create.kind ?? '';
  const entityId = edit.entityId ?? null;
  const listHref = href(`/explore/${encodeURIComponent(kind)}`);
  if (!isSection(kind)) {
    return <p className="empty">{t('explorer.unknownKind', { kind })}</p>;
  }
  if (!canEdit) {
    return (
      <>
        <h1>{t('editor.title')}</h1>
        <p className="card">{t('editor.readOnly', { role: t(`role.${role}`) })}</p>
        <Link to={listHref}>{lookup(lang, `kind.${kind}`, kind)}</Link>
      </>
    );
  }
  return entityId === null ? (
    <EntityCreator section={kind} />
  ) : (
    <EntityEditor section={kind} entityId={entityId} />
  );
}

const oneOf = (section: string): MessageKey => `forms.one.${section}` as MessageKey;

function EntityCreator({ section }: { readonly section: Section }) {
  const { t } = useI18n();
  const descriptor = entityDescriptor(section);
  const kindName = t(oneOf(section));
  return (
    <>
      <h1>{t('forms.new.title', { kind: kindName })}</h1>
      <p className="muted">{t('forms.new.intro')}</p>
      <EntityForm descriptor={descriptor} detail={null} />
    </>
  );
}

function EntityEditor({
  section,
  entityId,
}: {
  readonly section: Section;
  readonly entityId: string;
}) {
  const { t, lang } = useI18n();
  const { workspace, latest, href } = useWorkspace();
  const path =
    latest === null
      ? null
      : wsPath(
          workspace.id,
          `/versions/${String(latest)}/entities/${section}/${encodeURIComponent(entityId)}?lang=${lang}`,
        );
  const entity = useApi<EntityDetailResponse>(path);
  // kept here so that "saved" stays shown when the saved entity is read back
  const status = useState<Status | null>(null);
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
  const detailHref = href(`/explore/${section}/${encodeURIComponent(entityId)}`);
  return (
    <>
      <h1>{t('editor.entity.title', { name: detail.name })}</h1>
      <p className="muted">
        {t(oneOf(section))} · {t('editor.entity.intro', { file: detail.file, line: detail.line })}
      </p>
      <p>
        <Link to={detailHref}>{t('editor.entity.back', { name: detail.name })}</Link>
      </p>
      <EntityForm
        key={`${String(detail.version)}:${detail.id}`}
        descriptor={entityDescriptor(section)}
        detail={detail}
        onReload={entity.reload}
        status={status}
      />
    </>
  );
}

function issueText(t: ReturnType<typeof useI18n>['t'], issue: FieldIssue): string {
  switch (issue.code) {
    case 'required':
      return t('forms.issue.required');
    case 'number':
      return t('forms.issue.number');
    case 'integer':
      return t('forms.issue.integer');
    case 'range':
      return t('forms.issue.range', { min: issue.min ?? '…', max: issue.max ?? '…' });
    case 'length':
      return t('forms.issue.length', { max: issue.max ?? 0 });
    case 'format':
      return t('forms.issue.format');
  }
}

function EntityForm({
  descriptor,
  detail,
  onReload,
  status: outerStatus,
}: {
  readonly descriptor: EntityDescriptor;
  /** null: a new entity. */
  readonly detail: EntityDetailResponse | null;
  readonly onReload?: () => void;
  /** The status line's state when it must outlive the form (an edit read back after saving). */
  readonly status?: readonly [Status | null, (status: Status | null) => void];
}) {
  const { t, lang } = useI18n();
  const { workspace, latest, href, refresh } = useWorkspace();
  const { navigate } = useRouter();
  const { section, fields } = descriptor;
  const creating = detail === null;
  const original = useMemo<Draft>(() => {
    if (detail === null) return {};
    return Object.fromEntries(Object.entries(detail.fields).filter(([key]) => key !== 'id'));
  }, [detail]);
  const [draft, setDraft] = useState<Draft>(original);
  const [idText, setIdText] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const ownStatus = useState<Status | null>(null);
  const [status, setStatus] = outerStatus ?? ownStatus;
  const [saving, setSaving] = useState(false);

  // References need the lists of their kinds; a creation also needs every id (ids are unique
  // across the model).
  const sections = useMemo<Section[]>(() => {
    if (creating) return [...SECTION_NAMES];
    const kinds = referencedKinds(fields);
    return SECTION_NAMES.filter((s) => [...kinds].some((k) => SECTION_OF_KIND[k] === s));
  }, [creating, fields]);
  const choices = useChoices(
    workspace.id,
    latest,
    sections,
    (s) => lookup(lang, `forms.one.${s}`, s),
    lang,
  );

  const name = typeof draft.name === 'string' ? draft.name : '';
  const proposed = uniqueId(slugOf(name), choices.ids);
  const id = detail?.id ?? idText ?? proposed;
  const idProblem: string | null = !creating
    ? null
    : id === ''
      ? null
      : !ID_PATTERN.test(id) || id.length > 100
        ? t('forms.id.invalid')
        : choices.ids.has(id)
          ? t('forms.id.taken')
          : null;
  const idErrors = errors.get('$id');

  const env: FormEnvironment = { choices: choices.byKind, errors, idPrefix: 'entity-field' };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving || latest === null) return;
    const issues = checkDraft(fields, draft);
    const found = new Map<string, string[]>();
    for (const issue of issues) {
      found.set(issue.path, [...(found.get(issue.path) ?? []), issueText(t, issue)]);
    }
    if (creating && (id === '' || idProblem !== null)) {
      found.set('$id', [id === '' ? t('forms.issue.required') : (idProblem ?? '')]);
    }
    setErrors(found);
    if (found.size > 0) {
      setStatus({ kind: 'fix', count: found.size });
      const first = [...found.keys()][0] ?? '';
      document
        .getElementById(first === '$id' ? 'entity-id' : inputId(env.idPrefix, first))
        ?.focus();
      return;
    }
    const entity = entityOf(fields, draft);
    const changes = creating ? { id, ...entity } : changedTopLevel(fields, original, entity);
    if (Object.keys(changes).length === 0) {
      setStatus({ kind: 'nothing' });
      return;
    }
    const body: EntityEditRequest = {
      expectedLatest: latest,
      fields: changes,
      ...(message.trim() === '' ? {} : { message: message.trim() }),
    };
    setSaving(true);
    setStatus(null);
    try {
      const saved = await api<SaveResponse>(
        wsPath(
          workspace.id,
          creating ? `/entities/${section}` : `/entities/${section}/${encodeURIComponent(id)}`,
        ),
        { method: creating ? 'POST' : 'PUT', body },
      );
      refresh();
      if (creating) {
        navigate(href(`/explore/${section}/${encodeURIComponent(id)}`));
        return;
      }
      setStatus({ kind: 'saved', number: saved.version.number });
    } catch (error) {
      const diagnostics = invalidModelDiagnostics(error);
      if (diagnostics !== null) {
        const placed = placeDiagnostics(diagnostics, section, id, formPaths(fields, draft));
        const byPath = new Map(placed.byPath);
        const whole = byPath.get('');
        if (whole !== undefined) {
          byPath.delete('');
          byPath.set('$entity', whole);
        }
        setErrors(byPath);
        setStatus({ kind: 'invalid', elsewhere: placed.elsewhere });
      } else if (error instanceof ApiFailure && error.body?.code === 'duplicate_id') {
        // someone used the id meanwhile: on the id field, like the live check
        setErrors(new Map([['$id', [t('forms.id.taken')]]]));
        setStatus({ kind: 'fix', count: 1 });
      } else {
        setStatus({ kind: 'failed', failure: classifySaveFailure(error) });
      }
    } finally {
      setSaving(false);
    }
  };

  const entityErrors = errors.get('$entity');
  return (
    <FormContext.Provider value={env}>
      <div aria-live="polite">
        {status === null ? null : (
          <StatusView
            status={status}
            diffHref={(a, b) => href(`/versions/${String(a)}/diff/${String(b)}`, false)}
            onReload={() => {
              setStatus(null);
              refresh();
              onReload?.();
            }}
          />
        )}
      </div>
      <form
        className="entity-form card"
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        {entityErrors === undefined ? null : (
          <p className="field-error" role="alert">
            {entityErrors.join(' ')}
          </p>
        )}
        <div className="field">
          <label htmlFor="entity-id">
            {t('forms.id.label')}
            {creating ? ` (${t('forms.required')})` : ''}
          </label>
          <input
            id="entity-id"
            className="mono"
            value={id}
            readOnly={!creating}
            aria-invalid={idErrors !== undefined || idProblem !== null}
            aria-describedby="entity-id-hint entity-id-error"
            onChange={(event) => {
              setIdText(event.target.value.trim() === '' ? null : event.target.value.trim());
            }}
          />
          <small id="entity-id-hint" className="muted">
            {creating ? t('forms.id.hint') : t('editor.entity.idHint')}
          </small>
          <small
            id="entity-id-error"
            className={idProblem !== null || idErrors !== undefined ? 'field-error' : 'muted'}
          >
            {idErrors?.join(' ') ??
              idProblem ??
              (creating && id !== '' && !choices.loading ? t('forms.id.free') : '')}
          </small>
        </div>
        {choices.loading ? <p className="muted">{t('forms.loadingRefs')}</p> : null}
        {fields.map((field) => (
          <FieldInput
            key={field.key}
            field={field}
            path={field.key}
            value={draft[field.key]}
            onChange={(value) => {
              setDraft((previous) => ({ ...previous, [field.key]: value }));
            }}
          />
        ))}
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
          {saving
            ? t('editor.saving')
            : creating
              ? t('forms.new.submit')
              : t('editor.entity.submit')}
        </button>
      </form>
    </FormContext.Provider>
  );
}

function StatusView({
  status,
  diffHref,
  onReload,
}: {
  readonly status: Status;
  readonly diffHref: (a: number, b: number) => string;
  readonly onReload: () => void;
}) {
  const { t } = useI18n();
  if (status.kind === 'nothing') return <p className="card">{t('editor.nothingChanged')}</p>;
  if (status.kind === 'fix') {
    return (
      <div className="error" role="alert">
        <p>{t('forms.fix', { n: status.count })}</p>
      </div>
    );
  }
  if (status.kind === 'saved') {
    const n = status.number;
    return (
      <div className="success" role="status">
        <p>{t('editor.saved', { n })}</p>
        {n > 1 ? (
          <p className="toolbar">
            <Link to={diffHref(n - 1, n)}>{t('editor.showDiff')}</Link>
          </p>
        ) : null}
      </div>
    );
  }
  if (status.kind === 'invalid') {
    return (
      <div className="error" role="alert">
        <p>{t('forms.serverErrors')}</p>
        {status.elsewhere.length === 0 ? null : (
          <>
            <p>{t('forms.otherErrors')}</p>
            <DiagnosticList diagnostics={status.elsewhere} />
          </>
        )}
      </div>
    );
  }
  const { failure } = status;
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
  const error = failure.kind === 'other' ? failure.error : null;
  const details = failureDetails(error);
  return (
    <ErrorMessage error={error}>
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
