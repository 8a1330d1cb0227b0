/**
 * Members of the workspace. Owners add existing accounts by e-mail, change roles and remove
 * members; the other roles read the list. The server keeps at least one owner and its refusals
 * are shown as they come.
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Role, SessionResponse } from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { ApiFailure, api, wsPath } from '../../lib/api';
import { useRouter } from '../../lib/router';
import { useApi } from '../../lib/use-api';
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

function AddMemberForm({
  workspaceId,
  onAdded,
}: {
  readonly workspaceId: string;
  readonly onAdded: (member: MemberView) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    api<{ member: MemberView }>(wsPath(workspaceId, '/members'), {
      method: 'POST',
      body: { email: email.trim(), role },
    })
      .then(({ member }) => {
        setEmail('');
        onAdded(member);
      })
      .catch(setError)
      .finally(() => {
        setBusy(false);
      });
  };
  const unknownAccount = error instanceof ApiFailure && error.status === 404;
  return (
    <section className="card" aria-labelledby="members-add">
      <h2 id="members-add">{t('account.members.add')}</h2>
      <form onSubmit={submit} className="account-form">
        <label htmlFor="members-add-email">{t('account.members.addEmail')}</label>
        <input
          id="members-add-email"
          type="email"
          required
          maxLength={320}
          autoComplete="off"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
          }}
        />
        <label htmlFor="members-add-role">{t('account.members.addRole')}</label>
        <select
          id="members-add-role"
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
        {error === null ? null : unknownAccount ? (
          <p className="error" role="alert">
            {t('account.members.noAccount')}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('account.members.addSubmit')}
        </button>
      </form>
    </section>
  );
}

export default function MembersPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { workspace, role, refresh } = useWorkspace();
  const workspaceId = workspace.id;
  const list = useApi<{ members: MemberView[] }>(wsPath(workspaceId, '/members'));
  const me = useApi<SessionResponse>('/api/auth/me');
  const myId = me.data?.user.id ?? null;
  const isOwner = role === 'owner';
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
        <AddMemberForm
          workspaceId={workspaceId}
          onAdded={(member) => {
            setError(null);
            setMessage(
              t('account.members.added', {
                name: member.displayName,
                role: t(`role.${member.role}`),
              }),
            );
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}
