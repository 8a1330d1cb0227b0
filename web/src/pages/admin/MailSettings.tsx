/**
 * The mail server the platform sends through (administrators): host, port, security, optional
 * authentication (the password is write-only: left empty, the stored one is kept), sender; and
 * "send a test e-mail", which says why the server refused.
 */
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { MailSettingsResponse } from '../../../../src/platform/api/types';
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApi } from '../../lib/use-api';

const SECURITIES = ['starttls', 'tls', 'none'] as const;
type Security = (typeof SECURITIES)[number];

export function MailSettings() {
  const { t } = useI18n();
  const current = useApi<MailSettingsResponse>('/api/admin/mail');
  const [host, setHost] = useState('');
  const [port, setPort] = useState('587');
  const [security, setSecurity] = useState<Security>('starttls');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState('');
  const [fromName, setFromName] = useState('');
  const [verify, setVerify] = useState(true);
  const [testTo, setTestTo] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const smtp = current.data?.smtp ?? null;
  useEffect(() => {
    if (smtp === null) return;
    setHost(smtp.host);
    setPort(String(smtp.port));
    setSecurity(smtp.security);
    setUser(smtp.user ?? '');
    setFrom(smtp.from);
    setFromName(smtp.fromName ?? '');
    setVerify(smtp.verifyCertificate);
  }, [smtp]);
  const save = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    setStatus('');
    api<MailSettingsResponse>('/api/admin/mail', {
      method: 'PUT',
      body: {
        host: host.trim(),
        port: Number(port),
        security,
        user: user.trim() === '' ? null : user.trim(),
        ...(password === '' ? {} : { password }),
        from: from.trim(),
        fromName: fromName.trim() === '' ? null : fromName.trim(),
        verifyCertificate: verify,
      },
    })
      .then(() => {
        setPassword('');
        setStatus(t('account.mail.saved'));
        current.reload();
      })
      .catch(setError);
  };
  const test = () => {
    setError(null);
    setStatus('');
    api('/api/admin/mail/test', { method: 'POST', body: { to: testTo.trim() } })
      .then(() => {
        setStatus(t('account.mail.tested'));
      })
      .catch(setError);
  };
  return (
    <section className="card" aria-labelledby="admin-mail">
      <h2 id="admin-mail">{t('account.mail.title')}</h2>
      <p className="muted">{t('account.mail.intro')}</p>
      <form onSubmit={save} className="account-form">
        <label htmlFor="mail-host">{t('account.mail.host')}</label>
        <input
          id="mail-host"
          required
          value={host}
          onChange={(e) => {
            setHost(e.target.value);
          }}
        />
        <label htmlFor="mail-port">{t('account.mail.port')}</label>
        <input
          id="mail-port"
          type="number"
          min={1}
          max={65535}
          required
          value={port}
          onChange={(e) => {
            setPort(e.target.value);
          }}
        />
        <label htmlFor="mail-security">{t('account.mail.security')}</label>
        <select
          id="mail-security"
          value={security}
          onChange={(e) => {
            setSecurity(e.target.value as Security);
          }}
        >
          {SECURITIES.map((s) => (
            <option key={s} value={s}>
              {t(`account.mail.security.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="mail-user">{t('account.mail.user')}</label>
        <input
          id="mail-user"
          autoComplete="off"
          value={user}
          onChange={(e) => {
            setUser(e.target.value);
          }}
        />
        <label htmlFor="mail-password">{t('account.mail.password')}</label>
        <input
          id="mail-password"
          type="password"
          autoComplete="new-password"
          aria-describedby="mail-password-hint"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
        {smtp?.passwordSet === true ? (
          <p id="mail-password-hint" className="muted">
            {t('account.mail.passwordSet')}
          </p>
        ) : null}
        <label htmlFor="mail-from">{t('account.mail.from')}</label>
        <input
          id="mail-from"
          type="email"
          required
          value={from}
          onChange={(e) => {
            setFrom(e.target.value);
          }}
        />
        <label htmlFor="mail-from-name">{t('account.mail.fromName')}</label>
        <input
          id="mail-from-name"
          value={fromName}
          onChange={(e) => {
            setFromName(e.target.value);
          }}
        />
        <label>
          <input
            type="checkbox"
            checked={verify}
            onChange={(e) => {
              setVerify(e.target.checked);
            }}
          />{' '}
          {t('account.mail.verify')}
        </label>
        <button type="submit" className="primary">
          {t('account.mail.save')}
        </button>
      </form>
      <div className="account-form">
        <label htmlFor="mail-test-to">{t('account.mail.testTo')}</label>
        <input
          id="mail-test-to"
          type="email"
          value={testTo}
          onChange={(e) => {
            setTestTo(e.target.value);
          }}
        />
        <button type="button" onClick={test} disabled={smtp === null || testTo.trim() === ''}>
          {t('account.mail.test')}
        </button>
      </div>
      <div role="status">{status === '' ? null : <p className="success">{status}</p>}</div>
      {error === null ? null : <ErrorMessage error={error} />}
    </section>
  );
}
