import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { impactLevel, list, named, protocolPort, unique } from './support-exposure.js';
import { assetsAt, isOutside, isWithinZone } from '../../model/predicates.js';

export const guestWifiNotIsolated: Rule = {
  id: 'guest-wifi-not-isolated',
  family: 'wifi',
  title: text(
    'Guest Wi-Fi not isolated from the internal network',
    'Wi-Fi invités non isolé du réseau interne',
  ),
  description: text(
    'A guest Wi-Fi zone has flows to internal assets or zones, is allowed on internal administration interfaces, or has access points declared as not isolated. The severity follows the most valuable asset guests reach; flows to the Internet only are fine.',
    'Une zone Wi-Fi invités a des flux vers des actifs ou zones internes, a accès à des interfaces d’administration internes, ou a des bornes déclarées non isolées. La gravité suit l’actif de plus grande valeur atteint par les invités ; les flux vers Internet seuls ne posent pas de problème.',
  ),
  rationale: text(
    'Anyone in range of the building with the guest key (often posted at reception) joins the guest network; it must lead to the Internet only, otherwise it is an unauthenticated way into the internal network.',
    'Toute personne à portée du bâtiment munie de la clé invités (souvent affichée à l’accueil) rejoint le réseau invités ; il ne doit mener qu’à Internet, faute de quoi c’est une entrée non authentifiée dans le réseau interne.',
  ),
  remediation: text(
    'Put guest Wi-Fi in its own VLAN routed straight to the Internet, block every flow to internal zones at the firewall, enable client isolation on the access points, and offer printing through a cloud or e-mail print service.',
    'Placer le Wi-Fi invités dans un VLAN dédié routé directement vers Internet, bloquer au pare-feu tout flux vers les zones internes, activer l’isolation des clients sur les bornes, et proposer l’impression par un service d’impression en nuage ou par courriel.',
  ),
  falsePositives: text(
    'A flow to a deliberately exposed service (a captive portal, a guest printer in its own zone) is reported: accept it with that justification.',
    'Un flux vers un service volontairement exposé (portail captif, imprimante invités dans sa propre zone) est signalé : l’accepter avec cette justification.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:20', 'hygiene:19'],
    iso27002: ['8.20', '8.22'],
    cwe: ['CWE-653'],
    attack: ['T1133', 'M1030'],
  },
  evaluate({ graph, model, needs }) {
    const hits: RuleHit[] = [];
    for (const zone of model.zones.filter((z) => z.kind === 'guest-wifi')) {
      const inside = (id: string): boolean => isWithinZone(graph, id, zone.id);
      const flows = model.flows.filter(
        (flow) => inside(flow.from) && !inside(flow.to) && !isOutside(graph, flow.to),
      );
      const admins = model.assets.filter((asset) =>
        (asset.adminInterfaces ?? []).some((admin) => (admin.from ?? []).some(inside)),
      );
      const open = model.assets.filter(
        (asset) => asset.wifi?.isolated === false && inside(asset.id),
      );
      if (flows.length === 0 && admins.length === 0 && open.length === 0) continue;
      const parts = (fr: boolean): string[] => [
        ...(flows.length === 0
          ? []
          : [
              fr
                ? `flux vers l’interne : ${list(flows.map((f) => `${f.id} → ${f.to} (${protocolPort(f)})`))}`
                : `flows inwards: ${list(flows.map((f) => `${f.id} → ${f.to} (${protocolPort(f)})`))}`,
            ]),
        ...(admins.length === 0
          ? []
          : [
              fr
                ? `interfaces d’administration ouvertes aux invités : ${list(admins.map((a) => a.id))}`
                : `administration interfaces open to guests: ${list(admins.map((a) => a.id))}`,
            ]),
        ...(open.length === 0
          ? []
          : [
              fr
                ? `bornes non isolées : ${list(open.map((a) => a.id))}`
                : `access points not isolated: ${list(open.map((a) => a.id))}`,
            ]),
      ];
      hits.push(
        hit(
          zone.id,
          text(
            `Guest zone ${named(graph, zone.id)} is not isolated: ${parts(false).join('; ')}.`,
            `La zone invités ${named(graph, zone.id)} n’est pas isolée : ${parts(true).join(' ; ')}.`,
          ),
          {
            related: unique([
              ...open.map((a) => a.id),
              ...flows.flatMap((f) => [f.id, f.to]),
              ...admins.map((a) => a.id),
            ]),
            likelihood: flows.length > 0 || admins.length > 0 ? 3 : 2,
            // what guests reach is at stake: the most valuable of it sets the impact
            impact: impactLevel(
              needs.max(
                [...flows.flatMap((f) => assetsAt(graph, f.to)), ...admins.map((a) => a.id)],
                ['confidentiality', 'integrity', 'availability'],
              ),
            ),
          },
        ),
      );
    }
    return hits;
  },
};
