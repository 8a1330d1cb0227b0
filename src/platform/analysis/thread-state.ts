/**
 * The analysis thread's side: the analyses of the versions it computed, kept in an LRU between
 * tasks (module state of the thread), and the task answering one query on one version. The main
 * thread sends the version's files only when the thread says it does not hold the version, so a
 * warm query costs a message, not a database read; a thread restarted (idle, crashed) simply
 * answers `missing` again. Answers leave as JSON text, gzipped here when large, so the main
 * thread only copies bytes.
 */
import { gzipSync } from 'node:zlib';
import type { Locale } from '../../i18n/index.js';
import {
  AnalysisError,
  answerQuery,
  versionEntry,
  type AnalysisErrorCode,
  type AnalysisQuery,
  type VersionEntry,
} from './answers.js';
import { computeVersionCore } from './compute.js';
import { modelFilesSchema } from '../store/versions.js';
import { ownedBytes } from '../threads/bytes.js';
import { LruCache } from './lru.js';

/** Answers shorter than this are sent as they are (gzip would not pay). */
export const GZIP_MIN_BYTES = 1024;
/** Versions an analysis thread keeps by default. */
export const DEFAULT_VERSIONS_KEPT = 8;

/**
 * The language of an answer: French, English, or `model`, the model's own language
 * (`organisation.locale`, English when it names none), read from the analysis the thread holds.
 */
export type AnswerLocale = Locale | 'model';

export interface AnalysisTaskInput {
  /** `workspace|number|today`: a version's analyses are valid for one day (review dates). */
  readonly key: string;
  readonly locale: AnswerLocale;
  /** Absent: only make sure the version is computed. */
  readonly query?: AnalysisQuery;
  /**
   * Given when the thread may not hold the version: it is then computed from its files, as the
   * UTF-8 bytes of their JSON (moved to the thread, not copied: see {@link ThreadPool.run}).
   */
  readonly load?: {
    readonly filesJson: Uint8Array;
    readonly number: number;
    readonly created: string;
    readonly today: string;
  };
  /** Versions kept by the thread (LRU). */
  readonly capacity?: number;
  /** False: a version computed for this task only is not kept (old versions' trend points). */
  readonly keep?: boolean;
}

export type AnalysisTaskOutput =
  | { readonly status: 'missing' }
  | { readonly status: 'loaded'; readonly computed: boolean }
  | {
      readonly status: 'ok';
      readonly computed: boolean;
      /** The answer's JSON as UTF-8 bytes, and its gzip when large (both moved, not copied). */
      readonly json: Uint8Array;
      readonly gzip: Uint8Array | null;
    }
  | {
      readonly status: 'error';
      readonly computed: boolean;
      readonly code: AnalysisErrorCode;
      readonly details: unknown;
    };

let entries = new LruCache<string, VersionEntry>(DEFAULT_VERSIONS_KEPT);

function keep(capacity: number | undefined): void {
  if (capacity === undefined || capacity === entries.capacity) return;
  const resized = new LruCache<string, VersionEntry>(Math.max(1, Math.floor(capacity)));
  for (const [key, value] of entries.entries()) resized.set(key, value);
  entries = resized;
}

/** Runs in the analysis thread (or in-process under tests): see the module comment. */
export async function runAnalysisTask(input: AnalysisTaskInput): Promise<AnalysisTaskOutput> {
  keep(input.capacity);
  let entry = entries.get(input.key);
  let computed = false;
  if (entry === undefined) {
    if (input.load === undefined) return { status: 'missing' };
    const { filesJson, number, created, today } = input.load;
    const files = modelFilesSchema.parse(JSON.parse(new TextDecoder().decode(filesJson)));
    entry = versionEntry(computeVersionCore(files, { today }), { number, created });
    if (input.keep !== false) entries.set(input.key, entry);
    computed = true;
  }
  if (input.query === undefined) return { status: 'loaded', computed };
  try {
    const json = new TextEncoder().encode(
      JSON.stringify(await answerQuery(entry, localeOf(entry, input.locale), input.query)),
    );
    const gzip = json.byteLength < GZIP_MIN_BYTES ? null : ownedBytes(gzipSync(json, { level: 6 }));
    return { status: 'ok', computed, json, gzip };
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return { status: 'error', computed, code: error.code, details: error.details ?? null };
  }
}

/** `model` as the language the version's model names (no parse: the thread holds it loaded). */
function localeOf(entry: VersionEntry, locale: AnswerLocale): Locale {
  return locale === 'model' ? (entry.core.load.model.organisation?.locale ?? 'en') : locale;
}

/** Versions this thread holds (tests). */
export function heldVersions(): number {
  return entries.size;
}
