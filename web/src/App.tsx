/**
 * The application: session check, the route table (pages are lazy chunks so the main bundle
 * stays small), the workspace shell for `/w/:workspaceId/...`.
 */
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { SessionResponse } from '../../src/platform/api/types';
import { Layout } from './components/Layout';
import { ErrorMessage, Loading } from './components/Status';
import { useI18n } from './i18n';
import { api, currentSession, setCsrfToken, setUnauthorizedHandler } from './lib/api';
import { matchPath, useRouter } from './lib/router';
import { WorkspaceProvider, useWorkspaceLoader } from './lib/workspace';
import LoginPage from './pages/LoginPage';
import WorkspacesPage from './pages/WorkspacesPage';

type Page = LazyExoticComponent<ComponentType>;

/** Workspace pages, most specific first; paths are relative to `/w/:workspaceId`. */
const WORKSPACE_ROUTES: readonly { pattern: string; page: Page }[] = [
  { pattern: '', page: lazy(() => import('./pages/dashboard/DashboardPage')) },
  { pattern: '/findings', page: lazy(() => import('./pages/findings/FindingsPage')) },
  {
    pattern: '/findings/:findingId',
    page: lazy(() => import('./pages/findings/FindingDetailPage')),
  },
  { pattern: '/paths', page: lazy(() => import('./pages/paths/AttackPathsPage')) },
  { pattern: '/explore/:kind', page: lazy(() => import('./pages/explorer/EntityListPage')) },
  {
    pattern: '/explore/:kind/:entityId',
    page: lazy(() => import('./pages/explorer/EntityDetailPage')),
  },
  {
    pattern: '/explore/:kind/:entityId/edit',
    page: lazy(() => import('./pages/editor/EntityFormPage')),
  },
  { pattern: '/diagram', page: lazy(() => import('./pages/diagram/DiagramPage')) },
  { pattern: '/edit', page: lazy(() => import('./pages/editor/EditorPage')) },
  { pattern: '/versions', page: lazy(() => import('./pages/versions/VersionsPage')) },
  { pattern: '/versions/:a/diff/:b', page: lazy(() => import('./pages/versions/DiffPage')) },
  { pattern: '/documents', page: lazy(() => import('./pages/documents/DocumentsPage')) },
  { pattern: '/audit', page: lazy(() => import('./pages/audit/AuditPage')) },
  { pattern: '/members', page: lazy(() => import('./pages/members/MembersPage')) },
];

const AccountPage = lazy(() => import('./pages/account/AccountPage'));
const AdminUsersPage = lazy(() => import('./pages/admin/AdminUsersPage'));

function NotFound() {
  const { t } = useI18n();
  return <p className="empty">{t('app.notFound')}</p>;
}

function WorkspaceShell({
  workspaceId,
  session,
  onSignOut,
}: {
  readonly workspaceId: string;
  readonly session: SessionResponse;
  readonly onSignOut: () => void;
}) {
  const { location } = useRouter();
  const { value, error, reload } = useWorkspaceLoader(workspaceId);
  const route = WORKSPACE_ROUTES.find(
    (r) => matchPath(`/w/:workspaceId${r.pattern}`, location.path) !== null,
  );
  if (value === null) {
    return (
      <Layout user={session.user} workspace={null} onSignOut={onSignOut}>
        {error === null ? <Loading /> : <ErrorMessage error={error} onRetry={reload} />}
      </Layout>
    );
  }
  const Page = route?.page;
  return (
    <WorkspaceProvider value={value}>
      <Layout user={session.user} workspace={value} onSignOut={onSignOut}>
        <Suspense fallback={<Loading />}>
          {Page === undefined ? <NotFound /> : <Page key={location.path} />}
        </Suspense>
      </Layout>
    </WorkspaceProvider>
  );
}

export function App() {
  const { location, navigate } = useRouter();
  const [session, setSession] = useState<SessionResponse | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);
  const { t } = useI18n();
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
    });
    return () => {
      setUnauthorizedHandler(null);
    };
  }, [check]);
  const signOut = useCallback(() => {
    api('/api/auth/logout', { method: 'POST' })
      .catch(() => undefined)
      .finally(() => {
        hadSession.current = false;
        setExpired(false);
        setCsrfToken(null);
        setSession(null);
        navigate('/');
      });
  }, [navigate]);

  if (session === undefined) {
    return (
      <Layout user={null} workspace={null} onSignOut={signOut}>
        {error === null ? <Loading /> : <ErrorMessage error={error} onRetry={check} />}
      </Layout>
    );
  }
  if (session === null) {
    return (
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
  }
  const inWorkspace = matchPath('/w/:workspaceId', location.path.split('/').slice(0, 3).join('/'));
  if (inWorkspace?.workspaceId !== undefined) {
    return (
      <WorkspaceShell
        key={inWorkspace.workspaceId}
        workspaceId={inWorkspace.workspaceId}
        session={session}
        onSignOut={signOut}
      />
    );
  }
  return (
    <Layout user={session.user} workspace={null} onSignOut={signOut}>
      {location.path === '/' ? (
        <WorkspacesPage />
      ) : location.path === '/account' ? (
        <Suspense fallback={<Loading />}>
          <AccountPage user={session.user} onSignedOut={signOut} />
        </Suspense>
      ) : location.path === '/admin/users' ? (
        <Suspense fallback={<Loading />}>
          <AdminUsersPage user={session.user} />
        </Suspense>
      ) : (
        <NotFound />
      )}
    </Layout>
  );
}
