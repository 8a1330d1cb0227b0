/**
 * Loss of a site's Internet link (cable cut, operator outage): from the site, the cloud and
 * Internet services it uses are out of reach, and the site's own assets that talk to the Internet
 * (serve it or call it) are cut off. The links between sites are assumed to run over it (a
 * site-to-site VPN, the usual case of the organisations Vigie models): the services of the other
 * sites used from this one are out of its reach, and the site's services used from the other
 * sites are out of theirs. Remote services used from the site are those of a cloud or SaaS kind,
 * in a cloud or Internet zone, or on another site, that a flow from the site (an asset on it or
 * one of its zones) reaches. They are listed as lost: lost for the site, not for everyone.
 * Nothing is destroyed: everything comes back when the link does, after a time
 * assumed to be one day (an operator's usual repair commitment), all together — no recovery team
 * is needed. A site with a redundant link (`network.redundant`, or two operators in
 * `network.providers`) absorbs the loss: nothing is lost.
 */
import { CLOUD_SERVICE_KINDS } from '../../domain/model/index.js';
import { formatDuration } from '../../domain/duration.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { isInZoneKind, label } from '../../model/predicates.js';
import type { LostAsset, ScenarioDefinition, ScenarioAssumption } from './types.js';

/** Time assumed for the operator to restore a site's link. */
export const DEFAULT_LINK_RESTORE_MINUTES = 24 * 60;

const remote = (graph: ModelGraph, id: string): boolean => {
  const asset = graph.asset(id);
  return (
    asset !== undefined &&
    (CLOUD_SERVICE_KINDS.includes(asset.kind) || isInZoneKind(graph, id, ['cloud', 'internet']))
  );
};

/** True when the site declares a redundant Internet access. */
export function hasRedundantLink(graph: ModelGraph, site: string): boolean {
  const network = graph.site(site)?.network;
  return network?.redundant === true || (network?.providers?.length ?? 0) >= 2;
}

export const link: ScenarioDefinition = {
  kind: 'link',
  title: text('Loss of a site’s Internet link', 'Perte du lien Internet d’un site'),
  models: text(
    'A site loses its Internet link: the cloud, Internet and other sites’ services it uses are out of reach from it, and its services used from the Internet or the other sites are cut off, until the link is restored.',
    'Un site perd son lien Internet : les services cloud, Internet et des autres sites qu’il utilise lui sont inaccessibles, et ses services utilisés depuis Internet ou les autres sites sont coupés, jusqu’au rétablissement du lien.',
  ),
  target: 'required',
  targetWord: text('site', 'site'),
  titleOf: (target, name) =>
    text(
      `Loss of the Internet link of ${name(target ?? '')}`,
      `Perte du lien Internet de ${name(target ?? '')}`,
    ),
  strike(graph, target) {
    if (target === undefined || graph.site(target) === undefined)
      return {
        error: text(
          `link: ${target ?? '(none)'} is not a site of the model.`,
          `link : ${target ?? '(aucun)'} n'est pas un site du modèle.`,
        ),
      };
    const name = label(graph, target);
    if (hasRedundantLink(graph, target))
      return {
        lost: [],
        destroyed: new Set(),
        lostBackups: new Map(),
        assumptions: [
          {
            subject: target,
            message: text(
              `${name} has a redundant Internet link: losing one is absorbed by the other.`,
              `${name} a un lien Internet redondant : la perte de l’un est absorbée par l’autre.`,
            ),
          },
        ],
      };
    const onSite = new Set(
      graph.model.assets.filter((a) => graph.siteOfAsset(a.id) === target).map((a) => a.id),
    );
    const siteZones = new Set(
      graph.model.zones.filter((z) => graph.siteOfZone(z.id) === target).map((z) => z.id),
    );
    const local = (id: string): boolean => onSite.has(id) || siteZones.has(id);
    const found = new Set<string>();
    const members = new Map<string, readonly string[]>();
    const assetsAt = (endpoint: string): readonly string[] => {
      let list = members.get(endpoint);
      if (list === undefined) {
        list = graph.asset(endpoint) !== undefined ? [endpoint] : graph.assetsOfZone(endpoint);
        members.set(endpoint, list);
      }
      return list;
    };
    const siteOf = (id: string): string | undefined =>
      graph.asset(id) !== undefined ? graph.siteOfAsset(id) : graph.siteOfZone(id);
    const elsewhere = (id: string): boolean => {
      const site = siteOf(id);
      return site !== undefined && site !== target;
    };
    const internet = (id: string): boolean => isInZoneKind(graph, id, ['internet']);
    const reach = (from: string, to: string): void => {
      if (local(from)) {
        // used from the site: cloud and Internet services, and services of the other sites
        for (const id of assetsAt(to))
          if (!onSite.has(id) && (remote(graph, id) || elsewhere(id))) found.add(id);
        // calling the Internet from the site
        if (internet(to)) for (const id of assetsAt(from)) if (onSite.has(id)) found.add(id);
      } else if (local(to) && (internet(from) || elsewhere(from))) {
        // served from the site to the Internet or to the other sites
        for (const id of assetsAt(to)) if (onSite.has(id)) found.add(id);
      }
    };
    for (const flow of graph.model.flows) {
      reach(flow.from, flow.to);
      if (flow.bidirectional === true) reach(flow.to, flow.from);
    }
    const ids = [...found].sort();
    const lost: LostAsset[] = ids.map((asset) => ({ asset, cause: 'link', via: target }));
    const durations: Record<string, number> = {};
    const actions = new Map<string, LocalizedText>();
    for (const id of ids) {
      durations[id] = DEFAULT_LINK_RESTORE_MINUTES;
      actions.set(
        id,
        onSite.has(id)
          ? text(
              `Get the Internet link of ${name} restored by the operator: ${label(graph, id)} reaches the Internet again`,
              `Faire rétablir le lien Internet de ${name} par l’opérateur : ${label(graph, id)} joint de nouveau Internet`,
            )
          : text(
              `Get the Internet link of ${name} restored by the operator: ${label(graph, id)} is reachable again from the site`,
              `Faire rétablir le lien Internet de ${name} par l’opérateur : ${label(graph, id)} est de nouveau joignable depuis le site`,
            ),
      );
    }
    const assumptions: ScenarioAssumption[] = [
      {
        subject: target,
        message: text(
          `The Internet link of ${name} is assumed restored in ${formatDuration(DEFAULT_LINK_RESTORE_MINUTES)}; everything it cut comes back with it.`,
          `Le lien Internet de ${name} est supposé rétabli en ${formatDuration(DEFAULT_LINK_RESTORE_MINUTES)} ; tout ce qu’il coupait revient avec lui.`,
        ),
      },
    ];
    return {
      lost,
      destroyed: new Set(),
      lostBackups: new Map(),
      durations,
      precedences: [],
      teams: Math.max(1, ids.length),
      actions,
      assumptions,
    };
  },
};
