/**
 * Security audit campaigns and the action plan (issue 15, CP5). A campaign is stored with the
 * job that runs it (one transaction: a worker never claims a job for a missing campaign); the job
 * moves it queued → running → done | failed, writing its progress on the way. Cancelling marks it
 * `cancelled` whatever it was doing: the running job sees it at its next progress write and
 * stops. The results file is a text column read only by the routes that serve it. The action plan
 * is per workspace, one item per root cause, upserted from each finished campaign: what the team
 * set (owner, due date, status, note) is kept; what the campaign says (findings, severity) is
 * refreshed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ActionItem, ActionStatus } from '../../audit/campaign/action-plan.js';
import type { LocalizedText, Severity } from '../../audit/types.js';
import { newJobRow } from './jobs.js';
import type {
  AuditActionsTable,
  AuditCampaignStatus,
  AuditCampaignsTable,
  Clock,
  Database,
} from './schema.js';
import { inTransaction } from './transaction.js';

/** What a campaign says while it runs (the engine's `CampaignProgress`, as stored). */
export interface StoredProgress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
  readonly message: LocalizedText;
}

export type SeverityTally = Readonly<Record<Severity, number>>;

/** Limits a campaign request may set over the scope file's own (each optional). */
export interface CampaignLimitsOverride {
  readonly concurrency?: number | undefined;
  readonly ratePerSecond?: number | undefined;
  readonly timeoutMs?: number | undefined;
  readonly maxBytes?: number | undefined;
}

/** A campaign without its results file. */
export interface AuditCampaignRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly version: number;
  readonly vantage: string | null;
  readonly scopeText: string;
  readonly limits: CampaignLimitsOverride | null;
  /** The operator's allowed networks (CIDRs) when the campaign was requested. */
  readonly networks: readonly string[];
  readonly locale: 'fr' | 'en';
  readonly status: AuditCampaignStatus;
  readonly jobId: string | null;
  readonly progress: StoredProgress | null;
  readonly counts: SeverityTally | null;
  readonly error: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface NewAuditCampaign {
  readonly workspaceId: string;
  readonly name: string;
  readonly version: number;
  readonly vantage: string | null;
  readonly scopeText: string;
  readonly limits: CampaignLimitsOverride | null;
  readonly networks: readonly string[];
  readonly locale: 'fr' | 'en';
  readonly createdBy: string | null;
}

/** The job running a campaign, queued in the same transaction. */
export interface CampaignJob {
  readonly kind: string;
  readonly payload: (campaignId: string) => unknown;
  readonly maxAttempts?: number;
}

/** One item of the workspace's action plan. */
export interface AuditActionRecord {
  readonly id: string;
  readonly check: string;
  readonly title: LocalizedText;
  readonly remediation: LocalizedText;
  readonly severity: Severity;
  readonly findings: readonly string[];
  readonly entities: readonly string[];
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly due: string | null;
  readonly status: ActionStatus;
  readonly note: string;
  readonly campaignId: string | null;
  readonly createdAt: string;
  readonly updatedBy: string | null;
  readonly updatedAt: string;
}

/** What to change of an item: a field left out is kept; null clears owner or due date. */
export interface AuditActionPatch {
  readonly owner?: { readonly id: string; readonly name: string | null } | null;
  readonly due?: string | null;
  readonly status?: ActionStatus;
  readonly note?: string;
}

/** Every column but `results_json` (lists never read the results). */
const COLUMNS = [
  'id',
  'workspace_id',
  'name',
  'version_number',
  'vantage',
  'scope_text',
  'limits_json',
  'networks_json',
  'locale',
  'status',
  'job_id',
  'progress_json',
  'counts_json',
  'error',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
] as const;

type Row = Pick<Selectable<AuditCampaignsTable>, (typeof COLUMNS)[number]>;

