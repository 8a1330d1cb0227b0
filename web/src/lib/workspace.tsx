/**
 * The open workspace: its description, the caller's role and permissions (decided by the server,
 * src/platform/policies.ts), its versions, the latest version number and the version being
 * looked at (`?v=N`, default the latest). Pages read it with `useWorkspace()`; after saving a
 * version they call `refresh()`, which marks every query of the workspace stale (TanStack Query:
 * the ones on screen load again).
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type {
  Permission,
  Role,
  VersionView,
  VersionsResponse,
  WorkspaceDetailResponse,
  WorkspaceView,
} from '../../../src/platform/api/types';
import { wsPath } from './api';
import { useRouter } from './router';
import { invalidateApi, useApi } from './use-api';

export interface WorkspaceValue {
  readonly workspace: WorkspaceView;
  readonly role: Role;
  /** Newest first. */
  readonly versions: readonly VersionView[];
  readonly latest: number | null;
  /** The version pages show: `?v=` when valid, else the latest. */
  readonly version: number | null;
  /** True when the caller's role holds `permission` in this workspace. */
  readonly can: (permission: Permission) => boolean;
  /** `can('model.edit')`: the editor, entity forms and import. */
  readonly canEdit: boolean;
  readonly refresh: () => void;
  /** `/w/<id>` + path, keeping `?v=` when a past version is selected and `keepVersion`. */
  readonly href: (path?: string, keepVersion?: boolean) => string;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (value === null) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

export function useWorkspaceLoader(workspaceId: string): {
  readonly value: WorkspaceValue | null;
  readonly error: unknown;
  readonly reload: () => void;
} {
  const { location } = useRouter();
  const ws = useApi<WorkspaceDetailResponse>(wsPath(workspaceId));
  const versions = useApi<VersionsResponse>(wsPath(workspaceId, '/versions'));
  const requested = Number(location.search.get('v') ?? '');
  const client = useQueryClient();
  const refresh = useCallback(() => {
    void invalidateApi(client, wsPath(workspaceId));
  }, [client, workspaceId]);
  const value = useMemo<WorkspaceValue | null>(() => {
    if (ws.data === null || versions.data === null) return null;
    const list = versions.data.versions;
    const latest = list[0]?.number ?? null;
    const version =
      Number.isInteger(requested) && list.some((v) => v.number === requested) ? requested : latest;
    const { permissions, ...workspace } = ws.data.workspace;
    const can = (permission: Permission): boolean => permissions.includes(permission);
    const base = `/w/${encodeURIComponent(workspaceId)}`;
    return {
      workspace,
      role: workspace.role,
      versions: list,
      latest,
      version,
      can,
      canEdit: can('model.edit'),
      refresh,
      href: (path = '', keepVersion = true) =>
        `${base}${path}${keepVersion && version !== null && version !== latest ? `?v=${version}` : ''}`,
    };
  }, [ws.data, versions.data, requested, workspaceId, refresh]);
  return {
    value,
    error: ws.error ?? versions.error,
    reload: () => {
      ws.reload();
      versions.reload();
    },
  };
}

export function WorkspaceProvider({
  value,
  children,
}: {
  readonly value: WorkspaceValue;
  readonly children: ReactNode;
}) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
