/**
 * Members of the workspace. Owners invite people by e-mail (they become members once they accept;
 * the answer is the same whether an account uses the address or not), revoke pending
 * invitations, change roles and remove members; the other roles read the list. The server keeps
 * at least one owner and its refusals are shown as they come.
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  InvitationResponse,
  InvitationView,
  Role,
  SessionResponse,
} from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { api, wsPath } from '../../lib/api';
import { useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import type { ApiState } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import '../account/account.css';

interface MemberView {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
}

const ROLES: readonly Role[] = ['owner', 'analyst', 'auditor', 'viewer'];

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function InviteForm({
  workspaceId,
  onInvited,
}: {
  readonly workspaceId: string;
  readonly onInvited: (invitation: InvitationView) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<InvitationResponse | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    setSent(null);
    setBusy(true);
    api<InvitationResponse>(wsPath(workspaceId, '/invitations'), {
      method: 'POST',
      body: { email: email.trim(), role },
    })
      .then((response) => {
        setEmail('');
        setSent(response);
        onInvited(response.invitation);
      })
      .catch(setError)
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <section className="card" aria-labelledby="members-invite">
      <h2 id="members-invite">{t('account.invitations.invite')}</h2>
      <p className="muted">{t('account.invitations.inviteHint')}</p>
      <form onSubmit={submit} className="account-form">
        <label htmlFor="members-invite-email">{t('account.invitations.email')}</label>
        <input
          id="members-invite-email"
          type="email"
          required
          maxLength={320}
          autoComplete="off"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
          }}
        />
        <label htmlFor="members-invite-role">{t('account.invitations.role')}</label>
        <select
          id="members-invite-role"
          value={role}
          onChange={(e) => {
            if (isRole(e.target.value)) setRole(e.target.value);
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        {error === null ? null : <ErrorMessage error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {t('account.invitations.submit')}
        </button>
      </form>
      <div>{sent === null ? null : <DeliveryNote response={sent} />}</div>
    </section>
  );
}

/** Whether the invitation e-mail left, or the single-use link to pass on by hand. */
function DeliveryNote({ response }: { readonly response: InvitationResponse }) {
  const { t, lang, formatDate } = useI18n();
  const { delivery, invitation } = response;
  if (delivery === undefined) return null;
  if (delivery.sent || delivery.link === null) {
    return (
      <p className="success">{t('account.invitations.mailed', { email: invitation.email })}</p>
    );
  }
  return (
    <div className="notice">
      <p>
        {t('account.invitations.copyLink', {
          reason: delivery.error?.message[lang] ?? t('account.invitations.noSmtp'),
          email: invitation.email,
          date: formatDate(delivery.linkExpiresAt),
        })}
      </p>
      <input
        className="mono invitation-link"
        readOnly
        aria-label={t('account.link.title')}
        value={delivery.link}
        onFocus={(e) => {
          e.target.select();
        }}
      />
    </div>
  );
}

