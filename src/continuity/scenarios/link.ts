/**
 * Loss of a site's Internet link (cable cut, operator outage): what crosses the link stops.
 * The links between sites are assumed to run over it (a site-to-site VPN, the usual case of the
 * organisations Vigie models); sites are connected by the flows between their assets and zones.
 * For each flow crossing the link (one end on the site — an asset on it or one of its zones — the
 * other beyond it: the Internet, a cloud or SaaS service, another site):
 * - called from the site: the site's assets making the call (its users, its services) lose what
 *   they call — they are unusable (cause `link`, via the service they lose); the remote service
 *   itself keeps running for everyone else and is not lost;
 * - called from another site: that site's assets making the call lose the site's service;
 * - called from the Internet or the cloud: the site's service is cut off from them.
 * Flows that are not the use of a service (the VPN tunnel itself, backup copies, remote
 * administration or support, infrastructure plumbing such as logs, time or monitoring) make
 * nothing unusable. A process is impacted when it rests on one of those assets. Nothing is destroyed: everything
 * comes back when the link does, after a time assumed to be one day (an operator's usual repair
 * commitment), all together — no recovery team is needed. A site with a redundant link
 * (`network.redundant`, or two operators in `network.providers`) absorbs the loss: nothing is
 * lost.
 */
import { CLOUD_SERVICE_KINDS } from '../../domain/model/index.js';
import { formatDuration } from '../../domain/duration.js';
import { protocolInfo, type ProtocolFamily } from '../../domain/model/protocol.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { isInZoneKind, label } from '../../model/predicates.js';
import type { LostAsset, ScenarioDefinition, ScenarioAssumption } from './types.js';

/** How a link loss cuts an asset: it calls what is beyond the link, or is called from there. */
type Cut = 'calls' | 'served';

/** Flow families that are not the use of a service: losing them makes no asset unusable. */
const NOT_USE: ReadonlySet<ProtocolFamily> = new Set<ProtocolFamily>([
  'vpn',
  'backup',
  'remote-admin',
  'remote-support',
  'infrastructure',
]);

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
    // an endpoint beyond the link: the Internet, a cloud or SaaS service, another site
    const beyond = (id: string): boolean =>
      internet(id) ||
      elsewhere(id) ||
      (graph.asset(id) !== undefined
        ? remote(graph, id)
        : assetsAt(id).some((a) => remote(graph, a)));
    const otherSite = (id: string): boolean => elsewhere(id) && !internet(id) && !remote(graph, id);
    /** Unusable asset → what it cannot reach (or be reached from) any more, and how. */
    const cut = new Map<string, { readonly other: string; readonly kind: Cut }>();
    const mark = (ids: readonly string[], other: string, kind: Cut): void => {
      for (const id of ids) if (!cut.has(id)) cut.set(id, { other, kind });
    };
    const otherName = (endpoint: string): string => {
      const offSite = assetsAt(endpoint).find((a) => !onSite.has(a));
      return offSite ?? endpoint;
    };
    const reach = (from: string, to: string): void => {
      if (local(from) && !local(to) && beyond(to)) {
        // the site's users and services lose what they call beyond the link
        mark(
          assetsAt(from).filter((id) => onSite.has(id)),
          otherName(to),
          'calls',
        );
      } else if (local(to) && !local(from) && beyond(from)) {
        const service = assetsAt(to).find((id) => onSite.has(id)) ?? to;
        if (otherSite(from))
          // another site's users lose the site's service they call
          mark(
            assetsAt(from).filter((id) => !onSite.has(id)),
            service,
            'calls',
          );
        // the site's service is cut off from the Internet or the cloud calling it
        else
          mark(
            assetsAt(to).filter((id) => onSite.has(id)),
            otherName(from),
            'served',
          );
      }
    };
    for (const flow of graph.model.flows) {
      // the tunnel itself, copies, administration and plumbing (logs, time, monitoring) cut
      // across the link make nothing unusable
      if (NOT_USE.has(protocolInfo(flow.protocol).family)) continue;
      reach(flow.from, flow.to);
      if (flow.bidirectional === true) reach(flow.to, flow.from);
    }
    const ids = [...cut.keys()].sort();
    const lost: LostAsset[] = ids.map((asset) => ({
      asset,
      cause: 'link',
      via: cut.get(asset)?.other ?? target,
    }));
    const durations: Record<string, number> = {};
    const actions = new Map<string, LocalizedText>();
    for (const id of ids) {
      durations[id] = DEFAULT_LINK_RESTORE_MINUTES;
      const { other, kind } = cut.get(id) ?? { other: target, kind: 'calls' as Cut };
      const otherLabel = label(graph, other);
      actions.set(
        id,
        kind === 'calls'
          ? text(
              `Get the Internet link of ${name} restored by the operator: ${label(graph, id)} reaches ${otherLabel} again`,
              `Faire rétablir le lien Internet de ${name} par l’opérateur : ${label(graph, id)} joint de nouveau ${otherLabel}`,
            )
          : text(
              `Get the Internet link of ${name} restored by the operator: ${label(graph, id)} is reachable again from ${otherLabel}`,
              `Faire rétablir le lien Internet de ${name} par l’opérateur : ${label(graph, id)} est de nouveau joignable depuis ${otherLabel}`,
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
      {
        subject: target,
        message: text(
          `The off-site services themselves keep running for the other sites: a process is impacted when it rests on an asset that loses them (its users on ${name}, or another site's users of ${name}'s services).`,
          `Les services hors du site continuent de fonctionner pour les autres sites : un processus est touché quand il repose sur un actif qui les perd (ses utilisateurs sur ${name}, ou les utilisateurs d’un autre site des services de ${name}).`,
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
