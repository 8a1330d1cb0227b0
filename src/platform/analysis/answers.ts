/**
 * The analysis API's answers as data: a query (plain, structured-clonable: it crosses to the
 * analysis thread) and the function building its value from a version's analyses. Pure apart
 * from the diagrams, which are laid out asynchronously (elkjs).
 */
import { createDiagramProvider } from '../../diagrams/provider.js';
import { nameOf } from '../../domain/model/index.js';
import type { Locale } from '../../i18n/index.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import type {
  AnalysisSummary,
  ArchitectureDiagramResponse,
  AttackPathView,
  DiagramResponse,
  HygieneChapterView,
  ValidationSummary,
} from '../api/types.js';
import { localizeVersion, type VersionAnalysis, type VersionCore } from './compute.js';
import { answerContinuity, continuityQueryKey, type ContinuityQuery } from './continuity.js';
import type { ListKind } from './entities.js';
import {
  attackPathsResponse,
  entityDetailResponse,
  entityListResponse,
  findingDetailResponse,
  findingsResponse,
  type EntityQuery,
  type FindingsFilter,
} from './responses.js';
import { attackPathView, hygieneViews, modelCounts, pathId, summaryOf } from './views.js';

/** Attack paths on the dashboard. */
export const TOP_PATHS = 5;

/** Why a request cannot be answered; the server maps codes to HTTP statuses. */
export type AnalysisErrorCode = 'not_found' | 'invalid_model' | 'bad_request' | 'busy';

export class AnalysisError extends Error {
  constructor(
    readonly code: AnalysisErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AnalysisError';
  }
}

/** One answer of the analysis API, as data. */
export type AnalysisQuery =
  | { readonly kind: 'findings'; readonly filter: FindingsFilter }
  | { readonly kind: 'finding'; readonly id: string }
  | { readonly kind: 'paths'; readonly target: string | undefined }
  | { readonly kind: 'path-diagram'; readonly id: string }
  | { readonly kind: 'diagram'; readonly view: string }
  | { readonly kind: 'entities'; readonly entityKind: ListKind; readonly query: EntityQuery }
  | { readonly kind: 'entity'; readonly entityKind: ListKind; readonly id: string }
  | { readonly kind: 'dashboard' }
  | { readonly kind: 'summary' }
  | { readonly kind: 'validation' }
  | { readonly kind: 'continuity'; readonly query: ContinuityQuery };

/** The version's part of the dashboard (the trend and documents are added by the service). */
export interface DashboardCore {
  readonly summary: AnalysisSummary;
  readonly topPaths: readonly AttackPathView[];
  readonly hygiene: readonly HygieneChapterView[];
  readonly validation: { readonly errors: number; readonly warnings: number };
}

/** A stable text key of a query (filters included), for caches. */
export function queryKey(query: AnalysisQuery): string {
  switch (query.kind) {
    case 'findings': {
      const { severity, status, family, subject, zone, site, q } = query.filter;
      return `findings|${JSON.stringify([severity, status, family, subject, zone, site, q])}`;
    }
    case 'finding':
      return `finding|${query.id}`;
    case 'paths':
      return `paths|${query.target ?? ''}`;
    case 'path-diagram':
      return `path-diagram|${query.id}`;
    case 'diagram':
      return `diagram|${query.view}`;
    case 'entities': {
      const { q, zone, site, sort, dir } = query.query;
      return `entities|${query.entityKind}|${JSON.stringify([q, zone, site, sort, dir])}`;
    }
    case 'entity':
      return `entity|${query.entityKind}|${query.id}`;
    case 'dashboard':
      return 'dashboard';
    case 'summary':
      return 'summary';
    case 'validation':
      return 'validation';
    case 'continuity':
      return `continuity|${continuityQueryKey(query.query)}`;
  }
}

/** The analyses of one version in the analysis thread: computed once, localised on demand. */
export interface VersionEntry {
  readonly number: number;
  readonly created: string;
  readonly core: VersionCore;
  readonly localized: Map<Locale, VersionAnalysis>;
  readonly diagrams: Map<Locale, DiagramProvider>;
}

export function versionEntry(
  core: VersionCore,
  version: { readonly number: number; readonly created: string },
): VersionEntry {
  return { ...version, core, localized: new Map(), diagrams: new Map() };
}

function analysisIn(entry: VersionEntry, locale: Locale): VersionAnalysis {
  let analysis = entry.localized.get(locale);
  if (analysis === undefined) {
    analysis = localizeVersion(entry.core, locale);
    entry.localized.set(locale, analysis);
  }
  return analysis;
}

