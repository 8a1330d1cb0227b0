/** Display names of the workspace's members by user id (empty until loaded or on error). */
import { useMemo } from 'react';
import { wsPath } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import type { MembersResponse } from '../../../../src/platform/api/types';

export function useMemberNames(workspaceId: string): ReadonlyMap<string, string> {
  const { data } = useApi<MembersResponse>(wsPath(workspaceId, '/members'));
  return useMemo(
    () => new Map((data?.members ?? []).map((m) => [m.userId, m.displayName] as const)),
    [data],
  );
}
