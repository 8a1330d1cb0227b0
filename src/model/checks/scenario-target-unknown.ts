import type { CheckHit, ModelCheck } from './check.js';

const same = (a: string | undefined, b: string): boolean =>
  a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Whether the target of a saved scenario is in the model, by kind: a site (site-loss, link), an
 * asset (ransomware), an asset or the provider of one (provider), a third party, a supplier,
 * contractor or provider contact or the provider of an asset (supplier), a directory asset
 * (directory). Mirrors the targets `src/continuity/scenarios` accepts.
 */
function known(graph: Parameters<ModelCheck['run']>[0], kind: string, target: string): boolean {
  const { model } = graph;
  const isProvider = model.assets.some((a) => same(a.provider, target));
  switch (kind) {
    case 'site-loss':
    case 'link':
      return graph.site(target) !== undefined;
    case 'ransomware':
      return graph.asset(target) !== undefined;
    case 'provider':
      return graph.asset(target) !== undefined || isProvider;
    case 'supplier':
      return (
        isProvider ||
        model.identities.some(
          (i) =>
            i.kind === 'third-party' &&
            (i.id === target || same(i.name, target) || same(i.company, target)),
        ) ||
        (model.organisation?.continuity?.contacts ?? []).some(
          (c) => ['supplier', 'contractor', 'provider'].includes(c.kind) && same(c.name, target),
        )
      );
    case 'directory':
      return graph.asset(target) !== undefined;
    default:
      return true;
  }
}

export const scenarioTargetUnknown: ModelCheck = {
  id: 'scenario-target-unknown',
  severity: 'error',
  message: 'diag.scenario-target-unknown',
  description:
    'A saved disaster scenario names a site, asset, provider or supplier the model does not declare.',
  run(graph) {
    const hits: CheckHit[] = [];
    const scenarios = graph.model.organisation?.continuity?.scenarios ?? [];
    scenarios.forEach((saved, index) => {
      const colon = saved.scenario.indexOf(':');
      if (colon < 0) return;
      const kind = saved.scenario.slice(0, colon);
      const target = saved.scenario.slice(colon + 1);
      if (!known(graph, kind, target))
        hits.push({
          entity: '$organisation',
          path: ['continuity', 'scenarios', index, 'scenario'],
          params: { scenario: saved.id, kind, target },
        });
    });
    return hits;
  },
};
