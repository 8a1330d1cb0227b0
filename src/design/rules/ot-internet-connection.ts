import { isInternet } from '../analyses/internet-exposure.js';
import { isActive } from '../../domain/model/index.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import {
  endpointNeed,
  impactLevel,
  groupBy,
  list,
  named,
  protocolPort,
  unique,
} from './support-exposure.js';
import { filteringDevices, isOtEndpoint, zoneOf } from '../../model/predicates.js';

interface Link {
  readonly ot: string;
  readonly what: { readonly en: string; readonly fr: string };
  readonly flow?: string;
  readonly filtered: boolean;
}

export const otInternetConnection: Rule = {
  id: 'ot-internet-connection',
  family: 'it-ot',
  title: text('OT asset connected to the Internet', 'Actif industriel connecté à Internet'),
  description: text(
    'An OT asset or zone exchanges flows with the Internet, or exposes an administration interface to it (typically a remote-maintenance router or an OT gateway with its own link).',
    'Un actif ou une zone industrielle échange des flux avec Internet, ou lui expose une interface d’administration (typiquement un routeur de télémaintenance ou une passerelle OT disposant de son propre lien).',
  ),
  rationale: text(
    'Internet-connected industrial devices are indexed by search engines and attacked; a direct link bypasses the IT/OT firewall and every other protection, and remote-maintenance boxes with shared passwords are a classic way into plants.',
    'Les équipements industriels connectés à Internet sont indexés par les moteurs de recherche et attaqués ; un lien direct contourne le pare-feu IT/OT et toutes les autres protections, et les boîtiers de télémaintenance à mot de passe partagé sont une porte d’entrée classique dans les usines.',
  ),
  remediation: text(
    'Remove direct Internet links from OT; give remote maintenance through the organisation’s VPN and a bastion in an industrial DMZ, with individual accounts, MFA, activation on request and session recording.',
    'Supprimer les liens Internet directs de l’OT ; assurer la télémaintenance par le VPN de l’organisation et un bastion en DMZ industrielle, avec des comptes individuels, MFA, activation à la demande et enregistrement des sessions.',
  ),
  falsePositives: text(
    'An OT flow to a cloud service through the IT/OT firewall and the Internet gateway is still reported, with a lower likelihood: accept it if the architecture was reviewed.',
    'Un flux OT vers un service en nuage au travers du pare-feu IT/OT et de la passerelle Internet est tout de même signalé, avec une vraisemblance moindre : l’accepter si l’architecture a été revue.',
  ),
  likelihood: 4,
  impact: ['integrity', 'availability', 'confidentiality'],
  references: {
    anssi: ['hygiene:22', 'admin:R62', 'interco:R4'],
    iso27002: ['8.20', '8.22', '5.22'],
    cwe: ['CWE-923'],
    attack: ['T0822', 'T0883', 'M0930'],
  },
  evaluate({ graph, model, needs, today }) {
    const links: Link[] = [];
    for (const flow of model.flows) {
      const fromInternet = isInternet(graph, flow.from);
      const toInternet = isInternet(graph, flow.to);
      if (fromInternet === toInternet) continue;
      const ot = fromInternet ? flow.to : flow.from;
      if (!isOtEndpoint(graph, ot)) continue;
      links.push({
        ot,
        flow: flow.id,
        filtered: filteringDevices(graph, flow).length > 0,
        what: {
          en: `${flow.id} (${protocolPort(flow)}, ${fromInternet ? 'from' : 'to'} the Internet${(flow.via ?? []).length > 0 ? ` through ${list(flow.via ?? [])}` : ', no firewall'})`,
          fr: `${flow.id} (${protocolPort(flow)}, ${fromInternet ? 'depuis' : 'vers'} Internet${(flow.via ?? []).length > 0 ? ` par ${list(flow.via ?? [])}` : ', sans pare-feu'})`,
        },
      });
    }
    for (const asset of model.assets) {
      if (!isOtEndpoint(graph, asset.id)) continue;
      for (const admin of asset.adminInterfaces ?? []) {
        if (!(admin.from ?? []).some((from) => isInternet(graph, from))) continue;
        const what = protocolPort(admin);
        links.push({
          ot: asset.id,
          filtered: false,
          what: {
            en: `administration interface ${what} open to the Internet${admin.mfa === true ? '' : ' without MFA'}`,
            fr: `interface d’administration ${what} ouverte sur Internet${admin.mfa === true ? '' : ' sans MFA'}`,
          },
        });
      }
    }
    const hits: RuleHit[] = [];
    for (const [ot, group] of groupBy(links, (l) => l.ot)) {
      const zone = zoneOf(graph, ot);
      const users = model.identities
        .filter((i) => isActive(i, today) && i.remoteAccess?.via === ot)
        .map((i) => i.id);
      hits.push(
        hit(
          ot,
          text(
            `${named(graph, ot)} is connected to the Internet: ${group.map((l) => l.what.en).join('; ')}${users.length > 0 ? `; remote access for ${list(users)}` : ''}.`,
            `${named(graph, ot)} est connecté à Internet : ${group.map((l) => l.what.fr).join(' ; ')}${users.length > 0 ? ` ; accès distant de ${list(users)}` : ''}.`,
          ),
          {
            likelihood: group.every((l) => l.filtered) ? 3 : 4,
            impact: impactLevel(
              // a device that links OT to the Internet exposes its whole zone
              endpointNeed(graph, needs, zone === undefined ? [ot] : [ot, zone.id], [
                'integrity',
                'availability',
                'confidentiality',
              ]),
            ),
            related: unique([
              ...group.flatMap((l) => (l.flow === undefined ? [] : [l.flow])),
              ...(zone === undefined || zone.id === ot ? [] : [zone.id]),
              ...users,
            ]),
          },
        ),
      );
    }
    return hits;
  },
};