function requireValid(analysis: VersionAnalysis): NonNullable<VersionAnalysis['input']> {
  if (analysis.input === undefined) {
    throw new AnalysisError('invalid_model', {
      errors: analysis.errors,
      diagnostics: analysis.diagnostics,
    });
  }
  return analysis.input;
}

function diagramsOf(entry: VersionEntry, analysis: VersionAnalysis): DiagramProvider {
  const input = requireValid(analysis);
  let provider = entry.diagrams.get(analysis.locale);
  if (provider === undefined) {
    provider = createDiagramProvider(input);
    entry.diagrams.set(analysis.locale, provider);
  }
  return provider;
}

const ZONES_VIEW_LABEL = { en: 'Zones overview', fr: 'Vue d’ensemble des zones' } as const;
const SITE_LABEL = { en: 'Site: ', fr: 'Site : ' } as const;
const ZONE_LABEL = { en: 'Zone: ', fr: 'Zone : ' } as const;

async function architectureDiagram(
  entry: VersionEntry,
  analysis: VersionAnalysis,
  view: string,
): Promise<ArchitectureDiagramResponse> {
  requireValid(analysis);
  const { locale } = analysis;
  const { model } = analysis.load;
  const views = [
    { view: 'zones', label: ZONES_VIEW_LABEL[locale] },
    ...model.sites.map((s) => ({
      view: `site:${s.id}`,
      label: `${SITE_LABEL[locale]}${nameOf(s)}`,
    })),
    ...model.zones.map((z) => ({
      view: `zone:${z.id}`,
      label: `${ZONE_LABEL[locale]}${nameOf(z)}`,
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
  const diagram = await diagramsOf(entry, analysis).zones(
    scope === 'site' ? { siteId: id } : scope === 'zone' ? { zoneId: id } : {},
  );
  return { view, views, svg: diagram.svg, width: diagram.width, height: diagram.height };
}

/** The value of a query on a version, in one language; throws {@link AnalysisError}. */
export async function answerQuery(
  entry: VersionEntry,
  locale: Locale,
  query: AnalysisQuery,
): Promise<unknown> {
  const analysis = analysisIn(entry, locale);
  const { number } = entry;
  switch (query.kind) {
    case 'findings':
      requireValid(analysis);
      return findingsResponse(analysis, number, query.filter);
    case 'finding': {
      requireValid(analysis);
      const response = findingDetailResponse(analysis, query.id);
      if (response === undefined) throw new AnalysisError('not_found');
      return response;
    }
    case 'paths':
      requireValid(analysis);
      return attackPathsResponse(analysis, number, query.target);
    case 'path-diagram': {
      const input = requireValid(analysis);
      const path = (input.attack?.paths ?? []).find((p) => pathId(p) === query.id);
      if (path === undefined) throw new AnalysisError('not_found');
      const diagram = await diagramsOf(entry, analysis).attackPath(path);
      return {
        svg: diagram.svg,
        width: diagram.width,
        height: diagram.height,
      } satisfies DiagramResponse;
    }
    case 'diagram':
      return architectureDiagram(entry, analysis, query.view);
    case 'entities':
      return entityListResponse(analysis, number, query.entityKind, query.query);
    case 'entity': {
      const response = entityDetailResponse(analysis, number, query.entityKind, query.id);
      if (response === undefined) throw new AnalysisError('not_found');
      return response;
    }
    case 'dashboard':
      return {
        summary: summaryOf(analysis, { number, created: entry.created }),
        topPaths: (analysis.input?.attack?.paths ?? [])
          .slice(0, TOP_PATHS)
          .map((path) => attackPathView(analysis, path)),
        hygiene: hygieneViews(analysis),
        validation: { errors: analysis.errors, warnings: analysis.warnings },
      } satisfies DashboardCore;
    case 'summary':
      return summaryOf(analysis, { number, created: entry.created });
    case 'validation':
      return {
        valid: analysis.errors === 0,
        errors: analysis.errors,
        warnings: analysis.warnings,
        diagnostics: analysis.diagnostics,
        counts: modelCounts(analysis),
      } satisfies ValidationSummary;
    case 'continuity': {
      // the dashboard's summary of a model with errors is null, not an error
      if (analysis.input === undefined && query.query.kind === 'dashboard') return null;
      const input = requireValid(analysis);
      const answer = answerContinuity(
        input.graph,
        { number, today: analysis.today, locale },
        query.query,
      );
      if (!answer.ok) throw new AnalysisError('bad_request', answer.error);
      return answer.value;
    }
  }
}
