/**
 * The signed-in user's account: profile, password change (client checks length and confirmation,
 * the server applies the whole policy and its reasons are listed), sign out everywhere.
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { UserView } from '../../../../src/platform/api/types';
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { api } from '../../lib/api';
import { PasswordError } from './password-problems';
import { SignInHistory } from './SignInHistory';
import './account.css';

/** Same minimum as the server's policy (code points). */
const MIN_LENGTH = 12;

function clientProblem(next: string, confirm: string): MessageKey | null {
  if (Array.from(next.normalize('NFC')).length < MIN_LENGTH) return 'account.password.tooShort';
  if (next !== confirm) return 'account.password.mismatch';
  return null;
}

/** The password change; `onChanged` runs once the server took the new password. */
export function PasswordForm({ onChanged }: { readonly onChanged?: () => void } = {}) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    const local = clientProblem(next, confirm);
    setProblem(local);
    if (local !== null) return;
    setBusy(true);
    api<{ ok: boolean; otherSessionsRemoved?: number }>('/api/auth/password', {
      method: 'POST',
      body: { currentPassword: current, newPassword: next },
    })
      .then((result) => {
        setCurrent('');
        setNext('');
        setConfirm('');
        setDone(result.otherSessionsRemoved ?? 0);
        onChanged?.();
      })
      .catch(setError)
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <section className="card" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.password.title')}</h2>
      <form onSubmit={submit} className="account-form">
        {/* Lets password managers attach the new password to the right account. */}
        <label htmlFor="account-current">{t('account.password.current')}</label>
        <input
          id="account-current"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => {
            setCurrent(e.target.value);
          }}
        />
        <label htmlFor="account-new">{t('account.password.new')}</label>
        <input
          id="account-new"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_LENGTH}
          maxLength={256}
          aria-describedby="account-new-hint"
          aria-invalid={problem === 'account.password.tooShort' ? true : undefined}
          value={next}
          onChange={(e) => {
            setNext(e.target.value);
          }}
        />
        <p id="account-new-hint" className="muted">
          {t('account.password.hint')}
        </p>
        <label htmlFor="account-confirm">{t('account.password.confirm')}</label>
        <input
          id="account-confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={problem === 'account.password.mismatch' ? true : undefined}
          value={confirm}
          onChange={(e) => {
            setConfirm(e.target.value);
          }}
        />
        {problem === null ? null : (
          <p className="error" role="alert">
            {t(problem)}
          </p>
        )}
        {error === null ? null : <PasswordError error={error} />}
        <div role="status">
          {done === null ? null : (
            <p className="success">{t('account.password.done', { n: done })}</p>
          )}
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('account.password.submitting') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}

export default function AccountPage({
  user,
  onSignedOut,
}: {
  readonly user: UserView;
  /** Called once every session (this one included) has been deleted. */
  readonly onSignedOut: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const signOutEverywhere = () => {
    if (!window.confirm(t('account.sessions.confirm'))) return;
    setBusy(true);
    setError(null);
    api('/api/auth/logout-everywhere', { method: 'POST' })
      .then(onSignedOut)
      .catch((reason: unknown) => {
        setError(reason);
        setBusy(false);
      });
  };
  return (
    <div className="account-page">
      <h1>{t('account.title')}</h1>
      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile">{t('account.profile')}</h2>
        <dl className="fields">
          <dt>{t('account.name')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{user.isAdmin ? t('account.role.admin') : t('account.role.user')}</dd>
        </dl>
      </section>
      <PasswordForm />
      <SignInHistory path="/api/auth/sign-ins" />
      <section className="card" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t('account.sessions.title')}</h2>
        <p>{t('account.sessions.intro')}</p>
        {error === null ? null : <ErrorMessage error={error} />}
        <button type="button" className="danger" disabled={busy} onClick={signOutEverywhere}>
          {t('app.signOutEverywhere')}
        </button>
      </section>
    </div>
  );
}
