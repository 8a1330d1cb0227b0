/**
 * The `audit-campaign` job: given `{ campaignId }`, resolves the campaign's scope against its
 * model version, narrows it to the operator's allowlist, runs the campaign over the network
 * (`nodeNet()`), writes its progress at most every `progressMs` (500 ms) and stores the results
 * with their counts by severity, then merges the campaign's action plan into the workspace's.
 *
 * Cancelling (or deleting) the campaign is seen at the next progress write: the campaign is
 * aborted and nothing more is stored. A scope that no longer resolves (the model changed under
 * a queued campaign) fails the campaign for good with the diagnostics; other errors are thrown so
 * the worker retries, and `failed` records the last one when it gives up.
 */
import { z } from 'zod';
import { buildActionPlan } from '../../audit/campaign/action-plan.js';
import type { CampaignModules } from '../../audit/campaign/modules.js';
import { runCampaign, type CampaignProgress } from '../../audit/campaign/run.js';
import { nodeNet } from '../../audit/net/node-net.js';
import type { AuditNet } from '../../audit/net/types.js';
import { SEVERITIES, type AuditResults, type Severity } from '../../audit/types.js';
import type { JobHandler } from '../jobs/worker.js';
import type { AuditCampaignRecord, Store } from '../store/index.js';
import { loadVersionModel, prepareCampaign } from './campaign-setup.js';

export const AUDIT_CAMPAIGN_JOB_KIND = 'audit-campaign';

export const auditJobPayload = z.object({ campaignId: z.uuid() });

/** Smallest interval between two progress writes. */
export const PROGRESS_WRITE_MS = 500;

export interface AuditJobOptions {
  /** The network the campaign reaches (default `nodeNet()`; the scope guard wraps it). */
  readonly net?: () => AuditNet;
  /** Today's date for the checks (default: the store clock's UTC date). */
  readonly today?: () => string;
  readonly progressMs?: number;
  /** Probes to run (default: the engine's own). */
  readonly modules?: CampaignModules;
}

/** Findings by severity. */
export function countBySeverity(results: Pick<AuditResults, 'findings'>): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of results.findings) counts[finding.severity] += 1;
  return counts;
}

/**
 * Writes the latest progress at most every `intervalMs`; `write` answers false once the
 * campaign was cancelled or deleted, which aborts `controller`.
 */
function progressWriter(
  write: (progress: CampaignProgress) => Promise<boolean>,
  intervalMs: number,
  controller: AbortController,
) {
  let latest: CampaignProgress | undefined;
  let lastWrite = -Infinity;
  let writing: Promise<void> | undefined;
  const flush = (): Promise<void> => {
    const progress = latest;
    if (progress === undefined) return Promise.resolve();
    latest = undefined;
    lastWrite = performance.now();
    writing = write(progress)
      .then((running) => {
        if (!running) controller.abort(new Error('cancelled'));
      })
      .catch(() => undefined)
      .finally(() => {
        writing = undefined;
      });
    return writing;
  };
  return {
    report(progress: CampaignProgress): void {
      latest = progress;
      if (writing === undefined && performance.now() - lastWrite >= intervalMs) void flush();
    },
    /** Waits for the write under way (the final state is stored by `complete`). */
    settle: async (): Promise<void> => {
      await writing;
    },
  };
}

function missingVersion(campaign: AuditCampaignRecord): string {
  return campaign.locale === 'fr'
    ? `La version ${String(campaign.version)} du modèle n'existe plus.`
    : `Version ${String(campaign.version)} of the model no longer exists.`;
}

function scopeFailure(campaign: AuditCampaignRecord, lines: readonly string[]): string {
  const head =
    campaign.locale === 'fr'
      ? 'Le périmètre ne se résout plus sur le modèle :'
      : 'The scope no longer resolves against the model:';
  return [head, ...lines.slice(0, 10)].join('\n');
}

