/**
 * The caller's workspaces, the invitations waiting for their answer (accept: they become a
 * member; decline: the invitation goes), and a form to create a workspace.
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { ReceivedInvitationView, WorkspaceView } from '../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { api } from '../lib/api';
import { Link, useRouter } from '../lib/router';
import { useApi } from '../lib/use-api';
import './account/account.css';

function PendingInvitations({
  invitations,
  onAnswered,
}: {
  readonly invitations: readonly ReceivedInvitationView[];
  readonly onAnswered: (message: string, joined: boolean) => void;
}) {
  const { t, formatDate } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const answer = (invitation: ReceivedInvitationView, accept: boolean) => {
    const name = invitation.workspace.name;
    if (!accept && !window.confirm(t('account.invitations.confirmDecline', { name }))) return;
    setBusy(invitation.id);
    setError(null);
    api(`/api/invitations/${encodeURIComponent(invitation.id)}/${accept ? 'accept' : 'decline'}`, {
      method: 'POST',
    })
      .then(() => {
        onAnswered(
          t(accept ? 'account.invitations.accepted' : 'account.invitations.declined', { name }),
          accept,
        );
      })
      .catch(setError)
      .finally(() => {
        setBusy(null);
      });
  };
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('account.invitations.received', { n: invitations.length })}</h2>
      {error === null ? null : <ErrorMessage error={error} />}
      <ul className="invitation-list">
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <p>
              {t('account.invitations.to', {
                name: invitation.workspace.name,
                role: t(`role.${invitation.role}`),
                by: invitation.invitedBy ?? '—',
                date: formatDate(invitation.expiresAt),
              })}
            </p>
            <div className="members-actions">
              <button
                type="button"
                className="primary"
                disabled={busy !== null}
                aria-label={t('account.invitations.acceptLabel', {
                  name: invitation.workspace.name,
                })}
                onClick={() => {
                  answer(invitation, true);
                }}
              >
                {t('account.invitations.accept')}
              </button>
              <button
                type="button"
                disabled={busy !== null}
                aria-label={t('account.invitations.declineLabel', {
                  name: invitation.workspace.name,
                })}
                onClick={() => {
                  answer(invitation, false);
                }}
              >
                {t('account.invitations.decline')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function WorkspacesPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const list = useApi<{ workspaces: WorkspaceView[] }>('/api/workspaces');
  const invitations = useApi<{ invitations: ReceivedInvitationView[] }>('/api/invitations');
  const [message, setMessage] = useState('');
  const pending = invitations.data?.invitations ?? [];
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<unknown>(null);
  const create = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    api<{ workspace: WorkspaceView }>('/api/workspaces', { method: 'POST', body: { name, slug } })
      .then(({ workspace }) => {
        // A new workspace has no model yet: offer the ways to start one.
        navigate(`/w/${encodeURIComponent(workspace.id)}/start`);
      })
      .catch(setError);
  };
  return (
    <>
      <h1>{t('workspaces.title')}</h1>
      <p>{t('workspaces.intro')}</p>
      <div role="status">{message === '' ? null : <p className="success">{message}</p>}</div>
      {pending.length === 0 ? null : (
        <PendingInvitations
          invitations={pending}
          onAnswered={(text, joined) => {
            setMessage(text);
            invitations.reload();
            if (joined) list.reload();
          }}
        />
      )}
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
