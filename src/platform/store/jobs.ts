import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import type { Clock, Database, JobStatus, JobsTable, StoreDialect } from './schema.js';

export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  runAfter: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  result: unknown;
  error: string | null;
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload_json) as unknown,
    status: row.status,
    runAfter: row.run_after,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
    error: row.error,
  };
}

export interface EnqueueOptions {
  runAfter?: Date;
  maxAttempts?: number;
}

export interface JobsOptions {
  /**
   * How long a claimed job stays leased to its worker before another may reclaim it (default
   * {@link DEFAULT_LEASE_MS}); the worker renews it while the job runs.
   */
  leaseMs?: number;
  /** Retry delay is `backoffMs * 2^(attempts-1)`. */
  backoffMs?: number;
}

/**
 * One minute: a worker renews its lease every third of it while the job runs, so a job whose
 * instance was killed is retried by another within a minute, not after a long generation's time.
 */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * The row of a new queued job, for {@link JobsRepository.enqueue} and for repositories that
 * queue a job in the same transaction as their own rows (documents).
 */
export function newJobRow(
  kind: string,
  payload: unknown,
  now: Date,
  opts: EnqueueOptions = {},
): Insertable<JobsTable> {
  return {
    id: randomUUID(),
    kind,
    payload_json: JSON.stringify(payload),
    status: 'queued',
    run_after: (opts.runAfter ?? now).toISOString(),
    attempts: 0,
    max_attempts: opts.maxAttempts ?? 3,
    locked_by: null,
    locked_until: null,
    result_json: null,
    error: null,
    created_at: now.toISOString(),
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;

/** A database-backed job queue that several server instances can share. */
export function createJobsRepository(
  db: Kysely<Database>,
  dialect: StoreDialect,
  clock: Clock,
  options: JobsOptions = {},
) {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const backoffMs = options.backoffMs ?? 1_000;

  return {
    /** How long a claim or a renewal holds a job. */
    leaseMs,

    async enqueue(kind: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string> {
      const row = newJobRow(kind, payload, clock(), opts);
      await db.insertInto('jobs').values(row).execute();
      return row.id;
    },

    /**
     * Atomically claims the oldest runnable job (queued and due, or running with an expired
     * lease) for `workerId`. One UPDATE … RETURNING; on PostgreSQL the candidate is selected
     * FOR UPDATE SKIP LOCKED so concurrent workers never get the same job.
     */
    async claimNext(workerId: string, kinds?: readonly string[]): Promise<Job | undefined> {
      if (kinds?.length === 0) return undefined;
      const now = clock().toISOString();
      const lockedUntil = new Date(clock().getTime() + leaseMs).toISOString();
      const runnable = (w: ExpressionBuilder<Database, 'jobs'>) =>
        w.or([
          w.and([w('status', '=', 'queued'), w('run_after', '<=', now)]),
          w.and([w('status', '=', 'running'), w('locked_until', '<=', now)]),
        ]);
      const row = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          locked_by: workerId,
          locked_until: lockedUntil,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', (eb) => {
          let candidate = eb
            .selectFrom('jobs')
            .select('id')
            .where(runnable)
            .orderBy('run_after')
            .orderBy('id')
            .limit(1);
          if (kinds !== undefined) candidate = candidate.where('kind', 'in', kinds);
          return dialect === 'postgres' ? candidate.forUpdate().skipLocked() : candidate;
        })
        // Re-checked on the row actually updated (PostgreSQL re-evaluates it after a lock wait).
        .where(runnable)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : toJob(row);
    },

    /**
     * Extends the lease of a running job by {@link leaseMs} from now (the worker's heartbeat).
     * False when `workerId` no longer holds it: the lease expired and another worker took the
     * job, or it finished.
     */
    async renew(id: string, workerId: string): Promise<boolean> {
      const outcome = await db
        .updateTable('jobs')
        .set({ locked_until: new Date(clock().getTime() + leaseMs).toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('locked_by', '=', workerId)
        .executeTakeFirst();
      return outcome.numUpdatedRows > 0n;
    },

    /** Marks the job done; only the worker holding it may. Returns whether it did. */
    async complete(id: string, workerId: string, result?: unknown): Promise<boolean> {
      const outcome = await db
        .updateTable('jobs')
        .set({
          status: 'done',
          locked_by: null,
          locked_until: null,
          result_json: result === undefined ? null : JSON.stringify(result),
          error: null,
        })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('locked_by', '=', workerId)
        .executeTakeFirst();
      return outcome.numUpdatedRows > 0n;
    },

    /**
     * Records a failure: requeues with exponential backoff while attempts remain, otherwise
     * marks the job failed. Returns the new status, or undefined when the worker did not hold it.
     */
    async fail(id: string, workerId: string, error: string): Promise<JobStatus | undefined> {
      const row = await db
        .selectFrom('jobs')
        .select(['attempts', 'max_attempts'])
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('locked_by', '=', workerId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const status: JobStatus = row.attempts >= row.max_attempts ? 'failed' : 'queued';
      const delay = backoffMs * 2 ** Math.max(row.attempts - 1, 0);
      const outcome = await db
        .updateTable('jobs')
        .set({
          status,
          locked_by: null,
          locked_until: null,
          error,
          run_after: new Date(clock().getTime() + delay).toISOString(),
        })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('locked_by', '=', workerId)
        .executeTakeFirst();
      return outcome.numUpdatedRows > 0n ? status : undefined;
    },

    async get(id: string): Promise<Job | undefined> {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toJob(row);
    },
  };
}
