/**
 * API views of the analyses (the shapes of `api/types.ts`): entity references, findings with
 * their decisions and references, attack paths, choke points, hygiene chapters and the summary
 * of a version. Pure.
 */
import type { AttackPath, ChokePoint } from '../../design/attack/analyze-paths.js';
import { HYGIENE_CHAPTERS } from '../../design/cp1/index.js';
import type { Finding } from '../../design/findings.js';
import { SEVERITIES } from '../../design/findings.js';
import {
  countRootCausesBySeverity,
  groupRootCauses,
  rootCauseId,
} from '../../design/root-causes.js';
import type { RuleReferences } from '../../design/rule.js';
import { referenceHref, referenceInlines } from '../../documents/analysis-report/vocabulary.js';
import type { Inline } from '../../documents/model.js';
import { nameOf, type EntityKind as ModelEntityKind } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { zoneOf } from '../../model/predicates.js';
import type {
  AnalysisSummary,
  AttackPathView,
  ChokePointView,
  EntityKind,
  EntityRef,
  FindingDetailResponse,
  FindingView,
  HygieneChapterView,
  ModelCounts,
  ReferenceView,
  SeverityCounts,
} from '../api/types.js';
import type { VersionAnalysis } from './compute.js';
import { countEntities } from '../models/validation.js';

/** The API's (plural) kind of each model entity kind. */
export const API_KIND: Readonly<Record<ModelEntityKind, EntityKind>> = {
  site: 'sites',
  zone: 'zones',
  asset: 'assets',
  data: 'data',
  flow: 'flows',
  identity: 'identities',
  process: 'processes',
  backup: 'backups',
  measure: 'measures',
  decision: 'decisions',
};

/** A reference to any id: a model entity, else the organisation (name as known, or the id). */
export function refOf(graph: ModelGraph, id: string): EntityRef {
  const node = graph.get(id);
  if (node !== undefined) {
    return { kind: API_KIND[node.kind], id, name: nameOf(node.entity) };
  }
  const organisation = graph.model.organisation;
  if (id === '$organisation' || (organisation !== undefined && id === organisation.id)) {
    return { kind: 'organisation', id: organisation?.id ?? id, name: organisation?.name ?? id };
  }
  return { kind: 'organisation', id, name: id };
}

/** References to the ids that name a model entity (dangling ones are left out). */
export function refsOf(graph: ModelGraph, ids: Iterable<string>): EntityRef[] {
  const result: EntityRef[] = [];
  for (const id of ids) if (graph.has(id)) result.push(refOf(graph, id));
  return result;
}

/**
 * Where a finding is: the zone of its first subject that sits in one (a zone itself, an asset's
 * zone or its host's, a flow's source then destination) and that subject's site (else the first
 * site among the subjects). For the zone and site filters of the findings list.
 */
export function placeOf(
  graph: ModelGraph,
  subjects: readonly string[],
): { zone: string | undefined; site: string | undefined } {
  const endpoints = subjects.flatMap((id) => {
    const flow = graph.flow(id);
    return flow === undefined ? [id] : [id, flow.from, flow.to];
  });
  for (const id of endpoints) {
    const zone = zoneOf(graph, id);
    if (zone === undefined) continue;
    return { zone: zone.id, site: graph.siteOfAsset(id) ?? graph.siteOfZone(zone.id) };
  }
  for (const id of endpoints) {
    if (graph.site(id) !== undefined) return { zone: undefined, site: id };
    const site = graph.siteOfAsset(id);
    if (site !== undefined) return { zone: undefined, site };
  }
  return { zone: undefined, site: undefined };
}

export function findingView(analysis: VersionAnalysis, finding: Finding): FindingView {
  const { graph } = analysis.load;
  const decision = finding.decision;
  const place = placeOf(graph, finding.subjects);
  return {
    id: finding.id,
    ruleId: finding.ruleId,
    family: finding.family,
    severity: finding.severity,
    likelihood: finding.likelihood,
    impact: finding.impact,
    title: finding.title,
    status: finding.status,
    subjects: finding.subjects.map((id) => refOf(graph, id)),
    zone: place.zone === undefined ? null : refOf(graph, place.zone),
    site: place.site === undefined ? null : refOf(graph, place.site),
    rootCause: { id: rootCauseId(finding.rootCause), subject: refOf(graph, finding.rootCause) },
    decision:
      decision === undefined
        ? null
        : {
            id: decision.id,
            status: decision.status,
            justification: decision.justification,
            owner: decision.owner ?? null,
            date: decision.date ?? null,
            reviewDate: decision.reviewDate ?? null,
            expired: decision.expired,
          },
  };
}

const inlineText = (inline: Inline): string => (typeof inline === 'string' ? inline : inline.text);

