/**
 * Creating a version from outside: a zip of model files (sent as is to `/import`), or YAML files
 * read in the browser and saved as a complete new model (after a confirmation).
 */
import { useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { SaveResponse } from '../../../../src/platform/api/types';
import { useI18n } from '../../i18n';
import { api, query, wsPath } from '../../lib/api';
import { useWorkspace } from '../../lib/workspace';
import { fileNameProblem } from '../editor/files';
import { classifySaveFailure } from '../editor/save-failure';
import { ImportOutcomeView } from './ImportOutcome';
import type { ImportOutcome } from './ImportOutcome';

interface FormProblems {
  readonly file?: string;
  readonly message?: string;
}

/** Shared state of both import forms: problems, progress, outcome, and the request runner. */
function useImport() {
  const { refresh } = useWorkspace();
  const [problems, setProblems] = useState<FormProblems>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const run = async (request: () => Promise<SaveResponse>): Promise<boolean> => {
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await request();
      setOutcome({ kind: 'saved', number: saved.version.number });
      refresh();
      return true;
    } catch (error) {
      setOutcome({ kind: 'failed', failure: classifySaveFailure(error) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { problems, setProblems, busy, outcome, run };
}

function MessageField({
  id,
  value,
  problem,
  onChange,
}: {
  readonly id: string;
  readonly value: string;
  readonly problem: string | undefined;
  readonly onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={id}>{t('versions.importMessage')}</label>
      <input
        id={id}
        value={value}
        maxLength={1000}
        required
        aria-invalid={problem !== undefined}
        aria-describedby={problem === undefined ? undefined : `${id}-error`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {problem === undefined ? null : (
        <small id={`${id}-error`} className="field-error">
          {problem}
        </small>
      )}
    </>
  );
}

function FileField({
  id,
  label,
  accept,
  multiple,
  problem,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly accept: string;
  readonly multiple: boolean;
  readonly problem: string | undefined;
  readonly onChange: (files: File[]) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        required
        aria-invalid={problem !== undefined}
        aria-describedby={problem === undefined ? undefined : `${id}-error`}
        onChange={(event) => {
          onChange([...(event.target.files ?? [])]);
        }}
      />
      {problem === undefined ? null : (
        <small id={`${id}-error`} className="field-error">
          {problem}
        </small>
      )}
    </>
  );
}

export function ImportZipForm() {
  const { t } = useI18n();
  const { workspace, latest } = useWorkspace();
  const { problems, setProblems, busy, outcome, run } = useImport();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState('');
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: FormProblems = {
      ...(file === null ? { file: t('versions.chooseFile') } : {}),
      ...(message.trim() === '' ? { message: t('versions.messageRequired') } : {}),
    };
    setProblems(found);
    if (file === null || found.message !== undefined) return;
    const path = wsPath(
      workspace.id,
      `/import${query({ expectedLatest: latest, message: message.trim() })}`,
    );
    const ok = await run(() =>
      api<SaveResponse>(path, {
        method: 'POST',
        raw: { data: file, contentType: 'application/zip' },
      }),
    );
    if (ok) {
      form.current?.reset();
      setFile(null);
      setMessage('');
    }
  };

  return (
    <section className="card" aria-labelledby="import-zip-title">
      <h2 id="import-zip-title">{t('versions.importZipTitle')}</h2>
      <p className="muted">{t('versions.importZipIntro')}</p>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <FileField
          id="import-zip-file"
          label={t('versions.zipFile')}
          accept=".zip,application/zip"
          multiple={false}
          problem={problems.file}
          onChange={(files) => {
            setFile(files[0] ?? null);
          }}
        />
        <MessageField
          id="import-zip-message"
          value={message}
          problem={problems.message}
          onChange={setMessage}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('versions.importing') : t('versions.importZip')}
        </button>
      </form>
      <div aria-live="polite">
        {outcome === null ? null : <ImportOutcomeView outcome={outcome} />}
      </div>
    </section>
  );
}

export function ImportYamlForm() {
  const { t } = useI18n();
  const { workspace, latest } = useWorkspace();
  const { problems, setProblems, busy, outcome, run } = useImport();
  const [files, setFiles] = useState<readonly File[]>([]);
  const [message, setMessage] = useState('');
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const bad = files.map((f) => f.name).filter((name) => fileNameProblem(name, []) !== null);
    const found: FormProblems = {
      ...(files.length === 0 ? { file: t('versions.chooseFile') } : {}),
      ...(bad.length > 0 ? { file: t('versions.badNames', { files: bad.join(', ') }) } : {}),
      ...(message.trim() === '' ? { message: t('versions.messageRequired') } : {}),
    };
    setProblems(found);
    if (found.file !== undefined || found.message !== undefined) return;
    if (!window.confirm(t('versions.confirmYaml', { n: files.length }))) return;
    const ok = await run(async () => {
      const texts = await Promise.all(files.map(async (f) => [f.name, await f.text()] as const));
      return api<SaveResponse>(wsPath(workspace.id, '/versions'), {
        method: 'POST',
        body: { expectedLatest: latest, files: Object.fromEntries(texts), message: message.trim() },
      });
    });
    if (ok) {
      form.current?.reset();
      setFiles([]);
      setMessage('');
    }
  };

  return (
    <section className="card" aria-labelledby="import-yaml-title">
      <h2 id="import-yaml-title">{t('versions.importYamlTitle')}</h2>
      <p className="muted">{t('versions.importYamlIntro')}</p>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <FileField
          id="import-yaml-files"
          label={t('versions.yamlFiles')}
          accept=".yaml,.yml"
          multiple
          problem={problems.file}
          onChange={setFiles}
        />
        <MessageField
          id="import-yaml-message"
          value={message}
          problem={problems.message}
          onChange={setMessage}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('versions.importing') : t('versions.importYaml')}
        </button>
      </form>
      <div aria-live="polite">
        {outcome === null ? null : <ImportOutcomeView outcome={outcome} />}
      </div>
    </section>
  );
}