/** A JSON column read back (written by this repository from the types it declares). */
function parsed(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function toCampaign(row: Row): AuditCampaignRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    version: row.version_number,
    vantage: row.vantage,
    scopeText: row.scope_text,
    limits: parsed(row.limits_json) as CampaignLimitsOverride | null,
    networks: JSON.parse(row.networks_json) as string[],
    locale: row.locale === 'fr' ? 'fr' : 'en',
    status: row.status,
    jobId: row.job_id,
    progress: parsed(row.progress_json) as StoredProgress | null,
    counts: parsed(row.counts_json) as SeverityTally | null,
    error: row.error,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function toAction(row: Selectable<AuditActionsTable>): AuditActionRecord {
  return {
    id: row.item_id,
    check: row.check_id,
    title: JSON.parse(row.title_json) as LocalizedText,
    remediation: JSON.parse(row.remediation_json) as LocalizedText,
    severity: row.severity as Severity,
    findings: JSON.parse(row.findings_json) as string[],
    entities: JSON.parse(row.entities_json) as string[],
    owner: row.owner,
    ownerName: row.owner_name,
    due: row.due_date,
    status: row.status as ActionStatus,
    note: row.note,
    campaignId: row.campaign_id,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

const PENDING: readonly AuditCampaignStatus[] = ['queued', 'running'];

export type AuditsRepository = ReturnType<typeof createAuditsRepository>;

export function createAuditsRepository(db: Kysely<Database>, clock: Clock) {
  const now = (): string => clock().toISOString();

  /** Sets `values` on a campaign still in one of `from`; true when it was. */
  const transition = async (
    id: string,
    from: readonly AuditCampaignStatus[],
    values: Partial<Omit<AuditCampaignsTable, 'id' | 'workspace_id'>>,
  ): Promise<boolean> => {
    const outcome = await db
      .updateTable('audit_campaigns')
      .set(values)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return outcome.numUpdatedRows > 0n;
  };

  const campaigns = {
    /** A queued campaign and the job that runs it, stored together. */
    async create(input: NewAuditCampaign, job: CampaignJob): Promise<AuditCampaignRecord> {
      return inTransaction(db, async (trx) => {
        const at = clock();
        const id = randomUUID();
        const jobRow = newJobRow(job.kind, job.payload(id), at, {
          ...(job.maxAttempts === undefined ? {} : { maxAttempts: job.maxAttempts }),
        });
        const row: Row = {
          id,
          workspace_id: input.workspaceId,
          name: input.name,
          version_number: input.version,
          vantage: input.vantage,
          scope_text: input.scopeText,
          limits_json: input.limits === null ? null : JSON.stringify(input.limits),
          networks_json: JSON.stringify(input.networks),
          locale: input.locale,
          status: 'queued',
          job_id: jobRow.id,
          progress_json: null,
          counts_json: null,
          error: null,
          created_by: input.createdBy,
          created_at: at.toISOString(),
          started_at: null,
          finished_at: null,
        };
        await trx
          .insertInto('audit_campaigns')
          .values({ ...row, results_json: null })
          .execute();
        await trx.insertInto('jobs').values(jobRow).execute();
        return toCampaign(row);
      });
    },

    /** Newest first. */
    async list(workspaceId: string, limit = 100): Promise<AuditCampaignRecord[]> {
      const rows = await db
        .selectFrom('audit_campaigns')
        .select(COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toCampaign);
    },

    /** One campaign of the workspace (undefined for another workspace's id). */
    async get(workspaceId: string, id: string): Promise<AuditCampaignRecord | undefined> {
      const row = await db
        .selectFrom('audit_campaigns')
        .select(COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toCampaign(row);
    },

    /** By id alone, for the job that runs it. */
    async getById(id: string): Promise<AuditCampaignRecord | undefined> {
      const row = await db
        .selectFrom('audit_campaigns')
        .select(COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toCampaign(row);
    },

    /** The results file (JSON text) of a finished campaign of the workspace. */
    async getResults(workspaceId: string, id: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('audit_campaigns')
        .select('results_json')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('status', '=', 'done')
        .executeTakeFirst();
      return row?.results_json ?? undefined;
    },

    /** queued (or running again, on a retry) → running; false when finished or cancelled. */
    markRunning: (id: string): Promise<boolean> =>
      transition(id, PENDING, { status: 'running', started_at: now(), error: null }),

    /** The latest progress of a running campaign; false once it is cancelled or gone. */
    saveProgress: (id: string, progress: StoredProgress): Promise<boolean> =>
      transition(id, ['running'], { progress_json: JSON.stringify(progress) }),

    /** Stores the results and marks the campaign done (only while running). */
    complete: (
      id: string,
      results: { readonly json: string; readonly counts: SeverityTally },
      progress: StoredProgress,
    ): Promise<boolean> =>
      transition(id, ['running'], {
        status: 'done',
        results_json: results.json,
        counts_json: JSON.stringify(results.counts),
        progress_json: JSON.stringify(progress),
        finished_at: now(),
      }),

    /** Marks the campaign failed with a message for the user (only while not finished). */
    fail: (id: string, error: string): Promise<boolean> =>
      transition(id, PENDING, { status: 'failed', error, finished_at: now() }),

    /** queued or running → cancelled; false when it had already finished. */
    cancel: async (workspaceId: string, id: string): Promise<boolean> => {
      const outcome = await db
        .updateTable('audit_campaigns')
        .set({ status: 'cancelled', finished_at: now() })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('status', 'in', PENDING)
        .executeTakeFirst();
      return outcome.numUpdatedRows > 0n;
    },

    /** Deletes a campaign of the workspace (a running one stops at its next progress write). */
    async delete(workspaceId: string, id: string): Promise<boolean> {
      const outcome = await db
        .deleteFrom('audit_campaigns')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return outcome.numDeletedRows > 0n;
    },
  };

  const actions = {
    /** The plan, most severe first, then by id. */
    async list(workspaceId: string): Promise<AuditActionRecord[]> {
      const rows = await db
        .selectFrom('audit_actions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .execute();
      const rank = (s: string): number => ['critical', 'high', 'medium', 'low', 'info'].indexOf(s);
      return rows
        .map(toAction)
        .sort((a, b) => rank(a.severity) - rank(b.severity) || (a.id < b.id ? -1 : 1));
    },

    async get(workspaceId: string, itemId: string): Promise<AuditActionRecord | undefined> {
      const row = await db
        .selectFrom('audit_actions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('item_id', '=', itemId)
        .executeTakeFirst();
      return row === undefined ? undefined : toAction(row);
    },

    /**
     * Merges a campaign's plan: new items are added as the engine made them; existing ones get
     * the campaign's findings, severity and texts, and keep what the team set (owner, due date,
     * status, note) — an owner or due date only filled in where none is set.
     */
    async upsertFromCampaign(
      workspaceId: string,
      campaignId: string,
      items: readonly ActionItem[],
    ): Promise<void> {
      await inTransaction(db, async (trx) => {
        const at = now();
        for (const item of items) {
          const current = await trx
            .selectFrom('audit_actions')
            .select(['owner', 'owner_name', 'due_date'])
            .where('workspace_id', '=', workspaceId)
            .where('item_id', '=', item.id)
            .executeTakeFirst();
          const computed = {
            check_id: item.check,
            title_json: JSON.stringify(item.title),
            remediation_json: JSON.stringify(item.remediation),
            severity: item.severity,
            findings_json: JSON.stringify(item.findings),
            entities_json: JSON.stringify(item.entities),
            campaign_id: campaignId,
          };
          if (current === undefined) {
            await trx
              .insertInto('audit_actions')
              .values({
                workspace_id: workspaceId,
                item_id: item.id,
                ...computed,
                owner: item.owner,
                owner_name: item.ownerName,
                due_date: item.due,
                status: item.status,
                note: '',
                created_at: at,
                updated_by: null,
                updated_at: at,
              })
              .execute();
            continue;
          }
          const owner =
            current.owner === null
              ? { owner: item.owner, owner_name: item.ownerName }
              : { owner: current.owner, owner_name: current.owner_name };
          await trx
            .updateTable('audit_actions')
            .set({ ...computed, ...owner, due_date: current.due_date ?? item.due })
            .where('workspace_id', '=', workspaceId)
            .where('item_id', '=', item.id)
            .execute();
        }
      });
    },

    /** Applies `patch`; the item before and after, or undefined when the item does not exist. */
    async update(
      workspaceId: string,
      itemId: string,
      patch: AuditActionPatch,
      updatedBy: string | null,
    ): Promise<{ before: AuditActionRecord; after: AuditActionRecord } | undefined> {
      return inTransaction(db, async (trx) => {
        const row = await trx
          .selectFrom('audit_actions')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('item_id', '=', itemId)
          .executeTakeFirst();
        if (row === undefined) return undefined;
        const values = {
          ...(patch.owner === undefined
            ? {}
            : { owner: patch.owner?.id ?? null, owner_name: patch.owner?.name ?? null }),
          ...(patch.due === undefined ? {} : { due_date: patch.due }),
          ...(patch.status === undefined ? {} : { status: patch.status }),
          ...(patch.note === undefined ? {} : { note: patch.note }),
          updated_by: updatedBy,
          updated_at: now(),
        };
        await trx
          .updateTable('audit_actions')
          .set(values)
          .where('workspace_id', '=', workspaceId)
          .where('item_id', '=', itemId)
          .execute();
        return { before: toAction(row), after: toAction({ ...row, ...values }) };
      });
    },
  };

  return { campaigns, actions };
}
