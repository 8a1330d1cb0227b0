/** The caller's workspaces, and a form to create one. */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { WorkspaceView } from '../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { api } from '../lib/api';
import { Link, useRouter } from '../lib/router';
import { useApi } from '../lib/use-api';

export default function WorkspacesPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const list = useApi<{ workspaces: WorkspaceView[] }>('/api/workspaces');
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<unknown>(null);
  const create = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    api<{ workspace: WorkspaceView }>('/api/workspaces', { method: 'POST', body: { name, slug } })
      .then(({ workspace }) => {
        navigate(`/w/${encodeURIComponent(workspace.id)}`);
      })
      .catch(setError);
  };
  return (
    <>
      <h1>{t('workspaces.title')}</h1>
      <p>{t('workspaces.intro')}</p>
      {list.loading ? <Loading /> : null}
      {list.error === null ? null : <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data === null ? null : list.data.workspaces.length === 0 ? (
        <p className="empty">{t('workspaces.empty')}</p>
      ) : (
        <ul className="cards">
          {list.data.workspaces.map((w) => (
            <li key={w.id} className="card">
              <h2>
                <Link
                  to={`/w/${encodeURIComponent(w.id)}`}
                  aria-label={t('workspaces.open', { name: w.name })}
                >
                  {w.name}
                </Link>
              </h2>
              <p className="muted">{t('workspaces.role', { role: t(`role.${w.role}`) })}</p>
            </li>
          ))}
        </ul>
      )}
      <details className="card">
        <summary>{t('workspaces.create')}</summary>
        <form onSubmit={create}>
          <label htmlFor="ws-name">{t('workspaces.name')}</label>
          <input
            id="ws-name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
          <label htmlFor="ws-slug">{t('workspaces.slug')}</label>
          <input
            id="ws-slug"
            required
            autoComplete="off"
            spellCheck={false}
            pattern="[a-z0-9]([a-z0-9\-]{0,62}[a-z0-9])?"
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
            }}
          />
          {error === null ? null : <ErrorMessage error={error} />}
          <button type="submit" className="primary">
            {t('workspaces.createSubmit')}
          </button>
        </form>
      </details>
    </>
  );
}
