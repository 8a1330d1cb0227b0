/**
 * The route table. Every page is a lazy chunk (the main bundle stays under its budget, see
 * test/web-bundle.test.ts). To add a page, add ONE line to the right list:
 *
 *     page('incidents', () => import('./pages/incidents/IncidentsPage'), 'incidents'),
 *
 * Workspace paths are relative to `/w/:workspaceId`; the page reads the workspace with
 * `useWorkspace()` and its params with `useParams('/w/:workspaceId/…')` (web/src/lib/router.tsx).
 * The help panel (web/src/i18n/help.ts) is keyed by these patterns.
 */
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { AppLayout, NotFound, Root, RouteError, WorkspaceLayout } from './App';
import { Loading } from './components/Status';
import { useSession } from './lib/session';

type PageModule = Promise<{ readonly default: ComponentType }>;

/**
 * A lazily loaded page at `path` (relative to its layout; '' = the layout's index page); `help`
 * is its topic in the help panel (web/src/i18n/help.ts, components/HelpPanel.tsx).
 */
function page(path: string, load: () => PageModule, help?: string): RouteObject {
  const lazy = async () => ({ Component: (await load()).default });
  const common = { lazy, errorElement: <RouteError />, handle: { help: help ?? 'general' } };
  return path === '' ? { index: true, ...common } : { path, ...common };
}

/** Pages of a workspace, under `/w/:workspaceId`. */
export const WORKSPACE_PAGES: readonly RouteObject[] = [
  page('', () => import('./pages/dashboard/DashboardPage'), 'dashboard'),
  page('findings', () => import('./pages/findings/FindingsPage'), 'findings'),
  page('findings/:findingId', () => import('./pages/findings/FindingDetailPage'), 'finding'),
  page('paths', () => import('./pages/paths/AttackPathsPage'), 'paths'),
  page('explore/:kind', () => import('./pages/explorer/EntityListPage'), 'explorer'),
  page('explore/:kind/:entityId', () => import('./pages/explorer/EntityDetailPage'), 'entity'),
  page('explore/:kind/:entityId/edit', () => import('./pages/editor/EntityFormPage'), 'entityForm'),
  page('new/:kind', () => import('./pages/editor/EntityFormPage')),
  page('diagram', () => import('./pages/diagram/DiagramPage'), 'diagram'),
  page('edit', () => import('./pages/editor/EditorPage'), 'editor'),
  page('start', () => import('./pages/onboarding/OnboardingPage')),
  page('versions', () => import('./pages/versions/VersionsPage'), 'versions'),
  page('versions/:number', () => import('./pages/versions/VersionPage')),
  page('versions/:a/diff/:b', () => import('./pages/versions/DiffPage'), 'diff'),
  page('documents', () => import('./pages/documents/DocumentsPage'), 'documents'),
  page('continuity', () => import('./pages/continuity/BiaPage'), 'continuity'),
  page('continuity/backups', () => import('./pages/continuity/BackupsPage'), 'continuityBackups'),
  page(
    'continuity/simulator',
    () => import('./pages/continuity/SimulatorPage'),
    'continuitySimulator',
  ),
  page(
    'continuity/exercises',
    () => import('./pages/continuity/ExercisesPage'),
    'continuityExercises',
  ),
  page('security-audit', () => import('./pages/security-audit/CampaignsPage'), 'securityAudit'),
  page(
    'security-audit/findings',
    () => import('./pages/security-audit/FindingsPage'),
    'securityAudit',
  ),
  page('security-audit/drift', () => import('./pages/security-audit/DriftPage'), 'securityAudit'),
  page(
    'security-audit/compare',
    () => import('./pages/security-audit/ComparePage'),
    'securityAudit',
  ),
  page('security-audit/plan', () => import('./pages/security-audit/PlanPage'), 'securityAudit'),
  page('audit', () => import('./pages/audit/AuditPage'), 'audit'),
  page('members', () => import('./pages/members/MembersPage'), 'members'),
];

/** Pages outside a workspace. */
export const APP_PAGES: readonly RouteObject[] = [
  page('', () => import('./pages/WorkspacesPage'), 'workspaces'),
  page(
    'account',
    async () => {
      const { default: AccountPage } = await import('./pages/account/AccountPage');
      return {
        default: function Account() {
          const { session, signOut } = useSession();
          return <AccountPage user={session.user} onSignedOut={signOut} />;
        },
      };
    },
    'account',
  ),
  page(
    'admin/users',
    async () => {
      const { default: AdminUsersPage } = await import('./pages/admin/AdminUsersPage');
      return {
        default: function AdminUsers() {
          const { session } = useSession();
          return <AdminUsersPage user={session.user} />;
        },
      };
    },
    'admin',
  ),
];

export const ROUTES: RouteObject[] = [
  {
    element: <Root />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        path: 'w/:workspaceId',
        element: <WorkspaceLayout />,
        children: [...WORKSPACE_PAGES, { path: '*', element: <NotFound /> }],
      },
      {
        element: <AppLayout />,
        children: [...APP_PAGES, { path: '*', element: <NotFound /> }],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(ROUTES);
}
