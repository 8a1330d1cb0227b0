/**
 * Sign-in form: labelled fields, the server's error announced (with when to try again after too
 * many failures), focus on the first field, and an optional notice (e.g. the session expired)
 * announced when the page appears.
 */
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { SessionResponse } from '../../../src/platform/api/types';
import { ErrorMessage } from '../components/Status';
import { useI18n } from '../i18n';
import { login } from '../lib/api';
import { retryHint } from './account/login-retry';

export default function LoginPage({
  onSignedIn,
  notice,
}: {
  readonly onSignedIn: (s: SessionResponse) => void;
  /** Shown above the form, e.g. `t('app.sessionExpired')` after a 401. */
  readonly notice?: string | undefined;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const retry = retryHint(error);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    login(email, password)
      .then((session) => {
        setPassword('');
        onSignedIn(session);
      })
      .catch((reason: unknown) => {
        setError(reason);
        setBusy(false);
      });
  };
  return (
    <section className="login card" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      {notice === undefined ? null : (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
          }}
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
        {error === null ? null : (
          <ErrorMessage error={error}>
            {retry === null ? null : <p>{t(retry.key, { n: retry.n })}</p>}
          </ErrorMessage>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