/**
 * A rule's references as labels with links, written the way the analysis report cites them
 * (ANSSI guide and recommendation, ISO 27002 control, CWE, ATT&CK), one entry per reference.
 */
export function referenceViews(
  references: RuleReferences,
  locale: VersionAnalysis['locale'],
): ReferenceView[] {
  const result: ReferenceView[] = [];
  for (const anssi of references.anssi) {
    const inlines = referenceInlines({ anssi: [anssi] }, locale);
    const link = inlines.find(
      (inline): inline is Extract<Inline, { kind: 'link' }> =>
        typeof inline !== 'string' && inline.kind === 'link',
    );
    result.push({ label: inlines.map(inlineText).join(''), url: link?.href ?? null });
  }
  for (const control of references.iso27002 ?? [])
    result.push({ label: `ISO/IEC 27002 ${control}`, url: null });
  for (const id of [...(references.cwe ?? []), ...(references.attack ?? [])])
    result.push({ label: id, url: referenceHref(id) ?? null });
  return result;
}

export function findingDetail(
  analysis: VersionAnalysis,
  finding: Finding,
): FindingDetailResponse['finding'] {
  const rule = analysis.rules.get(finding.ruleId);
  const locale = analysis.locale;
  return {
    ...findingView(analysis, finding),
    detail: finding.detail,
    remediation: finding.remediation,
    rationale: rule?.rationale[locale] ?? '',
    falsePositives: rule?.falsePositives?.[locale] ?? '',
    references: referenceViews(finding.references, locale),
  };
}

/** A URL-safe id, unique in a version: the target's id and the path's rank for that target. */
export const pathId = (path: Pick<AttackPath, 'target' | 'rank'>): string =>
  `${path.target}.${String(path.rank)}`;

export function attackPathView(analysis: VersionAnalysis, path: AttackPath): AttackPathView {
  const { graph } = analysis.load;
  const locale = analysis.locale;
  const source = analysis.input?.attack?.sources.find((s) => s.id === path.source);
  return {
    id: pathId(path),
    source: { id: path.source, name: source?.label[locale] ?? path.source },
    target: refOf(graph, path.target),
    rank: path.rank,
    score: path.score,
    steps: path.steps.map((step) => ({
      to: graph.has(step.to) ? refOf(graph, step.to) : null,
      technique: `${step.technique.id} ${step.technique.name}`,
      explanation: step.explanation[locale],
      probability: step.probability,
    })),
  };
}

export function chokePointView(analysis: VersionAnalysis, choke: ChokePoint): ChokePointView {
  const { graph } = analysis.load;
  const locale = analysis.locale;
  return {
    id: choke.id,
    kind: choke.kind,
    entity: graph.has(choke.entity) ? refOf(graph, choke.entity) : null,
    action: choke.action[locale],
    cost: choke.cost,
    explanation: choke.explanation[locale],
    targets: choke.targets,
    pathsCut: choke.pathsCut,
    overall: choke.overall,
  };
}

/** Implemented / applicable hygiene measures per chapter of the guide. */
export function hygieneViews(analysis: VersionAnalysis): HygieneChapterView[] {
  const items = analysis.input?.baseline.items ?? [];
  return HYGIENE_CHAPTERS.map((chapter) => {
    const own = items.filter((item) => item.measure.chapter === chapter.id);
    const applicable = own.filter((item) => item.effective !== 'not-applicable').length;
    const implemented = own.filter((item) => item.effective === 'implemented').length;
    return {
      chapter: chapter.id,
      title: chapter.title[analysis.locale],
      implemented,
      applicable,
      score: applicable === 0 ? 0 : Math.round((100 * implemented) / applicable),
    };
  });
}

export function modelCounts(analysis: VersionAnalysis): ModelCounts {
  return countEntities(analysis.load.model);
}

/** The trend point of a version. */
export function summaryOf(
  analysis: VersionAnalysis,
  version: { readonly number: number; readonly created: string },
): AnalysisSummary {
  const findings = analysis.input?.findings ?? [];
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
    (typeof SEVERITIES)[number],
    number
  >;
  let decided = 0;
  const causes = groupRootCauses(findings);
  for (const finding of findings) {
    if (finding.status === 'open') open[finding.severity] += 1;
    else decided += 1;
  }
  return {
    version: version.number,
    created: version.created,
    open: open satisfies SeverityCounts,
    decided,
    total: findings.length,
    rootCauses: { total: causes.length, open: countRootCausesBySeverity(causes) },
    hygieneScore: analysis.input?.baseline.score.percent ?? 0,
    attackPaths: analysis.input?.attack?.paths.length ?? 0,
    counts: modelCounts(analysis),
    modelLocale: analysis.load.model.organisation?.locale ?? null,
  };
}
