/**
 * The per-version analysis service behind the analysis API, on the main thread. Nothing here
 * analyses: the analysis thread (thread-state.ts, through the platform's thread pool) computes
 * each version once — for every language: translation happens when an answer is built — and
 * keeps it; this side keeps the answers (JSON text and its gzip) in an LRU, shares one
 * computation between the requests in flight, bounds how many cold analyses one user and one
 * workspace may have queued (`busy`, answered 429), and stores each version's summary (the
 * dashboard's trend) in the `version_analyses` table once, for every language.
 * `today` is part of every key so that a risk decision reaching its review date reopens the
 * next day.
 */
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../i18n/index.js';
import { isoDateOf } from '../clock.js';
import type { AnalysisSummary, ValidationSummary } from '../api/types.js';
import type { EditResult } from '../models/edit.js';
import type { ModelEdit } from '../models/edit-task.js';
import type { Store } from '../store/index.js';
import { createThreadPool, ThreadTaskError, type ThreadPool } from '../threads/pool.js';
import { AnalysisError, queryKey, type AnalysisQuery, type DashboardCore } from './answers.js';
import type { ContinuityQuery } from './continuity.js';
import type { ListKind } from './entities.js';
import { LruCache } from './lru.js';
import { readVersionFiles } from './version-files.js';
import { sortKeysOf, type EntityQuery, type FindingsFilter } from './responses.js';
import {
  DEFAULT_VERSIONS_KEPT,
  type AnswerLocale,
  type AnalysisTaskInput,
  type AnalysisTaskOutput,
} from './thread-state.js';

export { AnalysisError, TOP_PATHS } from './answers.js';
export type { AnswerLocale } from './thread-state.js';

/** A prebuilt answer: the JSON as UTF-8 bytes and, when large, its gzip. */
export interface PreparedJson {
  readonly json: Buffer;
  readonly gzip: Buffer | null;
}

/** Who asks: cold analyses are bounded per user and per workspace. */
export interface Requester {
  readonly userId: string;
}

export interface AnalysisServiceOptions {
  /** Versions the analysis thread keeps computed (default 8). */
  readonly capacity?: number;
  /** Today's ISO date (default: the real date, read at each request). */
  readonly today?: () => string;
  /** Answers kept on this thread (default 512) and their total size (default 64 MiB). */
  readonly answers?: number;
  readonly answerBytes?: number;
  /**
   * Time a dashboard request may spend computing missing trend points (default 2 s); the rest
   * are computed in the background and the dashboard shows them once stored.
   */
  readonly trendBudgetMs?: number;
  /** Cold analyses queued or running at once, per user (default 2) and per workspace (4). */
  readonly maxColdPerUser?: number;
  readonly maxColdPerWorkspace?: number;
  /** The thread pool analyses run in (default: one thread of its own). */
  readonly threads?: ThreadPool;
  /**
   * The thread pool validating models about to be saved (default: one thread of its own, so
   * that a save does not wait behind a long analysis).
   */
  readonly modelThreads?: ThreadPool;
}

/** The trend shown on the dashboard: at most this many latest versions. */
export const TREND_LENGTH = 20;
/** The summaries table's language for summaries, which hold no text. */
export const SUMMARY_LOCALE = '*';
/** Seconds a client told `busy` should wait before asking again. */
export const BUSY_RETRY_SECONDS = 5;

const toBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

