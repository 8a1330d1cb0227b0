/**
 * Platform administration: every account, account creation (with a generated password if
 * wanted) and password reset to a one-time password. Administrators only; the server enforces
 * it too.
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AdminUserView, UsersResponse, UserView } from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { PasswordError } from '../account/password-problems';
import { SignInHistory } from '../account/SignInHistory';
import { MailSettings } from './MailSettings';
import '../account/account.css';

/** 18 random bytes in base64url: 24 characters, far beyond the policy's minimum. */
function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

interface Secret {
  readonly email: string;
  readonly password: string;
}

function OneTimePassword({ secret, onDismiss }: { secret: Secret; onDismiss: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <section className="card notice" aria-labelledby="admin-secret">
      <p id="admin-secret">{t('account.admin.oneTime', { email: secret.email })}</p>
      <p className="one-time-password" translate="no">
        {secret.password}
      </p>
      <div className="members-actions">
        <button
          type="button"
          onClick={() => {
            navigator.clipboard
              .writeText(secret.password)
              .then(() => {
                setCopied(true);
              })
              .catch(() => {
                setCopied(false);
              });
          }}
        >
          {t('account.admin.copy')}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('account.admin.dismiss')}
        </button>
        <span role="status">{copied ? t('account.admin.copied') : ''}</span>
      </div>
    </section>
  );
}

function CreateUserForm({ onCreated }: { readonly onCreated: (secret: Secret) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [isAdmin, setIsAdmin] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    api<{ user: UserView }>('/api/admin/users', {
      method: 'POST',
      body: { email: email.trim(), displayName, password, isAdmin, mustChangePassword: true },
    })
      .then(({ user }) => {
        onCreated({ email: user.email, password });
        setEmail('');
        setDisplayName('');
        setPassword('');
        setShown(false);
        setIsAdmin(false);
      })
      .catch(setError)
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <section className="card" aria-labelledby="admin-create">
      <h2 id="admin-create">{t('account.admin.create')}</h2>
      <form onSubmit={submit} className="account-form">
        <label htmlFor="admin-email">{t('account.admin.createEmail')}</label>
        <input
          id="admin-email"
          type="email"
          required
          maxLength={320}
          autoComplete="off"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
          }}
        />
        <label htmlFor="admin-name">{t('account.admin.createName')}</label>
        <input
          id="admin-name"
          required
          maxLength={200}
          autoComplete="off"
          value={displayName}
          onChange={(e) => {
            setDisplayName(e.target.value);
          }}
        />
        <label htmlFor="admin-password">{t('account.admin.createPassword')}</label>
        <input
          id="admin-password"
          type={shown ? 'text' : 'password'}
          required
          minLength={12}
          maxLength={256}
          autoComplete="new-password"
          spellCheck={false}
          aria-describedby="admin-password-hint"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setShown(false);
          }}
        />
        <p id="admin-password-hint" className="muted">
          {t('account.password.hint')}
        </p>
        <button
          type="button"
          onClick={() => {
            setPassword(generatePassword());
            setShown(true);
          }}
        >
          {t('account.admin.generate')}
        </button>
        <div className="checkbox-row">
          <input
            id="admin-is-admin"
            type="checkbox"
            checked={isAdmin}
            onChange={(e) => {
              setIsAdmin(e.target.checked);
            }}
          />
          <label htmlFor="admin-is-admin">{t('account.admin.createAdmin')}</label>
        </div>
        {error === null ? null : <PasswordError error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {t('account.admin.createSubmit')}
        </button>
      </form>
    </section>
  );
}

function AccountList({
  users,
  onReset,
  onToggle,
}: {
  readonly users: readonly AdminUserView[];
  readonly onReset: (user: UserView) => void;
  readonly onToggle: (user: AdminUserView) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="admin-list">
      <h2 id="admin-list">{t('account.admin.count', { n: users.length })}</h2>
      <table className="plain">
        <thead>
          <tr>
            <th scope="col">{t('account.admin.name')}</th>
            <th scope="col">{t('account.admin.email')}</th>
            <th scope="col">{t('account.admin.role')}</th>
            <th scope="col">{t('account.admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.displayName}</th>
              <td>{u.email}</td>
              <td>
                {u.isAdmin ? t('account.role.admin') : t('account.role.user')}
                {u.disabledAt === null ? null : (
                  <strong className="error"> · {t('account.admin.disabled')}</strong>
                )}
                {u.mustChangePassword ? (
                  <span className="muted"> · {t('account.admin.mustChange')}</span>
                ) : null}
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => {
                    onToggle(u);
                  }}
                >
                  {u.disabledAt === null ? t('account.admin.disable') : t('account.admin.enable')}
                </button>{' '}
                <button
                  type="button"
                  aria-label={t('account.admin.resetLabel', { name: u.displayName })}
                  onClick={() => {
                    onReset(u);
                  }}
                >
                  {t('account.admin.reset')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Administration() {
  const { t } = useI18n();
  const list = useApi<UsersResponse>('/api/admin/users');
  const [secret, setSecret] = useState<Secret | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const reset = (user: UserView) => {
    if (!window.confirm(t('account.admin.confirmReset', { name: user.displayName }))) return;
    setError(null);
    setMessage('');
    api<{ password: string }>(`/api/admin/users/${encodeURIComponent(user.id)}/password`, {
      method: 'POST',
    })
      .then(({ password }) => {
        setSecret({ email: user.email, password });
      })
      .catch(setError);
  };
  const toggle = (user: AdminUserView) => {
    const disable = user.disabledAt === null;
    if (disable && !window.confirm(t('account.admin.confirmDisable', { name: user.displayName }))) {
      return;
    }
    setError(null);
    api(`/api/admin/users/${encodeURIComponent(user.id)}/${disable ? 'disable' : 'enable'}`, {
      method: 'POST',
    })
      .then(() => {
        list.reload();
      })
      .catch(setError);
  };
  return (
    <>
      <div role="status">{message === '' ? null : <p className="success">{message}</p>}</div>
      {secret === null ? null : (
        <OneTimePassword
          secret={secret}
          onDismiss={() => {
            setSecret(null);
          }}
        />
      )}
      {error === null ? null : <ErrorMessage error={error} />}
      {list.loading && list.data === null ? <Loading /> : null}
      {list.error === null ? null : <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data === null ? null : (
        <AccountList users={list.data.users} onReset={reset} onToggle={toggle} />
      )}
      <CreateUserForm
        onCreated={(created) => {
          setError(null);
          setMessage(t('account.admin.created', { email: created.email }));
          setSecret(created);
          list.reload();
        }}
      />
      <MailSettings />
      <SignInHistory path="/api/admin/sign-ins" admin />
    </>
  );
}

export default function AdminUsersPage({ user }: { readonly user: UserView }) {
  const { t } = useI18n();
  return (
    <div className="admin-page">
      <h1>{t('account.admin.title')}</h1>
      {user.isAdmin ? (
        <Administration />
      ) : (
        <p className="error" role="alert">
          {t('account.admin.notAllowed')}
        </p>
      )}
    </div>
  );
}
