/**
 * The model's history: every version (view it, compare it, export it as a zip), a form to
 * compare any two versions, and for owners and analysts the zip and YAML imports.
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { Empty, ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import { apiBlob, saveBlob, wsPath } from '../../lib/api';
import { Link, useRouter } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import { ImportYamlForm, ImportZipForm } from './ImportForms';
import './versions.css';

export default function VersionsPage() {
  const { t, formatDate } = useI18n();
  const { workspace, versions, latest, canEdit, href } = useWorkspace();
  const [exporting, setExporting] = useState<number | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  const exportZip = async (n: number) => {
    setExporting(n);
    setExportError(null);
    try {
      const { blob, fileName } = await apiBlob(wsPath(workspace.id, `/versions/${n}/export.zip`));
      saveBlob(blob, fileName ?? `${workspace.slug}-v${n}.zip`);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <h1>{t('versions.title')}</h1>
      <p className="muted">{t('versions.intro')}</p>
      {exportError === null ? null : <ErrorMessage error={exportError} />}
      {versions.length === 0 ? (
        <Empty>{t('versions.empty')}</Empty>
      ) : (
        <>
          <table className="plain versions-table">
            <caption className="visually-hidden">{t('versions.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.number')}</th>
                <th scope="col">{t('versions.message')}</th>
                <th scope="col">{t('versions.author')}</th>
                <th scope="col">{t('versions.date')}</th>
                <th scope="col">{t('versions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => {
                const previous = versions[i + 1]?.number;
                return (
                  <tr key={v.number}>
                    <th scope="row">
                      {v.number}{' '}
                      {v.number === latest ? (
                        <span className="badge badge-none">{t('versions.latest')}</span>
                      ) : null}
                    </th>
                    <td>{v.message}</td>
                    <td>{v.author?.displayName ?? t('versions.unknownAuthor')}</td>
                    <td>{formatDate(v.created)}</td>
                    <td>
                      <span className="version-actions">
                        <Link
                          to={href(`/versions/${v.number}`, false)}
                          aria-label={t('versions.viewLabel', { n: v.number })}
                        >
                          {t('versions.view')}
                        </Link>
                        {previous === undefined ? null : (
                          <Link
                            to={href(`/versions/${previous}/diff/${v.number}`, false)}
                            aria-label={t('versions.comparePreviousLabel', {
                              n: v.number,
                              prev: previous,
                            })}
                          >
                            {t('versions.comparePrevious')}
                          </Link>
                        )}
                        <button
                          type="button"
                          className="link-button"
                          disabled={exporting !== null}
                          aria-label={t('versions.exportLabel', { n: v.number })}
                          onClick={() => {
                            void exportZip(v.number);
                          }}
                        >
                          {t('versions.export')}
                        </button>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {versions.length > 1 ? <CompareForm /> : null}
        </>
      )}
      {canEdit ? (
        <div className="grid versions-imports">
          <ImportZipForm />
          <ImportYamlForm />
        </div>
      ) : null}
    </>
  );
}

function CompareForm() {
  const { t } = useI18n();
  const { versions, href } = useWorkspace();
  const { navigate } = useRouter();
  const [from, setFrom] = useState(String(versions[1]?.number ?? ''));
  const [to, setTo] = useState(String(versions[0]?.number ?? ''));
  const same = from === to;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (same) return;
    navigate(href(`/versions/${from}/diff/${to}`, false));
  };
  const options = versions.map((v) => (
    <option key={v.number} value={v.number}>
      {t('app.version', { n: v.number })}
    </option>
  ));
  return (
    <section className="card" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('versions.compareTitle')}</h2>
      <form className="toolbar" onSubmit={submit}>
        <label>
          {t('versions.from')}
          <select
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
            }}
          >
            {options}
          </select>
        </label>
        <label>
          {t('versions.to')}
          <select
            value={to}
            aria-describedby={same ? 'compare-same' : undefined}
            onChange={(event) => {
              setTo(event.target.value);
            }}
          >
            {options}
          </select>
        </label>
        <button type="submit" disabled={same}>
          {t('versions.compare')}
        </button>
        {same ? (
          <span id="compare-same" className="muted">
            {t('versions.sameVersion')}
          </span>
        ) : null}
      </form>
    </section>
  );
}
