/**
 * The model editor: the files of the latest version in a CodeMirror YAML editor, the model's
 * diagnostics as lint markers and in a panel, checked again as you type (in a worker, after a
 * pause), completion of keys, values and ids, and saving as a new version (422: the diagnostics
 * are shown, nothing is saved; 409: someone saved meanwhile, the edits stay downloadable).
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  DiagnosticView,
  SaveResponse,
  VersionResponse,
} from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { api, wsPath } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { DiagnosticList } from './DiagnosticList';
import { countsByFile } from './diagnostics';
import { downloadCopy, OutcomeView } from './EditorOutcome';
import type { KeptCopy } from './EditorOutcome';
import { editorChanges, editorReducer, initialEditorState, isUnsaved } from './editor-state';
import { fileNameProblem } from './files';
import { completeModelYaml } from './completion';
import type { WrittenId } from './live-check';
import { LiveValidation } from './live-validation';
import { ModelBuffers } from './model-buffers';
import { classifySaveFailure } from './save-failure';
import { useLeaveGuard } from './use-leave-guard';
import { YamlEditor } from './YamlEditor';
import './editor.css';

const KEYS_HINT_ID = 'editor-keys';

export default function EditorPage() {
  const { t } = useI18n();
  const { canEdit, role } = useWorkspace();
  if (!canEdit) {
    return (
      <>
        <h1>{t('editor.title')}</h1>
        <p className="card">{t('editor.readOnly', { role: t(`role.${role}`) })}</p>
      </>
    );
  }
  return <Editor />;
}

function Editor() {
  const { t, lang } = useI18n();
  const { workspace, latest, href, refresh } = useWorkspace();
  const [state, dispatch] = useReducer(editorReducer, latest, initialEditorState);
  const { base, names, dirty, selected, diagnostics, hidden, live } = state;
  const { message, messageError, saving } = state;
  const { outcome, kept, newName, nameProblem } = state;
  const loaded = useApi<VersionResponse>(
    base === null ? null : wsPath(workspace.id, `/versions/${base}`),
  );
  const messageRef = useRef<HTMLInputElement>(null);
  const labelRef = useRef((file: string) => t('editor.editorLabel', { file }));
  useEffect(() => {
    labelRef.current = (file: string) => t('editor.editorLabel', { file });
  }, [t]);
  const langRef = useRef(lang);
  useEffect(() => {
    langRef.current = lang;
  }, [lang]);
  /** The ids written in the files, from the last live check (completion of references). */
  const idsRef = useRef<readonly WrittenId[]>([]);
  const [{ buffers, validation }] = useState(() => {
    const holder: { validation?: LiveValidation } = {};
    const modelBuffers = new ModelBuffers({
      onChange: (file, isDirty) => {
        dispatch({ type: 'edited', file, dirty: isDirty });
        holder.validation?.edited();
      },
      label: (file) => labelRef.current(file),
      describedBy: KEYS_HINT_ID,
      complete: completeModelYaml(() => idsRef.current),
    });
    const liveValidation = new LiveValidation({
      files: () => modelBuffers.texts(),
      lang: () => langRef.current,
      onChecking: () => {
        dispatch({ type: 'live-checking' });
      },
      onResult: (result) => {
        idsRef.current = result.ids;
        modelBuffers.setDiagnostics(result.diagnostics);
        dispatch({ type: 'live-checked', diagnostics: result.diagnostics, hidden: result.hidden });
      },
      onUnavailable: () => {
        dispatch({ type: 'live-unavailable' });
      },
    });
    holder.validation = liveValidation;
    return { buffers: modelBuffers, validation: liveValidation };
  });
  useEffect(
    () => () => {
      validation.dispose();
    },
    [validation],
  );

  const version = loaded.data;
  useEffect(() => {
    if (version === null) return;
    const files = version.version.files;
    validation.discardPending();
    buffers.reset(files);
    validation.setSaved(files);
    buffers.setDiagnostics(version.validation.diagnostics);
    dispatch({ type: 'loaded', files, diagnostics: version.validation.diagnostics });
    // the worker starts now: ids to complete from the first keystroke
    validation.checkNow();
  }, [version, buffers, validation]);

  useEffect(() => {
    buffers.show(selected);
  }, [buffers, selected]);

  const changes = useMemo(() => editorChanges(state), [state]);
  const hasChanges = changes.added + changes.removed + changes.changed > 0;
  useLeaveGuard(hasChanges, t('editor.leaveConfirm'));
  const counts = useMemo(() => countsByFile(diagnostics), [diagnostics]);

  const save = async (): Promise<void> => {
    if (saving) return;
    const text = message.trim();
    if (text === '') {
      dispatch({ type: 'message-missing' });
      messageRef.current?.focus();
      return;
    }
    if (!hasChanges) {
      dispatch({ type: 'nothing-to-save' });
      return;
    }
    const files = buffers.texts();
    dispatch({ type: 'save-started' });
    try {
      const saved = await api<SaveResponse>(wsPath(workspace.id, '/versions'), {
        method: 'POST',
        body: { expectedLatest: base, files, message: text },
      });
      buffers.markSaved();
      validation.setSaved(files);
      dispatch({ type: 'saved', number: saved.version.number, files });
      refresh();
    } catch (error) {
      const failure = classifySaveFailure(error);
      if (failure.kind === 'invalid') buffers.setDiagnostics(failure.diagnostics);
      dispatch({ type: 'save-failed', failure, files });
    } finally {
      dispatch({ type: 'save-ended' });
    }
  };
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') {
        return;
      }
      event.preventDefault();
      void saveRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const openLatest = (copy: KeptCopy, actual: number | null) => {
    dispatch({ type: 'latest-opened', copy, actual });
    refresh();
  };

  const addFile = (event: SyntheticEvent) => {
    event.preventDefault();
    const name = newName.trim();
    const problem = fileNameProblem(name, names);
    if (problem !== null) {
      dispatch({ type: 'name-refused', problem });
      return;
    }
    buffers.add(name, '');
    dispatch({ type: 'file-added', name });
    validation.checkNow();
  };

  const removeFile = (name: string) => {
    if (!window.confirm(t('editor.confirmRemove', { file: name }))) return;
    buffers.remove(name);
    dispatch({ type: 'file-removed', name });
    validation.checkNow();
  };

  const jump = (d: DiagnosticView) => {
    if (!names.includes(d.file)) return;
    dispatch({ type: 'selected', file: d.file });
    buffers.jump(d.file, d.line, d.column);
  };

  if (loaded.error !== null && version === null) {
    return (
      <>
        <h1>{t('editor.title')}</h1>
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      </>
    );
  }
  if (base !== null && version === null) {
    return (
      <>
        <h1>{t('editor.title')}</h1>
        <Loading />
      </>
    );
  }

  const messageIds = `editor-message-hint${messageError ? ' editor-message-error' : ''}`;
  return (
    <div className="editor-page">
      <h1>{t('editor.title')}</h1>
      <p className="muted">
        {base === null ? t('editor.newModel') : t('editor.baseVersion', { n: base })}
      </p>

      <div aria-live="polite">
        {outcome === null ? null : (
          <OutcomeView
            outcome={outcome}
            onOpenLatest={openLatest}
            diffHref={(a, b) => href(`/versions/${a}/diff/${b}`, false)}
          />
        )}
      </div>
      {kept === null ? null : (
        <div className="card">
          <p>{t('editor.keptCopy', { n: kept.base ?? 0 })}</p>
          <button
            type="button"
            onClick={() => {
              downloadCopy(kept);
            }}
          >
            {t('editor.downloadCopy')}
          </button>
        </div>
      )}

      <form
        className="toolbar editor-save"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <div className="editor-message">
          <label htmlFor="editor-message">{t('editor.message')}</label>
          <input
            id="editor-message"
            ref={messageRef}
            value={message}
            maxLength={1000}
            required
            aria-invalid={messageError}
            aria-describedby={messageIds}
            onChange={(event) => {
              dispatch({ type: 'message', text: event.target.value });
            }}
          />
          <small id="editor-message-hint" className="muted">
            {t('editor.messageHint')}
          </small>
          {messageError ? (
            <small id="editor-message-error" className="field-error">
              {t('editor.messageRequired')}
            </small>
          ) : null}
        </div>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('editor.saving') : t('editor.save')}
        </button>
        <span className="muted" aria-live="polite">
          {hasChanges ? t('editor.changes', changes) : t('editor.noChanges')}
        </span>
      </form>

      <div className="editor-layout">
        <nav className="editor-files card" aria-labelledby="editor-files-title">
          <h2 id="editor-files-title">{t('editor.files')}</h2>
          <ul>
            {names.map((name) => {
              const c = counts.get(name);
              const unsaved = isUnsaved(state, name);
              return (
                <li key={name} className={name === selected ? 'current' : undefined}>
                  <button
                    type="button"
                    className="file-button"
                    aria-current={name === selected ? 'true' : undefined}
                    onClick={() => {
                      dispatch({ type: 'selected', file: name });
                    }}
                  >
                    <span className="mono file-name">{name}</span>
                    {c !== undefined && c.errors > 0 ? (
                      <span className="badge diag-error">
                        {t('editor.errorsCount', { n: c.errors })}
                      </span>
                    ) : null}
                    {c !== undefined && c.warnings > 0 ? (
                      <span className="badge diag-warning">
                        {t('editor.warningsCount', { n: c.warnings })}
                      </span>
                    ) : null}
                    {unsaved ? <span className="badge unsaved">{t('editor.unsaved')}</span> : null}
                  </button>
                  <button
                    type="button"
                    className="link-button remove-file"
                    aria-label={t('editor.removeFile', { file: name })}
                    title={t('editor.removeFile', { file: name })}
                    onClick={() => {
                      removeFile(name);
                    }}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <form onSubmit={addFile} noValidate>
            <h3>{t('editor.newFile')}</h3>
            <label htmlFor="editor-new-file">{t('editor.newFileName')}</label>
            <input
              id="editor-new-file"
              className="mono"
              value={newName}
              aria-invalid={nameProblem !== null}
              aria-describedby={nameProblem === null ? undefined : 'editor-new-file-error'}
              onChange={(event) => {
                dispatch({ type: 'new-name', text: event.target.value });
              }}
            />
            {nameProblem === null ? null : (
              <small id="editor-new-file-error" className="field-error">
                {t(`editor.fileName.${nameProblem}`)}
              </small>
            )}
            <button type="submit">{t('editor.addFile')}</button>
          </form>
        </nav>

        <section className="editor-main" aria-labelledby="editor-file-title">
          <h2 id="editor-file-title" className="mono">
            {selected ?? t('editor.noFile')}
          </h2>
          <p id={KEYS_HINT_ID} className="muted small">
            {t('editor.tabHint')}
          </p>
          <YamlEditor buffers={buffers} />
        </section>
      </div>

      <section className="card" aria-labelledby="editor-diagnostics-title">
        <h2 id="editor-diagnostics-title">
          {t('editor.diagnostics')} ({diagnostics.length})
        </h2>
        <p className="muted small" role="status">
          {live === 'checking' ? t('editor.live.checking') : null}
          {live === 'checked' ? t('editor.live.checked') : null}
          {live === 'unavailable' ? t('editor.live.unavailable') : null}
        </p>
        {live !== 'checked' && live !== 'checking' && dirty.size > 0 && diagnostics.length > 0 ? (
          <p className="muted small">{t('editor.diagnosticsStale')}</p>
        ) : null}
        {hidden > 0 ? (
          <p className="editor-hidden-problems small" id="editor-hidden-problems">
            {t('editor.live.hidden', { n: hidden })}
          </p>
        ) : null}
        <DiagnosticList diagnostics={diagnostics} onSelect={jump} />
      </section>
    </div>
  );
}
