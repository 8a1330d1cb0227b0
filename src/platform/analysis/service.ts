/**
 * The per-version analysis service behind the analysis API. Versions are immutable, so what is
 * computed for (workspace, version, locale, today) never goes stale: an LRU keeps the last
 * computed analyses with their serialised responses, concurrent requests for the same key share
 * one computation, and a warm request is a map lookup returning a prebuilt JSON string.
 * `today` is part of the key so that a risk decision reaching its review date reopens the next day.
 */
import { createDiagramProvider } from '../../diagrams/provider.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import type { Locale } from '../../i18n/index.js';
import type {
  AnalysisSummary,
  ArchitectureDiagramResponse,
  DiagramResponse,
} from '../api/types.js';
import type { Store } from '../store/index.js';
import { computeVersionAnalysis, type VersionAnalysis } from './compute.js';
import { type ListKind } from './entities.js';
import {
  attackPathsResponse,
  entityDetailResponse,
  entityListResponse,
  findingDetailResponse,
  findingsResponse,
  sortKeysOf,
  type EntityQuery,
  type FindingsFilter,
} from './responses.js';
import { LruCache } from './lru.js';
import { attackPathView, hygieneViews, pathId, summaryOf } from './views.js';

/** Why a request cannot be answered; the server maps codes to HTTP statuses. */
export class AnalysisError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_model' | 'bad_request',
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AnalysisError';
  }
}

export interface AnalysisServiceOptions {
  /** Analyses kept in memory (default 32). */
  readonly capacity?: number;
  /** Today's ISO date (default: the real date, read at each request). */
  readonly today?: () => string;
  /** Serialised responses kept per analysis (default 256; the filters make many). */
  readonly responsesPerEntry?: number;
  /**
   * Time a dashboard request may spend computing missing trend points (default 2 s); the rest
   * are computed in the background and the dashboard shows them once stored.
   */
  readonly trendBudgetMs?: number;
}

interface Entry {
  readonly number: number;
  readonly created: string;
  readonly analysis: VersionAnalysis;
  readonly responses: Map<string, Promise<string>>;
  diagrams?: DiagramProvider;
}

/** The trend shown on the dashboard: at most this many latest versions. */
export const TREND_LENGTH = 20;
/** Attack paths on the dashboard. */
export const TOP_PATHS = 5;

const realToday = (): string => new Date().toISOString().slice(0, 10);

const ZONES_VIEW_LABEL = { en: 'Zones overview', fr: 'Vue d’ensemble des zones' } as const;
const SITE_LABEL = { en: 'Site: ', fr: 'Site : ' } as const;
const ZONE_LABEL = { en: 'Zone: ', fr: 'Zone : ' } as const;

export type AnalysisService = ReturnType<typeof createAnalysisService>;