export function createAuditJobHandler(store: Store, options: AuditJobOptions = {}): JobHandler {
  const today = options.today ?? (() => store.clock().toISOString().slice(0, 10));
  const makeNet = options.net ?? nodeNet;
  const intervalMs = options.progressMs ?? PROGRESS_WRITE_MS;
  const campaigns = store.audits.campaigns;
  return {
    kind: AUDIT_CAMPAIGN_JOB_KIND,

    async run(payload, _job, context) {
      const { campaignId } = auditJobPayload.parse(payload);
      const campaign = await campaigns.getById(campaignId);
      if (campaign === undefined) return { skipped: 'missing' };
      if (!(await campaigns.markRunning(campaignId))) return { skipped: campaign.status };
      const [version, workspace] = await Promise.all([
        store.versions.get(campaign.workspaceId, campaign.version),
        store.workspaces.getById(campaign.workspaceId),
      ]);
      if (version === undefined || workspace === undefined) {
        await campaigns.fail(campaignId, missingVersion(campaign));
        return { status: 'failed' };
      }
      const model = loadVersionModel(version.files, campaign.locale, workspace.name);
      const prepared = await prepareCampaign({
        scopeText: campaign.scopeText,
        graph: model.graph,
        vantage: campaign.vantage,
        limits: campaign.limits,
        networks: campaign.networks,
        locale: campaign.locale,
      });
      if (!prepared.ok) {
        const lines = prepared.error.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => `${d.file}:${String(d.line)}:${String(d.column)} ${d.message}`);
        await campaigns.fail(campaignId, scopeFailure(campaign, lines));
        return { status: 'failed', code: 'invalid_scope' };
      }
      const controller = new AbortController();
      const onLeaseLost = (): void => {
        controller.abort(new Error('lease lost'));
      };
      context.signal.addEventListener('abort', onLeaseLost, { once: true });
      const progress = progressWriter(
        (p) => campaigns.saveProgress(campaignId, p),
        intervalMs,
        controller,
      );
      const day = today();
      let results: AuditResults;
      try {
        results = await runCampaign({
          scope: prepared.value.scope,
          graph: model.graph,
          model: { name: model.name, digest: model.digest },
          name: campaign.name,
          today: day,
          net: makeNet(),
          onProgress: (p) => {
            progress.report(p);
          },
          signal: controller.signal,
          scopeFile: 'scope.yaml',
          portsLabel: prepared.value.portsLabel,
          clock: store.clock,
          ...(options.modules === undefined ? {} : { modules: options.modules }),
        });
      } finally {
        context.signal.removeEventListener('abort', onLeaseLost);
        await progress.settle();
      }
      if (context.signal.aborted) return { skipped: 'lease_lost' };
      if (controller.signal.aborted) return { status: 'cancelled' };
      const stored: AuditResults = {
        ...results,
        campaign: { ...results.campaign, id: campaignId },
        refused: [...prepared.value.refused, ...results.refused],
      };
      const counts = countBySeverity(stored);
      const done = await campaigns.complete(
        campaignId,
        { json: JSON.stringify(stored), counts },
        {
          phase: 'done',
          done: 1,
          total: 1,
          message: {
            en: `${String(stored.findings.length)} findings`,
            fr: `${String(stored.findings.length)} constats`,
          },
        },
      );
      // Cancelled (or deleted) while the last step ran: its plan is not merged.
      if (!done) return { status: 'cancelled' };
      await store.audits.actions.upsertFromCampaign(
        campaign.workspaceId,
        campaignId,
        buildActionPlan(stored, { graph: model.graph, today: day }),
      );
      return { status: 'done', findings: stored.findings.length, ms: stored.stats.durationMs };
    },

    async failed(payload, error) {
      const parsed = auditJobPayload.safeParse(payload);
      if (!parsed.success) return;
      const campaign = await campaigns.getById(parsed.data.campaignId);
      if (campaign === undefined) return;
      const message =
        campaign.locale === 'fr'
          ? `La campagne a échoué : ${error}`
          : `The campaign failed: ${error}`;
      await campaigns.fail(campaign.id, message);
    },
  };
}
