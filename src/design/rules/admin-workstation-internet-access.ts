import { USER_DEVICE_KINDS } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';
import { isInZoneKind, label } from '../../model/predicates.js';

export const adminWorkstationInternetAccess: Rule = {
  id: 'admin-workstation-internet-access',
  family: 'administration',
  title: text(
    'Administration workstation with Internet access',
    'Poste d’administration avec accès à Internet',
  ),
  description: text(
    'An administration workstation (or a workstation in an administration zone) has a flow to the Internet, directly or through a web proxy.',
    'Un poste d’administration (ou un poste situé dans une zone d’administration) a un flux vers Internet, direct ou par un proxy web.',
  ),
  rationale: text(
    'Browsing and downloading expose the workstation to drive-by compromise and phishing; on an administration workstation the attacker then inherits the administrators’ sessions and credentials on every system they manage.',
    'La navigation et le téléchargement exposent le poste aux compromissions par le Web et à l’hameçonnage ; sur un poste d’administration, l’attaquant hérite alors des sessions et des secrets des administrateurs sur tous les systèmes administrés.',
  ),
  remediation: text(
    'Block all Internet access from administration workstations (firewall and proxy rules); get updates from internal relays and use a separate office workstation, or a remote office session, for e-mail and browsing.',
    'Bloquer tout accès à Internet depuis les postes d’administration (règles du pare-feu et du proxy) ; obtenir les mises à jour par des relais internes et utiliser un poste bureautique distinct, ou une session bureautique distante, pour la messagerie et la navigation.',
  ),
  falsePositives: text(
    'Access restricted to the administration consoles of cloud services (an allow-list of their domains) is a documented exception: accept the finding with the list.',
    'Un accès limité aux consoles d’administration de services en nuage (liste d’autorisation de leurs domaines) est une exception documentée : accepter le constat avec cette liste.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:27', 'admin:R10'],
    iso27002: ['8.2', '8.23'],
    attack: ['T1189', 'T1566', 'M1021'],
  },
  evaluate(context) {
    const { graph, model } = context;
    return model.assets
      .filter(
        (asset) =>
          asset.kind === 'admin-workstation' ||
          (USER_DEVICE_KINDS.includes(asset.kind) && isInZoneKind(graph, asset.id, ['admin'])),
      )
      .flatMap((asset) => {
        const outgoing = graph.outgoingFlows(asset.id);
        const toInternet = outgoing.filter(
          (flow) =>
            isInZoneKind(graph, flow.to, ['internet']) || graph.asset(flow.to)?.kind === 'proxy',
        );
        if (toInternet.length === 0) return [];
        const flows = toInternet.map((flow) => flow.id);
        const administered = outgoing
          .filter((flow) => !toInternet.includes(flow))
          .map((flow) => flow.to);
        return [
          hit(
            asset.id,
            text(
              `${label(graph, asset.id)} reaches the Internet: ${list(flows)}.`,
              `${label(graph, asset.id)} accède à Internet : ${list(flows)}.`,
            ),
            withImpact(
              impactOver(
                context,
                [asset.id, ...administered],
                adminWorkstationInternetAccess.impact,
              ),
              { related: existing(graph, flows) },
            ),
          ),
        ];
      });
  },
};
