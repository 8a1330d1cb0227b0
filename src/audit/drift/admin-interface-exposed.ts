import { protocolInfo, PROTOCOL_REGISTRY, type Asset } from '../../domain/model/index.js';
import { text } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import type { Check, CheckHit } from '../types.js';
import { assetLabel, endpointKey, type DriftView } from './view.js';

type AdminInterface = NonNullable<Asset['adminInterfaces']>[number];

/** The TCP port of an admin interface: its own, else its protocol's first default one. */
function adminPort(admin: AdminInterface): number | undefined {
  if (admin.port !== undefined) return admin.port;
  if (!Object.hasOwn(PROTOCOL_REGISTRY, admin.protocol)) return undefined;
  const info = protocolInfo(admin.protocol as keyof typeof PROTOCOL_REGISTRY);
  return info.ports.find((p) => p.transport === 'tcp')?.port;
}

/** The vantage zone is one the interface may be reached from (itself or an enclosing zone). */
function isAllowedFrom(graph: ModelGraph, admin: AdminInterface, vantage: string): boolean {
  const from = admin.from ?? [];
  return [vantage, ...graph.zoneAncestors(vantage)].some((zone) => from.includes(zone));
}

/** An administration interface answers from a zone the model does not allow it from. */
export const driftAdminInterfaceExposed: Check<DriftView> = {
  id: 'drift-admin-interface-exposed',
  domain: 'drift',
  title: text(
    'Administration interface reachable from a forbidden zone',
    'Interface d’administration joignable depuis une zone non autorisée',
  ),
  description: text(
    'The model restricts an administration interface to some zones (`from`); the audit, run from another zone (the vantage), reached it.',
    'Le modèle restreint une interface d’administration à certaines zones (`from`) ; l’audit, lancé depuis une autre zone (le point d’observation), l’a atteinte.',
  ),
  rationale: text(
    'The filtering the model counts on is missing: anyone in the vantage zone can try credentials or exploit the interface, which gives control of the equipment. High complexity: credentials or a flaw are still needed.',
    'Le filtrage sur lequel compte le modèle est absent : quiconque se trouve dans la zone d’observation peut essayer des identifiants ou exploiter l’interface, qui donne la maîtrise de l’équipement. Complexité élevée : il faut encore des identifiants ou une faille.',
  ),
  remediation: text(
    'Filter the administration port so that only the declared zones reach it (administration zone, bastion); check the firewall rules the model describes.',
    'Filtrer le port d’administration pour que seules les zones déclarées l’atteignent (zone d’administration, bastion) ; vérifier les règles de pare-feu décrites par le modèle.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
  references: [
    {
      source: 'anssi',
      id: 'admin:R22',
      title: 'Recommandations relatives à l’administration sécurisée des SI: filtrage',
    },
    { source: 'anssi', id: 'hygiene:25', title: 'Sécuriser les interfaces d’administration' },
  ],
  evaluate(view) {
    const { graph, vantage } = view;
    const hits: CheckHit[] = [];
    if (graph === null || vantage === null) return hits;
    for (const h of view.hosts) {
      for (const asset of h.assets) {
        for (const admin of asset.adminInterfaces ?? []) {
          const port = adminPort(admin);
          const open = h.open.find((o) => o.declared === port);
          if (admin.from === undefined || open === undefined) continue;
          if (isAllowedFrom(graph, admin, vantage)) continue;
          const from = admin.from.join(', ');
          hits.push({
            subject: endpointKey(h.host.address, open.reached),
            detail: text(
              `${assetLabel(asset)}: ${admin.protocol} administration on port ${open.reached} answers from ${vantage}; the model allows it only from ${from}.`,
              `${assetLabel(asset)} : l’administration ${admin.protocol} sur le port ${open.reached} répond depuis ${vantage} ; le modèle ne l’autorise que depuis ${from}.`,
            ),
            evidence: open.service?.banner ?? `tcp/${open.reached} open from ${vantage}`,
            entities: [asset.id, vantage],
          });
        }
      }
    }
    return hits;
  },
};
