/**
 * Documents: ask for a DAT, an analysis report or a disaster recovery plan (PRA) of a model
 * version (`?kind=` preselects one), follow its generation
 * (the list is polled while one is queued or running; completions are announced) and download it.
 */
import { useCallback, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { DocumentRequest, DocumentView, Lang } from '../../../../src/platform/api/types';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { api, apiBlob, saveBlob, wsPath } from '../../lib/api';
import { useRouter } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import {
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  DOCUMENT_LANGS,
  documentLanguage,
  fallbackFileName,
  formatSize,
  progressPercent,
  requestedKind,
} from './documents-logic';
import { useDocumentList } from './use-document-list';
import { useModelLanguage } from './use-model-language';
import './documents.css';

type Translate = ReturnType<typeof useI18n>['t'];

/** "DAT PDF", "Rapport d'analyse Markdown". */
function documentName(t: Translate, document: Pick<DocumentView, 'kind' | 'format'>): string {
  return t('documents.name', {
    kind: t(`documents.kindShort.${document.kind}`),
    format: t(`documents.formatShort.${document.format}`),
  });
}

const STATUS_ICONS: Readonly<Record<DocumentView['status'], string>> = {
  queued: '◷',
  running: '↻',
  done: '✓',
  failed: '✕',
};

export default function DocumentsPage() {
  const { t } = useI18n();
  const { workspace, role, can } = useWorkspace();
  const [notice, setNotice] = useState('');
  const onFinished = useCallback(
    (finished: readonly DocumentView[]) => {
      setNotice(
        finished
          .map((d) =>
            t(d.status === 'done' ? 'documents.ready' : 'documents.failedNotice', {
              name: documentName(t, d),
            }),
          )
          .join(' '),
      );
    },
    [t],
  );
  const list = useDocumentList(wsPath(workspace.id, '/documents'), onFinished);
  const canGenerate = can('documents.request');

  return (
    <>
      <h1>{t('documents.title')}</h1>
      <p>{t('documents.intro')}</p>

      <section className="card" aria-labelledby="documents-generate-title">
        <h2 id="documents-generate-title">{t('documents.generateTitle')}</h2>
        {canGenerate ? (
          <GenerateForm
            onCreated={(document) => {
              list.add(document);
              setNotice(t('documents.queued', { name: documentName(t, document) }));
            }}
          />
        ) : (
          <p className="muted">{t('documents.viewerNote', { role: t(`role.${role}`) })}</p>
        )}
      </section>

      <p className="documents-notice" role="status" aria-live="polite" aria-atomic="true">
        {notice}
      </p>

      <section aria-labelledby="documents-list-title">
        <h2 id="documents-list-title">{t('documents.listTitle')}</h2>
        {list.polling ? <p className="muted">{t('documents.polling')}</p> : null}
        {list.error === null ? null : <ErrorMessage error={list.error} onRetry={list.reload} />}
        {list.documents === null ? (
          list.error === null ? (
            <Loading />
          ) : null
        ) : list.documents.length === 0 ? (
          <Empty>{t('documents.empty')}</Empty>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-labelledby="documents-list-title"
            tabIndex={0}
          >
            <table className="plain documents-table">
              <caption className="visually-hidden">{t('documents.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('documents.col.document')}</th>
                  <th scope="col">{t('documents.col.format')}</th>
                  <th scope="col">{t('documents.col.lang')}</th>
                  <th scope="col">{t('documents.col.version')}</th>
                  <th scope="col">{t('documents.col.status')}</th>
                  <th scope="col">{t('documents.col.created')}</th>
                  <th scope="col">{t('documents.col.size')}</th>
                  <th scope="col">{t('documents.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.documents.map((document) => (
                  <DocumentRow
                    key={document.id}
                    workspaceId={workspace.id}
                    document={document}
                    createdBy={document.createdBy}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function GenerateForm({ onCreated }: { readonly onCreated: (document: DocumentView) => void }) {
  const { t, lang } = useI18n();
  const { workspace, versions, latest } = useWorkspace();
  const { location } = useRouter();
  // `?kind=pra` (the continuity pages' link) preselects that document.
  const [kind, setKind] = useState<DocumentRequest['kind']>(() =>
    requestedKind(location.search.get('kind')),
  );
  const [format, setFormat] = useState<DocumentRequest['format']>('pdf');
  // null: follow the model's language (else the UI's) until the user picks one.
  const [pickedLang, setDocLang] = useState<Lang | null>(null);
  const [version, setVersion] = useState<number | null>(latest);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const chosen = version !== null && versions.some((v) => v.number === version) ? version : latest;
  const modelLocale = useModelLanguage(wsPath(workspace.id, '/documents/language'), chosen);
  if (chosen === null) return <Empty>{t('app.noVersion')}</Empty>;
  const docLang = documentLanguage(pickedLang, modelLocale, lang);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const request: DocumentRequest =
      docLang.send === undefined
        ? { version: chosen, kind, format }
        : { version: chosen, kind, format, lang: docLang.send };
    setBusy(true);
    setError(null);
    api<{ document: DocumentView }>(wsPath(workspace.id, '/documents'), {
      method: 'POST',
      body: request,
    })
      .then(({ document }) => {
        setBusy(false);
        onCreated(document);
      })
      .catch((reason: unknown) => {
        setBusy(false);
        setError(reason);
      });
  };

  return (
    <form className="documents-form" onSubmit={submit}>
      <div className="documents-fields">
        <div>
          <label htmlFor="doc-kind">{t('documents.kind')}</label>
          <select
            id="doc-kind"
            value={kind}
            onChange={(e) => {
              const next = DOCUMENT_KINDS.find((k) => k === e.target.value);
              if (next !== undefined) setKind(next);
            }}
          >
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="doc-format">{t('documents.format')}</label>
          <select
            id="doc-format"
            value={format}
            onChange={(e) => {
              const next = DOCUMENT_FORMATS.find((f) => f === e.target.value);
              if (next !== undefined) setFormat(next);
            }}
          >
            {DOCUMENT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`documents.format.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="doc-lang">{t('documents.lang')}</label>
          <select
            id="doc-lang"
            value={docLang.lang}
            aria-describedby={docLang.isModels ? 'doc-lang-hint' : undefined}
            onChange={(e) => {
              const next = DOCUMENT_LANGS.find((l) => l === e.target.value);
              if (next !== undefined) setDocLang(next);
            }}
          >
            {DOCUMENT_LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`documents.lang.${l}`)}
              </option>
            ))}
          </select>
          {docLang.isModels ? (
            <p id="doc-lang-hint" className="muted documents-hint">
              {t('documents.langOfModel')}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="doc-version">{t('documents.version')}</label>
          <select
            id="doc-version"
            value={String(chosen)}
            onChange={(e) => {
              setVersion(Number(e.target.value));
            }}
          >
            {versions.map((v) => (
              <option key={v.number} value={String(v.number)}>
                {t(
                  v.number === latest ? 'documents.versionOptionLatest' : 'documents.versionOption',
                  {
                    n: v.number,
                    message: v.message,
                  },
                )}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error === null ? null : <ErrorMessage error={error} />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('documents.generating') : t('documents.generate')}
      </button>
    </form>
  );
}

function DocumentRow({
  workspaceId,
  document,
  createdBy,
}: {
  readonly workspaceId: string;
  readonly document: DocumentView;
  readonly createdBy: string | null;
}) {
  const { t, lang, formatDate } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = documentName(t, document);
  const percent = document.status === 'running' ? progressPercent(document.progress) : null;

  const download = () => {
    setBusy(true);
    setError(null);
    apiBlob(wsPath(workspaceId, `/documents/${encodeURIComponent(document.id)}/download`))
      .then(({ blob, fileName }) => {
        saveBlob(blob, fileName ?? document.fileName ?? fallbackFileName(document));
      })
      .catch(setError)
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <tr>
      <th scope="row">{t(`documents.kind.${document.kind}`)}</th>
      <td>{t(`documents.formatShort.${document.format}`)}</td>
      <td lang={document.lang}>{t(`documents.lang.${document.lang}`)}</td>
      <td>{document.version}</td>
      <td>
        <span className={`badge doc-status doc-status-${document.status}`}>
          <span aria-hidden="true" className="doc-status-icon">
            {STATUS_ICONS[document.status]}
          </span>{' '}
          {t(`documents.status.${document.status}`)}
        </span>
        {percent === null ? null : (
          <span className="doc-progress">
            <progress max={100} value={percent} aria-label={t('documents.progress', { name })}>
              {percent} %
            </progress>{' '}
            <span aria-hidden="true">{percent} %</span>
          </span>
        )}
        {document.status === 'failed' && document.error !== null ? (
          <p className="doc-error">{document.error}</p>
        ) : null}
      </td>
      <td>
        <time dateTime={document.created}>{formatDate(document.created)}</time>
        {createdBy === null ? null : (
          <span className="muted doc-by">{t('documents.by', { name: createdBy })}</span>
        )}
      </td>
      <td>{document.size === null ? t('documents.noSize') : formatSize(document.size, lang)}</td>
      <td>
        {document.status === 'done' ? (
          <button type="button" onClick={download} disabled={busy}>
            {busy ? t('documents.downloading') : t('documents.download')}
            <span className="visually-hidden">
              {' '}
              {t('documents.downloadContext', { name, n: document.version })}
            </span>
          </button>
        ) : null}
        {error === null ? null : <ErrorMessage error={error} />}
      </td>
    </tr>
  );
}