export function createAnalysisService(store: Store, options: AnalysisServiceOptions = {}) {
  const cache = new LruCache<string, Promise<Entry>>(options.capacity ?? 32);
  const today = options.today ?? realToday;
  const responsesPerEntry = options.responsesPerEntry ?? 256;
  const trendBudgetMs = options.trendBudgetMs ?? 2000;
  const summaries = new Map<string, Promise<AnalysisSummary | undefined>>();
  const stats = { computations: 0, hits: 0 };

  const compute = (files: Readonly<Record<string, string>>, locale: Locale, day: string) => {
    stats.computations += 1;
    return computeVersionAnalysis(files, { locale, today: day });
  };

  /** The analysis of a version (computed once per key; a missing version is not cached). */
  function entry(workspaceId: string, number: number, locale: Locale): Promise<Entry> {
    const day = today();
    const key = `${workspaceId}|${String(number)}|${locale}|${day}`;
    const cached = cache.get(key);
    if (cached !== undefined) {
      stats.hits += 1;
      return cached;
    }
    const promise = (async (): Promise<Entry> => {
      const version = await store.versions.get(workspaceId, number);
      if (version === undefined) throw new AnalysisError('not_found');
      // let the event loop answer other requests before a long synchronous computation
      await new Promise((resolve) => setImmediate(resolve));
      return {
        number,
        created: version.createdAt,
        analysis: compute(version.files, locale, day),
        responses: new Map(),
      };
    })();
    cache.set(key, promise);
    promise.catch(() => {
      if (cache.get(key) === promise) cache.delete(key);
    });
    return promise;
  }

  /** A serialised response, built once per analysis and response key. */
  function memo(target: Entry, key: string, build: () => unknown): Promise<string> {
    const known = target.responses.get(key);
    if (known !== undefined) return known;
    if (target.responses.size >= responsesPerEntry) target.responses.clear();
    const promise = Promise.resolve()
      .then(build)
      .then((value) => JSON.stringify(value));
    target.responses.set(key, promise);
    promise.catch(() => target.responses.delete(key));
    return promise;
  }

  function requireValid(target: Entry): NonNullable<VersionAnalysis['input']> {
    const { analysis } = target;
    if (analysis.input === undefined) {
      throw new AnalysisError('invalid_model', {
        errors: analysis.errors,
        diagnostics: analysis.diagnostics,
      });
    }
    return analysis.input;
  }

  function diagramsOf(target: Entry): DiagramProvider {
    const input = requireValid(target);
    target.diagrams ??= createDiagramProvider(input);
    return target.diagrams;
  }

  /** The stored summary of a version, else computed (without filling the LRU) and stored. */
  function summary(
    workspaceId: string,
    number: number,
    locale: Locale,
  ): Promise<AnalysisSummary | undefined> {
    const key = `${workspaceId}|${String(number)}|${locale}`;
    const known = summaries.get(key);
    if (known !== undefined) return known;
    const promise = (async (): Promise<AnalysisSummary | undefined> => {
      const stored = await store.analyses.get(workspaceId, number, locale);
      if (stored !== undefined) return stored.summary as AnalysisSummary;
      const version = await store.versions.get(workspaceId, number);
      if (version === undefined) return undefined;
      await new Promise((resolve) => setImmediate(resolve));
      const result = summaryOf(compute(version.files, locale, today()), {
        number,
        created: version.createdAt,
      });
      await store.analyses.put(workspaceId, number, locale, result);
      return result;
    })();
    summaries.set(key, promise);
    // only in-flight work is shared; the table is the lasting copy
    void promise.finally(() => summaries.delete(key)).catch(() => undefined);
    return promise;
  }

  /**
   * The trend ending at `latest`: stored points, plus missing ones computed within the time
   * budget; `complete` is false while some are still being computed in the background.
   */
  async function trendOf(
    workspaceId: string,
    latest: Entry,
    locale: Locale,
  ): Promise<{ points: AnalysisSummary[]; complete: boolean }> {
    const own = summaryOf(latest.analysis, { number: latest.number, created: latest.created });
    const from = Math.max(1, latest.number - TREND_LENGTH + 1);
    const stored = new Map(
      (await store.analyses.list(workspaceId, { locale, from, to: latest.number })).map((s) => [
        s.number,
        s.summary as AnalysisSummary,
      ]),
    );
    if (!stored.has(latest.number))
      await store.analyses.put(workspaceId, latest.number, locale, own);
    const started = Date.now();
    const points: AnalysisSummary[] = [];
    const pending: number[] = [];
    for (let number = latest.number - 1; number >= from; number -= 1) {
      const known = stored.get(number);
      if (known !== undefined) points.push(known);
      else if (pending.length === 0 && Date.now() - started < trendBudgetMs) {
        const point = await summary(workspaceId, number, locale);
        if (point !== undefined) points.push(point);
      } else pending.push(number);
    }
    if (pending.length > 0) {
      // newest first, one at a time, so that requests are served in between
      void (async () => {
        for (const number of pending) await summary(workspaceId, number, locale);
      })().catch(() => undefined);
    }
    points.reverse().push(own);
    return { points, complete: pending.length === 0 };
  }

  async function json(
    workspaceId: string,
    number: number,
    locale: Locale,
    key: string,
    build: (target: Entry) => unknown,
  ): Promise<string> {
    const target = await entry(workspaceId, number, locale);
    return memo(target, key, () => build(target));
  }

  return {
    stats,

    /**
     * The cached part of the dashboard as JSON members (`"latest":…,"trend":…`, no braces):
     * the caller adds the workspace and the documents, which change without a new version.
     */
    async dashboardMembers(
      workspaceId: string,
      latest: number | null,
      locale: Locale,
    ): Promise<string> {
      if (latest === null) {
        return '"latest":null,"trend":[],"topPaths":[],"hygiene":[],"validation":{"errors":0,"warnings":0}';
      }
      const target = await entry(workspaceId, latest, locale);
      const build = async (): Promise<{ value: unknown; complete: boolean }> => {
        const { analysis } = target;
        const trend = await trendOf(workspaceId, target, locale);
        return {
          complete: trend.complete,
          value: {
            latest: trend.points.at(-1) ?? null,
            trend: trend.points,
            topPaths: (analysis.input?.attack?.paths ?? [])
              .slice(0, TOP_PATHS)
              .map((path) => attackPathView(analysis, path)),
            hygiene: hygieneViews(analysis),
            validation: { errors: analysis.errors, warnings: analysis.warnings },
          },
        };
      };
      let body = target.responses.get('dashboard');
      if (body === undefined) {
        const building = build();
        body = building.then((built) => JSON.stringify(built.value));
        target.responses.set('dashboard', body);
        // an incomplete trend is rebuilt at the next request, until every point is stored
        const shared = body;
        void building
          .then(
            (built) => built.complete,
            () => false,
          )
          .then((complete) => {
            if (!complete && target.responses.get('dashboard') === shared)
              target.responses.delete('dashboard');
          });
      }
      return (await body).slice(1, -1);
    },

    findings(
      workspaceId: string,
      number: number,
      locale: Locale,
      filter: FindingsFilter,
    ): Promise<string> {
      const key = `findings|${JSON.stringify([filter.severity, filter.status, filter.family, filter.subject, filter.q])}`;
      return json(workspaceId, number, locale, key, (target) => {
        requireValid(target);
        return findingsResponse(target.analysis, number, filter);
      });
    },

    finding(workspaceId: string, number: number, locale: Locale, id: string): Promise<string> {
      return json(workspaceId, number, locale, `finding|${id}`, (target) => {
        requireValid(target);
        const response = findingDetailResponse(target.analysis, id);
        if (response === undefined) throw new AnalysisError('not_found');
        return response;
      });
    },

    attackPaths(
      workspaceId: string,
      number: number,
      locale: Locale,
      target: string | undefined,
    ): Promise<string> {
      return json(workspaceId, number, locale, `paths|${target ?? ''}`, (found) => {
        requireValid(found);
        return attackPathsResponse(found.analysis, number, target);
      });
    },

    attackPathDiagram(
      workspaceId: string,
      number: number,
      locale: Locale,
      id: string,
    ): Promise<string> {
      return json(workspaceId, number, locale, `path-diagram|${id}`, async (target) => {
        const input = requireValid(target);
        const path = (input.attack?.paths ?? []).find((p) => pathId(p) === id);
        if (path === undefined) throw new AnalysisError('not_found');
        const diagram = await diagramsOf(target).attackPath(path);
        return {
          svg: diagram.svg,
          width: diagram.width,
          height: diagram.height,
        } satisfies DiagramResponse;
      });
    },

    architectureDiagram(
      workspaceId: string,
      number: number,
      locale: Locale,
      view: string,
    ): Promise<string> {
      return json(workspaceId, number, locale, `diagram|${view}`, async (target) => {
        requireValid(target);
        const { model } = target.analysis.load;
        const views = [
          { view: 'zones', label: ZONES_VIEW_LABEL[locale] },
          ...model.sites.map((s) => ({
            view: `site:${s.id}`,
            label: `${SITE_LABEL[locale]}${s.name ?? s.id}`,
          })),
          ...model.zones.map((z) => ({
            view: `zone:${z.id}`,
            label: `${ZONE_LABEL[locale]}${z.name ?? z.id}`,
          })),
        ];
        if (!views.some((v) => v.view === view)) {
          throw new AnalysisError('bad_request', {
            view,
            expected: 'zones | site:<id> | zone:<id>',
            views: views.map((v) => v.view),
          });
        }
        const [scope, id = ''] = view.split(/:(.*)/s);
        const diagram = await diagramsOf(target).zones(
          scope === 'site' ? { siteId: id } : scope === 'zone' ? { zoneId: id } : {},
        );
        return {
          view,
          views,
          svg: diagram.svg,
          width: diagram.width,
          height: diagram.height,
        } satisfies ArchitectureDiagramResponse;
      });
    },

    entities(
      workspaceId: string,
      number: number,
      locale: Locale,
      kind: ListKind,
      query: EntityQuery,
    ): Promise<string> {
      if (query.sort !== undefined && !sortKeysOf(kind).includes(query.sort)) {
        return Promise.reject(
          new AnalysisError('bad_request', { sort: query.sort, expected: sortKeysOf(kind) }),
        );
      }
      const key = `entities|${kind}|${JSON.stringify([query.q, query.zone, query.site, query.sort, query.dir])}`;
      return json(workspaceId, number, locale, key, (target) =>
        entityListResponse(target.analysis, number, kind, query),
      );
    },

    entity(
      workspaceId: string,
      number: number,
      locale: Locale,
      kind: ListKind,
      id: string,
    ): Promise<string> {
      return json(workspaceId, number, locale, `entity|${kind}|${id}`, (target) => {
        const response = entityDetailResponse(target.analysis, number, kind, id);
        if (response === undefined) throw new AnalysisError('not_found');
        return response;
      });
    },
  };
}
