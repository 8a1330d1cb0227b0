/**
 * Data of the security audit pages: API paths, the campaign list (polled every second while a
 * campaign is queued or running), the campaign chosen in the URL (`?campaign=`, default the
 * newest finished one), its findings, and entity names of the version being viewed.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, query, wsPath } from '../../lib/api';
import { useSearchState } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import type { ApiState } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import type {
  AuditCampaignView,
  AuditCampaignsResponse,
  AuditFindingsResponse,
  EntityListResponse,
} from './api-types';
import { isActive } from './audit-logic';
import type { ReportFormat } from './audit-logic';

/** How often campaigns are polled while one runs. */
export const POLL_MS = 1000;

export const campaignsPath = (workspaceId: string): string =>
  wsPath(workspaceId, '/audit-campaigns');

export const campaignPath = (workspaceId: string, campaignId: string, rest = ''): string =>
  wsPath(workspaceId, `/audit-campaigns/${encodeURIComponent(campaignId)}${rest}`);

export const reportPath = (
  workspaceId: string,
  campaignId: string,
  format: ReportFormat,
  lang: 'fr' | 'en',
): string => campaignPath(workspaceId, campaignId, `/report${query({ format, lang })}`);

export const planPath = (workspaceId: string, rest = ''): string =>
  wsPath(workspaceId, `/audit-plan${rest}`);

/** The workspace's campaigns, refreshed every second while any is queued or running. */
export function useCampaigns(): ApiState<AuditCampaignsResponse> {
  const { workspace } = useWorkspace();
  const path = campaignsPath(workspace.id);
  const result = useQuery({
    queryKey: [path],
    queryFn: ({ signal }) => api<AuditCampaignsResponse>(path, { signal }),
    refetchInterval: (q) =>
      q.state.data?.campaigns.some((c) => isActive(c)) === true ? POLL_MS : false,
  });
  return {
    data: result.data ?? null,
    error: result.error ?? null,
    loading: result.isPending,
    reload: () => void result.refetch(),
  };
}

/** The campaign named by `?campaign=` (default: the newest finished one) and the list. */
export function useChosenCampaign(): {
  readonly campaigns: ApiState<AuditCampaignsResponse>;
  readonly done: readonly AuditCampaignView[];
  readonly chosen: AuditCampaignView | null;
  readonly choose: (id: string) => void;
} {
  const campaigns = useCampaigns();
  const [wanted, setWanted] = useSearchState<string>('campaign', '');
  const done = useMemo(
    () => (campaigns.data?.campaigns ?? []).filter((c) => c.status === 'done'),
    [campaigns.data],
  );
  const all = campaigns.data?.campaigns ?? [];
  const chosen = all.find((c) => c.id === wanted) ?? done[0] ?? null;
  return { campaigns, done, chosen, choose: setWanted };
}

/** The findings of a finished campaign (null campaign: nothing is requested). */
export function useFindings(campaign: AuditCampaignView | null): ApiState<AuditFindingsResponse> {
  const { workspace } = useWorkspace();
  const path =
    campaign === null || campaign.status !== 'done'
      ? null
      : campaignPath(workspace.id, campaign.id, '/findings');
  return useApi<AuditFindingsResponse>(path);
}

/** Ids and names of one kind of entity of the version being viewed (or `version`). */
export function useEntities(
  kind: 'assets' | 'zones' | 'identities',
  version?: number | null,
): readonly { readonly id: string; readonly name: string }[] {
  const { workspace, version: viewed } = useWorkspace();
  const number = version ?? viewed;
  const path =
    number === null ? null : wsPath(workspace.id, `/versions/${String(number)}/entities/${kind}`);
  const { data } = useApi<EntityListResponse>(path);
  return useMemo(() => (data?.rows ?? []).map((r) => ({ id: r.id, name: r.name })), [data]);
}