/** Pending invitations of the workspace, for its owners, each with a way to revoke it. */
function PendingInvitations({
  workspaceId,
  list,
  onRevoked,
  onError,
}: {
  readonly workspaceId: string;
  readonly list: ApiState<{ invitations: InvitationView[] }>;
  readonly onRevoked: (invitation: InvitationView) => void;
  readonly onError: (error: unknown) => void;
}) {
  const { t, formatDate } = useI18n();
  const revoke = (invitation: InvitationView) => {
    if (!window.confirm(t('account.invitations.confirmRevoke', { email: invitation.email })))
      return;
    api(wsPath(workspaceId, `/invitations/${encodeURIComponent(invitation.id)}`), {
      method: 'DELETE',
    })
      .then(() => {
        onRevoked(invitation);
      })
      .catch(onError);
  };
  if (list.error !== null) return <ErrorMessage error={list.error} onRetry={list.reload} />;
  if (list.data === null) return list.loading ? <Loading /> : null;
  const invitations = list.data.invitations;
  return (
    <section className="card" aria-labelledby="members-pending">
      <h2 id="members-pending">{t('account.invitations.pending', { n: invitations.length })}</h2>
      {invitations.length === 0 ? (
        <p className="empty">{t('account.invitations.none')}</p>
      ) : (
        <table className="plain">
          <thead>
            <tr>
              <th scope="col">{t('account.invitations.email')}</th>
              <th scope="col">{t('account.invitations.role')}</th>
              <th scope="col">{t('account.invitations.invitedBy')}</th>
              <th scope="col">{t('account.invitations.expires')}</th>
              <th scope="col">{t('account.members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row">{invitation.email}</th>
                <td>{t(`role.${invitation.role}`)}</td>
                <td>{invitation.invitedBy ?? '—'}</td>
                <td>{formatDate(invitation.expiresAt)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t('account.invitations.revokeLabel', { email: invitation.email })}
                    onClick={() => {
                      revoke(invitation);
                    }}
                  >
                    {t('account.invitations.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function MembersPage() {
  const { t, formatDate } = useI18n();
  const { navigate } = useRouter();
  const { workspace, can, refresh } = useWorkspace();
  const workspaceId = workspace.id;
  const list = useApi<{ members: MemberView[] }>(wsPath(workspaceId, '/members'));
  const me = useApi<SessionResponse>('/api/auth/me');
  const myId = me.data?.user.id ?? null;
  const isOwner = can('members.manage');
  const invitations = useApi<{ invitations: InvitationView[] }>(
    isOwner ? wsPath(workspaceId, '/invitations') : null,
  );
  const [pending, setPending] = useState<Readonly<Record<string, Role>>>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  const changeRole = (member: MemberView, next: Role) => {
    if (next === member.role) return;
    const self = member.userId === myId;
    if (self && member.role === 'owner' && !window.confirm(t('account.members.confirmDemoteSelf')))
      return;
    setError(null);
    setMessage('');
    setPending((p) => ({ ...p, [member.userId]: next }));
    api(wsPath(workspaceId, `/members/${encodeURIComponent(member.userId)}`), {
      method: 'PATCH',
      body: { role: next },
    })
      .then(() => {
        setMessage(
          t('account.members.updated', { name: member.displayName, role: t(`role.${next}`) }),
        );
        list.reload();
        if (self) refresh();
      })
      .catch(setError)
      .finally(() => {
        setPending((p) =>
          Object.fromEntries(Object.entries(p).filter(([id]) => id !== member.userId)),
        );
      });
  };

  const remove = (member: MemberView) => {
    const self = member.userId === myId;
    const question = self
      ? t('account.members.confirmRemoveSelf')
      : t('account.members.confirmRemove', { name: member.displayName });
    if (!window.confirm(question)) return;
    setError(null);
    setMessage('');
    api(wsPath(workspaceId, `/members/${encodeURIComponent(member.userId)}`), {
      method: 'DELETE',
    })
      .then(() => {
        if (self) {
          navigate('/');
          return;
        }
        setMessage(t('account.members.removed', { name: member.displayName }));
        list.reload();
      })
      .catch(setError);
  };

  const members = list.data?.members ?? [];
  return (
    <div className="members-page">
      <h1>{t('account.members.title')}</h1>
      <p>{isOwner ? t('account.members.intro.owner') : t('account.members.intro.reader')}</p>
      <p className="muted">{t('account.members.roles')}</p>
      <div role="status">{message === '' ? null : <p className="success">{message}</p>}</div>
      {error === null ? null : <ErrorMessage error={error} />}
      {list.loading && list.data === null ? <Loading /> : null}
      {list.error === null ? null : <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data === null ? null : (
        <section className="card" aria-labelledby="members-list">
          <h2 id="members-list">{t('account.members.count', { n: members.length })}</h2>
          <table className="plain">
            <thead>
              <tr>
                <th scope="col">{t('account.members.name')}</th>
                <th scope="col">{t('account.members.email')}</th>
                <th scope="col">{t('account.members.role')}</th>
                {isOwner ? <th scope="col">{t('account.members.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">
                    {m.displayName}
                    {m.userId === myId ? ` ${t('account.members.you')}` : ''}
                  </th>
                  <td>{m.email}</td>
                  <td>
                    {isOwner ? (
                      <select
                        aria-label={t('account.members.roleOf', { name: m.displayName })}
                        value={pending[m.userId] ?? m.role}
                        disabled={pending[m.userId] !== undefined}
                        onChange={(e) => {
                          if (isRole(e.target.value)) changeRole(m, e.target.value);
                        }}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`role.${m.role}`)
                    )}
                  </td>
                  {isOwner ? (
                    <td>
                      <div className="members-actions">
                        <button
                          type="button"
                          aria-label={t('account.members.removeLabel', { name: m.displayName })}
                          onClick={() => {
                            remove(m);
                          }}
                        >
                          {t('account.members.remove')}
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {isOwner ? (
        <>
          <InviteForm
            workspaceId={workspaceId}
            onInvited={(invitation) => {
              setError(null);
              setMessage(
                t('account.invitations.sent', {
                  email: invitation.email,
                  role: t(`role.${invitation.role}`),
                  date: formatDate(invitation.expiresAt),
                }),
              );
              invitations.reload();
            }}
          />
          <PendingInvitations
            workspaceId={workspaceId}
            list={invitations}
            onRevoked={(invitation) => {
              setError(null);
              setMessage(t('account.invitations.revoked', { email: invitation.email }));
              invitations.reload();
            }}
            onError={setError}
          />
        </>
      ) : null}
    </div>
  );
}
