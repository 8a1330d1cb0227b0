/**
 * The application's frames, used by the route table (web/src/routes.tsx):
 * - `Root`: the session gate (checks the session, shows the sign-in page when there is none or
 *   when it is lost — with a notice —, provides `useSession()`), scroll restoration;
 * - `AppLayout`: the frame of pages outside a workspace (workspaces, account, administration);
 * - `WorkspaceLayout`: `/w/:workspaceId`, loads the workspace (`useWorkspace()` in its pages);
 * - `NotFound` and `RouteError` (a page that failed to load or threw).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  I18nProvider as AriaI18nProvider,
  RouterProvider as AriaRouter,
} from 'react-aria-components';
import {
  Outlet,
  ScrollRestoration,
  isRouteErrorResponse,
  useHref,
  useLocation,
  useParams,
  useRouteError,
} from 'react-router';
import type { SessionResponse } from '../../src/platform/api/types';
import { Layout } from './components/Layout';
import { ErrorMessage, Loading } from './components/Status';
import { Toaster } from './components/ui/Toast';
import { useI18n } from './i18n';
import { api, currentSession, setCsrfToken, setUnauthorizedHandler } from './lib/api';
import { useRouter } from './lib/router';
import { SessionContext, useSession } from './lib/session';
import type { SessionValue } from './lib/session';
import { WorkspaceProvider, useWorkspaceLoader } from './lib/workspace';
import LoginPage from './pages/LoginPage';
import ForcedPasswordChange from './pages/account/ForcedPasswordChange';
import InvitationPage from './pages/invitation/InvitationPage';

export function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('app.notFoundTitle')}</h1>
      <p className="empty">{t('app.notFound')}</p>
    </>
  );
}

/** What a route shows when its page failed to load (e.g. a new release replaced the chunks). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <>
      <h1>{t('app.pageErrorTitle')}</h1>
      <ErrorMessage
        error={error}
        onRetry={() => {
          window.location.reload();
        }}
      />
    </>
  );
}

/** Checks the session; signed out (or lost: 401), the sign-in page replaces every route. */
export function Root() {
  const { navigate } = useRouter();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<SessionResponse | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);
  const { t, lang } = useI18n();
  // The 401 handler also fires for the first session check: only a lost session is "expired".
  const hadSession = useRef(false);
  useEffect(() => {
    hadSession.current = session !== null && session !== undefined;
  }, [session]);
  const check = useCallback(() => {
    setError(null);
    currentSession().then(setSession).catch(setError);
  }, []);
  useEffect(() => {
    check();
    setUnauthorizedHandler(() => {
      if (hadSession.current) setExpired(true);
      setCsrfToken(null);
      setSession(null);
      queryClient.clear();
    });
    return () => {
      setUnauthorizedHandler(null);
    };
  }, [check, queryClient]);
  const signOut = useCallback(() => {
    api('/api/auth/logout', { method: 'POST' })
      .catch(() => undefined)
      .finally(() => {
        hadSession.current = false;
        setExpired(false);
        setCsrfToken(null);
        setSession(null);
        queryClient.clear();
        navigate('/');
      });
  }, [navigate, queryClient]);
  const value = useMemo<SessionValue | null>(
    () => (session === null || session === undefined ? null : { session, signOut }),
    [session, signOut],
  );

  let content;
  if (session !== undefined && location.pathname === '/invitation') {
    // the invitation link works signed in or not (it may create the account)
    content = (
      <Layout user={session?.user ?? null} workspace={null} onSignOut={signOut}>
        <InvitationPage
          session={session}
          onSignedIn={(next, workspaceId) => {
            setExpired(false);
            setSession(next);
            if (workspaceId !== null) navigate(`/w/${workspaceId}`);
          }}
        />
      </Layout>
    );
  } else if (session?.user.mustChangePassword === true) {
    content = (
      <Layout user={session.user} workspace={null} onSignOut={signOut}>
        <ForcedPasswordChange user={session.user} onChanged={check} onSignOut={signOut} />
      </Layout>
    );
  } else if (session === undefined) {
    content = (
      <Layout user={null} workspace={null} onSignOut={signOut}>
        {error === null ? <Loading /> : <ErrorMessage error={error} onRetry={check} />}
      </Layout>
    );
  } else if (value === null) {
    content = (
      <Layout user={null} workspace={null} onSignOut={signOut}>
        <LoginPage
          {...(expired ? { notice: t('app.sessionExpired') } : {})}
          onSignedIn={(next) => {
            setExpired(false);
            setSession(next);
          }}
        />
      </Layout>
    );
  } else {
    content = (
      <SessionContext.Provider value={value}>
        <Outlet />
      </SessionContext.Provider>
    );
  }
  // React Aria components speak the UI language (dates, built-in labels) and navigate in-app.
  return (
    <AriaI18nProvider locale={lang === 'fr' ? 'fr-FR' : 'en-GB'}>
      <AriaRouter navigate={navigate} useHref={useHref}>
        <ScrollRestoration />
        {content}
        <Toaster />
      </AriaRouter>
    </AriaI18nProvider>
  );
}

/** The page below a layout; a new path (not a new query) starts the page afresh. */
function Page() {
  const { pathname } = useLocation();
  return (
    <Suspense fallback={<Loading />}>
      <Outlet key={pathname} />
    </Suspense>
  );
}

/** Pages outside a workspace. */
export function AppLayout() {
  const { session, signOut } = useSession();
  return (
    <Layout user={session.user} workspace={null} onSignOut={signOut}>
      <Page />
    </Layout>
  );
}

function WorkspaceShell({ workspaceId }: { readonly workspaceId: string }) {
  const { session, signOut } = useSession();
  const { value, error, reload } = useWorkspaceLoader(workspaceId);
  if (value === null) {
    return (
      <Layout user={session.user} workspace={null} onSignOut={signOut}>
        {error === null ? <Loading /> : <ErrorMessage error={error} onRetry={reload} />}
      </Layout>
    );
  }
  return (
    <WorkspaceProvider value={value}>
      <Layout user={session.user} workspace={value} onSignOut={signOut}>
        <Page />
      </Layout>
    </WorkspaceProvider>
  );
}

/** `/w/:workspaceId/*`: another workspace starts with a fresh shell. */
export function WorkspaceLayout() {
  const { workspaceId = '' } = useParams();
  return <WorkspaceShell key={workspaceId} workspaceId={workspaceId} />;
}
