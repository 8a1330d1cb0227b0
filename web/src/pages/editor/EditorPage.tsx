/**
 * The model editor: the files of the latest version in a CodeMirror YAML editor, the model's
 * diagnostics as lint markers and in a panel, and saving as a new version (422: the diagnostics
 * are shown, nothing is saved; 409: someone saved meanwhile, the edits stay downloadable).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
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
import type { KeptCopy, Outcome } from './EditorOutcome';
import { fileNameProblem } from './files';
import type { FileNameProblem } from './files';
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
  const { t } = useI18n();
  const { workspace, latest, href, refresh } = useWorkspace();
  const [base, setBase] = useState<number | null>(latest);
  const loaded = useApi<VersionResponse>(
    base === null ? null : wsPath(workspace.id, `/versions/${base}`),
  );
  const [savedFiles, setSavedFiles] = useState<Readonly<Record<string, string>>>({});
  const [names, setNames] = useState<readonly string[]>([]);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [diagnostics, setDiagnostics] = useState<readonly DiagnosticView[]>([]);
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [kept, setKept] = useState<KeptCopy | null>(null);
  const [newName, setNewName] = useState('');
  const [nameProblem, setNameProblem] = useState<FileNameProblem | null>(null);
  const messageRef = useRef<HTMLInputElement>(null);
  const labelRef = useRef((file: string) => t('editor.editorLabel', { file }));
  useEffect(() => {
    labelRef.current = (file: string) => t('editor.editorLabel', { file });
  }, [t]);
  const [buffers] = useState(
    () =>
      new ModelBuffers({
        onChange: (file, isDirty) => {
          setDirty((previous) => {
            if (previous.has(file) === isDirty) return previous;
            const next = new Set(previous);
            if (isDirty) next.add(file);
            else next.delete(file);
            return next;
          });
        },
        label: (file) => labelRef.current(file),
        describedBy: KEYS_HINT_ID,
      }),
  );

  const version = loaded.data;
  useEffect(() => {
    if (version === null) return;
    const files = version.version.files;
    const sorted = Object.keys(files).sort();
    buffers.reset(files);
    buffers.setDiagnostics(version.validation.diagnostics);
    setSavedFiles(files);
    setNames(sorted);
    setDirty(new Set());
    setDiagnostics(version.validation.diagnostics);
    setSelected((previous) =>
      previous !== null && Object.hasOwn(files, previous) ? previous : (sorted[0] ?? null),
    );
  }, [version, buffers]);

  useEffect(() => {
    buffers.show(selected);
  }, [buffers, selected]);

  const changes = useMemo(
    () => ({
      added: names.filter((n) => !Object.hasOwn(savedFiles, n)).length,
      removed: Object.keys(savedFiles).filter((n) => !names.includes(n)).length,
      changed: names.filter((n) => Object.hasOwn(savedFiles, n) && dirty.has(n)).length,
    }),
    [names, savedFiles, dirty],
  );
  const hasChanges = changes.added + changes.removed + changes.changed > 0;
  useLeaveGuard(hasChanges, t('editor.leaveConfirm'));
  const counts = useMemo(() => countsByFile(diagnostics), [diagnostics]);

  const save = async (): Promise<void> => {
    if (saving) return;
    const text = message.trim();
    if (text === '') {
      setMessageError(true);
      messageRef.current?.focus();
      return;
    }
    if (!hasChanges) {
      setOutcome({ kind: 'nothing' });
      return;
    }
    const files = buffers.texts();
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await api<SaveResponse>(wsPath(workspace.id, '/versions'), {
        method: 'POST',
        body: { expectedLatest: base, files, message: text },
      });
      setOutcome({ kind: 'saved', number: saved.version.number });
      buffers.markSaved();
      setSavedFiles(files);
      setDirty(new Set());
      setMessage('');
      setMessageError(false);
      setKept(null);
      setBase(saved.version.number);
      refresh();
    } catch (error) {
      const failure = classifySaveFailure(error);
      if (failure.kind === 'invalid') {
        buffers.setDiagnostics(failure.diagnostics);
        setDiagnostics(failure.diagnostics);
      }
      setOutcome({ kind: 'failed', failure, files, base });
    } finally {
      setSaving(false);
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
    setKept(copy);
    setOutcome(null);
    setDirty(new Set());
    if (actual !== null) setBase(actual);
    refresh();
  };

  const addFile = (event: SyntheticEvent) => {
    event.preventDefault();
    const name = newName.trim();
    const problem = fileNameProblem(name, names);
    setNameProblem(problem);
    if (problem !== null) return;
    buffers.add(name, '');
    setNames((previous) => [...previous, name].sort());
    if ((savedFiles[name] ?? '') !== '') {
      setDirty((previous) => new Set([...previous, name]));
    }
    setSelected(name);
    setNewName('');
  };

  const removeFile = (name: string) => {
    if (!window.confirm(t('editor.confirmRemove', { file: name }))) return;
    buffers.remove(name);
    const rest = names.filter((n) => n !== name);
    setNames(rest);
    setDirty((previous) => {
      const next = new Set(previous);
      next.delete(name);
      return next;
    });
    if (selected === name) setSelected(rest[0] ?? null);
  };

  const jump = (d: DiagnosticView) => {
    if (!names.includes(d.file)) return;
    setSelected(d.file);
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
              setMessage(event.target.value);
              if (event.target.value.trim() !== '') setMessageError(false);
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
              const unsaved = dirty.has(name) || !Object.hasOwn(savedFiles, name);
              return (
                <li key={name} className={name === selected ? 'current' : undefined}>
                  <button
                    type="button"
                    className="file-button"
                    aria-current={name === selected ? 'true' : undefined}
                    onClick={() => {
                      setSelected(name);
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
                setNewName(event.target.value);
                setNameProblem(null);
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
        {dirty.size > 0 && diagnostics.length > 0 ? (
          <p className="muted small">{t('editor.diagnosticsStale')}</p>
        ) : null}
        <DiagnosticList diagnostics={diagnostics} onSelect={jump} />
      </section>
    </div>
  );
}