interface Cold {
  readonly promise: Promise<void>;
  readonly userId: string;
  readonly workspaceId: string;
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;

export function createAnalysisService(store: Store, options: AnalysisServiceOptions = {}) {
  const today = options.today ?? ((): string => isoDateOf(store.clock));
  const trendBudgetMs = options.trendBudgetMs ?? 2000;
  const maxColdPerUser = options.maxColdPerUser ?? 2;
  const maxColdPerWorkspace = options.maxColdPerWorkspace ?? 4;
  const answerBytes = options.answerBytes ?? 64 * 1024 * 1024;
  const ownThreads = options.threads === undefined;
  const threads =
    options.threads ??
    // one thread: on a small server the other core answers HTTP; kept 30 min when idle
    createThreadPool({ size: 1, idleMs: 30 * 60_000 });
  const ownModelThreads = options.modelThreads === undefined;
  let modelThreads = options.modelThreads;
  const modelPool = (): ThreadPool =>
    (modelThreads ??= createThreadPool({ size: 1, idleMs: 10 * 60_000 }));
  const answers = new LruCache<string, Promise<PreparedJson>>(options.answers ?? 512);
  const sizes = new Map<string, number>();
  let keptBytes = 0;
  const cold = new Map<string, Cold>();
  /** The versions the analysis thread holds, as far as this side knows (same LRU policy). */
  const held = new LruCache<string, true>(options.capacity ?? DEFAULT_VERSIONS_KEPT);
  const summaries = new Map<string, Promise<AnalysisSummary | undefined>>();
  const dashboards = new Map<string, Promise<string>>();
  const stats = { computations: 0, hits: 0 };
  // keys in the analysis thread are this service's own (in-process under tests, several
  // services share the thread module's state)
  const scope = randomUUID();

  const run = async (input: AnalysisTaskInput): Promise<AnalysisTaskOutput> => {
    const output = await threads.run(
      'analysis.answer',
      {
        ...input,
        key: `${scope}|${input.key}`,
        capacity: options.capacity ?? DEFAULT_VERSIONS_KEPT,
      },
      input.load === undefined ? [] : [input.load.filesJson.buffer as ArrayBuffer],
    );
    if (output.status !== 'missing' && output.computed) stats.computations += 1;
    return output;
  };

  /** Computes a version in the analysis thread once, whoever asks (bounded per user/workspace). */
  function ensureComputed(workspaceId: string, number: number, day: string, by: Requester) {
    const key = `${workspaceId}|${String(number)}|${day}`;
    const known = cold.get(key);
    if (known !== undefined) return known.promise;
    let mine = 0;
    let theirs = 0;
    for (const job of cold.values()) {
      if (job.userId === by.userId) mine += 1;
      if (job.workspaceId === workspaceId) theirs += 1;
    }
    if (mine >= maxColdPerUser || theirs >= maxColdPerWorkspace) {
      throw new AnalysisError('busy', {
        retryAfter: BUSY_RETRY_SECONDS,
        scope: mine >= maxColdPerUser ? 'user' : 'workspace',
        limit: mine >= maxColdPerUser ? maxColdPerUser : maxColdPerWorkspace,
      });
    }
    const promise = (async () => {
      const version = await readVersionFiles(store, workspaceId, number);
      if (version === undefined) throw new AnalysisError('not_found');
      await run({ key, locale: 'en', load: { ...version, number, today: day } });
      held.set(key, true);
    })();
    cold.set(key, { promise, userId: by.userId, workspaceId });
    void promise.finally(() => cold.delete(key)).catch(() => undefined);
    return promise;
  }

  /** One answer of a version: from this thread's LRU, else from the analysis thread. */
  async function compute(
    workspaceId: string,
    number: number,
    day: string,
    locale: AnswerLocale,
    query: AnalysisQuery,
    by: Requester,
  ): Promise<PreparedJson> {
    const key = `${workspaceId}|${String(number)}|${day}`;
    // a version the thread does not hold is a cold analysis: bounded before it is queued
    if (held.peek(key) === undefined) await ensureComputed(workspaceId, number, day, by);
    let output = await run({ key, locale, query });
    if (output.status === 'missing') {
      // the thread restarted (idle, crash) or evicted it: compute it again
      held.delete(key);
      await ensureComputed(workspaceId, number, day, by);
      output = await run({ key, locale, query });
    }
    if (output.status === 'missing') {
      // evicted again in between by other versions: compute it with this query
      const version = await readVersionFiles(store, workspaceId, number);
      if (version === undefined) throw new AnalysisError('not_found');
      output = await run({ key, locale, query, load: { ...version, number, today: day } });
    }
    held.set(key, true);
    switch (output.status) {
      case 'ok':
        return {
          json: toBuffer(output.json),
          gzip: output.gzip === null ? null : toBuffer(output.gzip),
        };
      case 'error':
        throw new AnalysisError(output.code, output.details);
      default:
        throw new Error(`Unexpected analysis answer: ${output.status}`);
    }
  }

  function remember(key: string, promise: Promise<PreparedJson>): void {
    answers.set(key, promise);
    promise.then(
      (answer) => {
        if (answers.peek(key) !== promise) return;
        const size = answer.json.byteLength + (answer.gzip?.byteLength ?? 0);
        sizes.set(key, size);
        keptBytes += size;
        // the answers LRU counts entries; this bounds their bytes too
        for (const [oldest] of answers.entries()) {
          if (keptBytes <= answerBytes || oldest === key) break;
          answers.delete(oldest);
        }
        syncSizes();
      },
      () => {
        if (answers.peek(key) === promise) answers.delete(key);
      },
    );
  }

  /** Forgets the sizes of answers the LRU dropped. */
  function syncSizes(): void {
    if (sizes.size <= answers.size) return;
    for (const [key, size] of sizes) {
      if (answers.peek(key) === undefined) {
        sizes.delete(key);
        keptBytes -= size;
      }
    }
  }

  function prepared(
    workspaceId: string,
    number: number,
    locale: AnswerLocale,
    query: AnalysisQuery,
    by: Requester,
  ): Promise<PreparedJson> {
    const day = today();
    const key = `${workspaceId}|${String(number)}|${day}|${locale}|${queryKey(query)}`;
    const known = answers.get(key);
    if (known !== undefined) {
      stats.hits += 1;
      return known;
    }
    const promise = compute(workspaceId, number, day, locale, query, by);
    remember(key, promise);
    return promise;
  }

  /** The stored summary of a version, else computed in the analysis thread and stored. */
  function summary(workspaceId: string, number: number): Promise<AnalysisSummary | undefined> {
    const key = `${workspaceId}|${String(number)}`;
    const known = summaries.get(key);
    if (known !== undefined) return known;
    const promise = (async (): Promise<AnalysisSummary | undefined> => {
      const stored = await store.analyses.get(workspaceId, number, SUMMARY_LOCALE);
      if (stored !== undefined) return stored.summary as AnalysisSummary;
      const version = await readVersionFiles(store, workspaceId, number);
      if (version === undefined) return undefined;
      // without keeping the version in the thread: old versions are rarely opened
      const output = await run({
        key: `${workspaceId}|${String(number)}|${today()}`,
        locale: 'en',
        query: { kind: 'summary' },
        load: { ...version, number, today: today() },
        keep: false,
      });
      if (output.status !== 'ok') return undefined;
      const result = JSON.parse(toBuffer(output.json).toString('utf8')) as AnalysisSummary;
      await store.analyses.put(workspaceId, number, SUMMARY_LOCALE, result);
      return result;
    })();
    summaries.set(key, promise);
    // only in-flight work is shared; the table is the lasting copy
    void promise.finally(() => summaries.delete(key)).catch(() => undefined);
    return promise;
  }

  /**
   * The trend ending at the latest version: stored points, plus missing ones computed within
   * the time budget; `complete` is false while some are still being computed in the background.
   */
  async function trendOf(
    workspaceId: string,
    own: AnalysisSummary,
  ): Promise<{ points: AnalysisSummary[]; complete: boolean }> {
    const from = Math.max(1, own.version - TREND_LENGTH + 1);
    const stored = new Map(
      (
        await store.analyses.list(workspaceId, { locale: SUMMARY_LOCALE, from, to: own.version })
      ).map((s) => [s.number, s.summary as AnalysisSummary]),
    );
    if (!stored.has(own.version))
      await store.analyses.put(workspaceId, own.version, SUMMARY_LOCALE, own);
    const started = Date.now();
    const points: AnalysisSummary[] = [];
    const pending: number[] = [];
    for (let number = own.version - 1; number >= from; number -= 1) {
      const known = stored.get(number);
      if (known !== undefined) points.push(known);
      else if (pending.length === 0 && Date.now() - started < trendBudgetMs) {
        const point = await summary(workspaceId, number);
        if (point !== undefined) points.push(point);
      } else pending.push(number);
    }
    if (pending.length > 0) {
      // newest first, one at a time, so that requests are served in between
      void (async () => {
        for (const number of pending) await summary(workspaceId, number);
      })().catch(() => undefined);
    }
    points.reverse().push(own);
    return { points, complete: pending.length === 0 };
  }

  return {
    stats,
    threads,

    /**
     * The cached part of the dashboard as JSON members (`"latest":…,"trend":…`, no braces):
     * the caller adds the workspace and the documents, which change without a new version.
     */
    async dashboardMembers(
      workspaceId: string,
      latest: number | null,
      locale: AnswerLocale,
      by: Requester,
    ): Promise<string> {
      if (latest === null) {
        return '"latest":null,"trend":[],"topPaths":[],"hygiene":[],"validation":{"errors":0,"warnings":0}';
      }
      const key = `${workspaceId}|${String(latest)}|${today()}|${locale}`;
      let body = dashboards.get(key);
      if (body === undefined) {
        const building = (async () => {
          const core = JSON.parse(
            (await prepared(workspaceId, latest, locale, { kind: 'dashboard' }, by)).json.toString(
              'utf8',
            ),
          ) as DashboardCore;
          const trend = await trendOf(workspaceId, core.summary);
          const json = JSON.stringify({
            latest: trend.points.at(-1) ?? null,
            trend: trend.points,
            topPaths: core.topPaths,
            hygiene: core.hygiene,
            validation: core.validation,
          });
          return { json, complete: trend.complete };
        })();
        body = building.then((built) => built.json);
        dashboards.set(key, body);
        if (dashboards.size > 256) {
          const oldest = dashboards.keys().next().value;
          if (oldest !== undefined && oldest !== key) dashboards.delete(oldest);
        }
        // an incomplete trend is rebuilt at the next request, until every point is stored
        const shared = body;
        void building
          .then(
            (built) => built.complete,
            () => false,
          )
          .then((complete) => {
            if (!complete && dashboards.get(key) === shared) dashboards.delete(key);
          });
      }
      return (await body).slice(1, -1);
    },

    /**
     * The language a version's model names (`organisation.locale`), null when it names none:
     * from the version's stored summary, else from the analysis the thread holds or computes
     * (once, bounded like any analysis). The model is never parsed on this thread, nor twice.
     */
    async modelLocale(workspaceId: string, number: number, by: Requester): Promise<Locale | null> {
      const stored = await store.analyses.get(workspaceId, number, SUMMARY_LOCALE);
      const known = (stored?.summary as AnalysisSummary | undefined)?.modelLocale;
      if (known !== undefined) return known;
      const answer = await prepared(workspaceId, number, 'en', { kind: 'summary' }, by);
      const summary = JSON.parse(answer.json.toString('utf8')) as AnalysisSummary;
      return summary.modelLocale ?? null;
    },

    findings(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      filter: FindingsFilter,
      by: Requester,
    ): Promise<PreparedJson> {
      return prepared(workspaceId, number, locale, { kind: 'findings', filter }, by);
    },

    finding(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      id: string,
      by: Requester,
    ): Promise<PreparedJson> {
      return prepared(workspaceId, number, locale, { kind: 'finding', id }, by);
    },

    attackPaths(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      target: string | undefined,
      by: Requester,
    ): Promise<PreparedJson> {
      return prepared(workspaceId, number, locale, { kind: 'paths', target }, by);
    },

    attackPathDiagram(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      id: string,
      by: Requester,
    ): Promise<PreparedJson> {
      return prepared(workspaceId, number, locale, { kind: 'path-diagram', id }, by);
    },

    architectureDiagram(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      view: string,
      by: Requester,
    ): Promise<PreparedJson> {
      return prepared(workspaceId, number, locale, { kind: 'diagram', view }, by);
    },

    entities(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      kind: ListKind,
      query: EntityQuery,
      by: Requester,
    ): Promise<PreparedJson> {
      if (query.sort !== undefined && !sortKeysOf(kind).includes(query.sort)) {
        return Promise.reject(
          new AnalysisError('bad_request', { sort: query.sort, expected: sortKeysOf(kind) }),
        );
      }
      const { q, zone, site, sort, dir } = query;
      return prepared(
        workspaceId,
        number,
        locale,
        { kind: 'entities', entityKind: kind, query: { q, zone, site, sort, dir } },
        by,
      );
    },

    entity(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      kind: ListKind,
      id: string,
      by: Requester,
    ): Promise<PreparedJson> {
      return prepared(workspaceId, number, locale, { kind: 'entity', entityKind: kind, id }, by);
    },

    /**
     * A disaster recovery plan answer of a version (analysis/continuity.ts), computed in the
     * analysis thread on the graph it holds and kept like every answer; a bad scenario is an
     * {@link AnalysisError} `bad_request` whose details carry its code and message.
     */
    continuity(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      query: ContinuityQuery,
      by: Requester,
    ): Promise<PreparedJson> {
      return prepared(workspaceId, number, locale, { kind: 'continuity', query }, by);
    },

    /**
     * The validation of a version (diagnostics in `locale`, entity counts), from the analyses
     * the thread holds or computes.
     */
    validation(
      workspaceId: string,
      number: number,
      locale: AnswerLocale,
      by: Requester,
    ): Promise<PreparedJson> {
      return prepared(workspaceId, number, locale, { kind: 'validation' }, by);
    },

    /** Validates files about to be saved, in the model thread (never on this one). */
    validateFiles(
      files: Readonly<Record<string, string>>,
      locale: Locale,
    ): Promise<ValidationSummary> {
      const filesJson = new TextEncoder().encode(JSON.stringify(files));
      return modelPool().run('model.validate', { filesJson, locale }, [filesJson.buffer]);
    },

    /** The line diff between two versions, computed in the model thread (JSON bytes). */
    async diff(workspaceId: string, a: number, b: number): Promise<Buffer | undefined> {
      const [from, to] = await Promise.all([
        readVersionFiles(store, workspaceId, a),
        readVersionFiles(store, workspaceId, b),
      ]);
      if (from === undefined || to === undefined) return undefined;
      // the same version twice: one buffer cannot be moved twice
      const toBytes = a === b ? new Uint8Array(to.filesJson) : to.filesJson;
      const { json } = await modelPool().run(
        'model.diff',
        {
          from: { number: a, filesJson: from.filesJson },
          to: { number: b, filesJson: toBytes },
        },
        [from.filesJson.buffer as ArrayBuffer, toBytes.buffer as ArrayBuffer],
      );
      return toBuffer(json);
    },

    /**
     * Edits files in the model thread (YAML edits keeping comments take seconds on a large
     * model); the edited files, or the edit's expected failure.
     */
    async editFiles(files: Readonly<Record<string, string>>, edit: ModelEdit): Promise<EditResult> {
      const filesJson = new TextEncoder().encode(JSON.stringify(files));
      const result = await modelPool().run('model.edit', { filesJson, edit }, [filesJson.buffer]);
      if (!result.ok) return result;
      const { text, others, ...outcome } = result.value;
      return {
        ok: true,
        value: { ...outcome, files: { ...files, ...others, [outcome.file]: text } },
      };
    },

    /** Stops the threads the service started. */
    async close(): Promise<void> {
      await Promise.all([
        ownThreads ? threads.terminate() : undefined,
        ownModelThreads ? modelThreads?.terminate() : undefined,
      ]);
    },
  };
}

/** True for the failures of the analysis thread itself (crash, timeout, pool closed). */
export function isThreadFailure(error: unknown): error is ThreadTaskError {
  return error instanceof ThreadTaskError;
}
