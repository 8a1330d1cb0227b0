/**
 * The page an invitation e-mail links to (`/invitation#<token>`; the token stays in the
 * fragment, never sent in a URL). It says what the link is for, or why it no longer works
 * (used, expired, withdrawn); a person without an account creates one (name and password) and
 * is signed in; a signed-in person with the invited address accepts; someone with an account
 * signs in first.
 */
import { useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  InvitationLinkAcceptResponse,
  InvitationLinkResponse,
  SessionResponse,
} from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { api, setCsrfToken } from '../../lib/api';
import { PasswordError } from '../account/password-problems';
import LoginPage from '../LoginPage';

function tokenFromHash(): string {
  return window.location.hash.replace(/^#/, '');
}

export default function InvitationPage({
  session,
  onSignedIn,
}: {
  readonly session: SessionResponse | null;
  readonly onSignedIn: (session: SessionResponse, workspaceId: string | null) => void;
}) {
  const { t } = useI18n();
  const [token] = useState(tokenFromHash);
  const [link, setLink] = useState<InvitationLinkResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (token === '') return;
    api<InvitationLinkResponse>('/api/invitation-links/lookup', {
      method: 'POST',
      body: { token },
    })
      .then(setLink)
      .catch(setError);
  }, [token]);
  let body;
  if (token === '' || link?.status === 'unknown') {
    body = <p className="error">{t('account.link.unknown')}</p>;
  } else if (error !== null) {
    body = <ErrorMessage error={error} />;
  } else if (link === null) {
    body = <Loading />;
  } else if (link.status !== 'valid') {
    body = (
      <p className="error" role="alert">
        {t(`account.link.${link.status}`)}
      </p>
    );
  } else {
    body = (
      <>
        <p>
          {t('account.link.intro', {
            workspace: link.workspace?.name ?? '',
            role: link.role ?? '',
            inviter: link.invitedBy ?? '—',
          })}
        </p>
        {session !== null ? (
          <AcceptForm token={token} link={link} session={session} onSignedIn={onSignedIn} />
        ) : link.accountExists ? (
          <>
            <p>{t('account.link.signInFirst', { email: link.email ?? '' })}</p>
            <LoginPage
              onSignedIn={(next) => {
                setCsrfToken(next.csrfToken);
                onSignedIn(next, null);
              }}
            />
          </>
        ) : (
          <RegisterForm token={token} link={link} onSignedIn={onSignedIn} />
        )}
      </>
    );
  }
  return (
    <section className="card login" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('account.link.title')}</h1>
      {body}
    </section>
  );
}

function AcceptForm({
  token,
  link,
  session,
  onSignedIn,
}: {
  readonly token: string;
  readonly link: InvitationLinkResponse;
  readonly session: SessionResponse;
  readonly onSignedIn: (session: SessionResponse, workspaceId: string | null) => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (session.user.email !== link.email) {
    return <p className="error">{t('account.link.otherAccount', { email: link.email ?? '' })}</p>;
  }
  return (
    <>
      {error === null ? null : <ErrorMessage error={error} />}
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          api<InvitationLinkAcceptResponse>('/api/invitation-links/accept', {
            method: 'POST',
            body: { token },
          })
            .then((result) => {
              onSignedIn(session, result.workspace.id);
            })
            .catch((reason: unknown) => {
              setError(reason);
              setBusy(false);
            });
        }}
      >
        {t('account.link.accept')}
      </button>
    </>
  );
}

function RegisterForm({
  token,
  link,
  onSignedIn,
}: {
  readonly token: string;
  readonly link: InvitationLinkResponse;
  readonly onSignedIn: (session: SessionResponse, workspaceId: string | null) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    setBusy(true);
    api<InvitationLinkAcceptResponse>('/api/invitation-links/register', {
      method: 'POST',
      body: { token, displayName: name, password },
    })
      .then((result) => {
        setCsrfToken(result.csrfToken);
        window.history.replaceState(null, '', '/invitation');
        onSignedIn({ user: result.user, csrfToken: result.csrfToken ?? '' }, result.workspace.id);
      })
      .catch((reason: unknown) => {
        setError(reason);
        setBusy(false);
      });
  };
  return (
    <form onSubmit={submit}>
      <p>{t('account.link.register', { email: link.email ?? '' })}</p>
      <label htmlFor="invitation-name">{t('account.name')}</label>
      <input
        id="invitation-name"
        autoComplete="name"
        required
        maxLength={200}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
        }}
      />
      <input type="hidden" autoComplete="username" value={link.email ?? ''} readOnly />
      <label htmlFor="invitation-password">{t('account.password.new')}</label>
      <input
        id="invitation-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        aria-describedby="invitation-password-hint"
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
        }}
      />
      <p id="invitation-password-hint" className="muted">
        {t('account.password.hint')}
      </p>
      <label htmlFor="invitation-confirm">{t('account.password.confirm')}</label>
      <input
        id="invitation-confirm"
        type="password"
        autoComplete="new-password"
        required
        aria-invalid={mismatch ? true : undefined}
        value={confirm}
        onChange={(e) => {
          setConfirm(e.target.value);
        }}
      />
      {mismatch ? (
        <p className="error" role="alert">
          {t('account.password.mismatch')}
        </p>
      ) : null}
      {error === null ? null : <PasswordError error={error} />}
      <button type="submit" className="primary" disabled={busy}>
        {t('account.link.create')}
      </button>
    </form>
  );
}
