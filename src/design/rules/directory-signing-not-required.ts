import { type Protocol } from '../../domain/model/index.js';
import { hit, type Level, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { groupBy, impactLevel, list, named, protocolPort, unique } from './support-exposure.js';
import { isAssetKind } from '../../model/predicates.js';

/** Protocols a directory serves whose messages can be signed, with their default ports. */
const SIGNED_PROTOCOLS: ReadonlyMap<Protocol, number> = new Map<Protocol, number>([
  ['ldap', 389],
  ['smb', 445],
]);

interface Unsigned {
  readonly directory: string;
  /** `ldap/389` or `smb/445`: what is not signed. */
  readonly what: string;
  readonly flow?: string;
}

export const directorySigningNotRequired: Rule = {
  id: 'directory-signing-not-required',
  family: 'flows-encryption',
  title: text(
    'Directory accepting LDAP or SMB without signing',
    'Annuaire acceptant LDAP ou SMB sans signature',
  ),
  description: text(
    'A directory (domain controller) service, or a flow to it, is declared with LDAP or SMB message signing not required (`signing: false`). Nothing is reported when signing is not stated.',
    'Un service d’annuaire (contrôleur de domaine), ou un flux vers lui, est déclaré sans signature des messages LDAP ou SMB exigée (`signing: false`). Rien n’est signalé quand la signature n’est pas renseignée.',
  ),
  rationale: text(
    'Without signing, an attacker on the network relays a user’s or a computer’s NTLM authentication to the domain controller (NTLM relay) and alters directory answers or group policy files in transit: it is a classic way from one compromised workstation to domain administration.',
    'Sans signature, un attaquant sur le réseau relaie l’authentification NTLM d’un utilisateur ou d’un ordinateur vers le contrôleur de domaine (relais NTLM) et modifie en transit les réponses de l’annuaire ou les fichiers de stratégie de groupe : c’est un chemin classique d’un poste compromis vers l’administration du domaine.',
  ),
  remediation: text(
    'Require SMB signing on domain controllers and clients, require LDAP signing and LDAPS channel binding on the domain controllers (group policies "Domain controller: LDAP server signing requirements" and "LDAP server channel binding token requirements"), then declare `signing: true`.',
    'Exiger la signature SMB sur les contrôleurs de domaine et les clients, exiger la signature LDAP et la liaison de canal LDAPS sur les contrôleurs de domaine (stratégies « Contrôleur de domaine : exigences de signature de serveur LDAP » et « exigences de jeton de liaison de canal du serveur LDAP »), puis déclarer `signing: true`.',
  ),
  falsePositives: text(
    'Reading LDAP in clear is reported by cleartext-protocol; this rule is about tampering and relay. Old clients that cannot sign are a reason to plan, not to accept, the weakness.',
    'La lecture de LDAP en clair est signalée par cleartext-protocol ; cette règle porte sur l’altération et le relais. Des clients anciens incapables de signer sont une raison de planifier, non d’accepter, la faiblesse.',
  ),
  likelihood: 2,
  impact: ['integrity', 'confidentiality'],
  references: {
    anssi: ['hygiene:21', 'admin:R24'],
    iso27002: ['8.20', '8.5'],
    cwe: ['CWE-294', 'CWE-345'],
    attack: ['T1557.001', 'T1187', 'M1037'],
  },
  evaluate({ graph, model, needs }) {
    const unsigned: Unsigned[] = [];
    for (const asset of model.assets) {
      if (asset.kind !== 'directory') continue;
      for (const service of asset.services ?? []) {
        const protocol =
          service.protocol ?? [...SIGNED_PROTOCOLS].find(([, port]) => port === service.port)?.[0];
        if (service.signing !== false || protocol === undefined || !SIGNED_PROTOCOLS.has(protocol))
          continue;
        unsigned.push({ directory: asset.id, what: `${protocol}/${service.port}` });
      }
    }
    for (const flow of model.flows) {
      if (flow.signing !== false || !SIGNED_PROTOCOLS.has(flow.protocol)) continue;
      if (!isAssetKind(graph, flow.to, ['directory'])) continue;
      unsigned.push({ directory: flow.to, what: protocolPort(flow), flow: flow.id });
    }
    const hits: RuleHit[] = [];
    for (const [directory, group] of groupBy(unsigned, (u) => u.directory)) {
      const services = unique(group.filter((u) => u.flow === undefined).map((u) => u.what));
      const flows = group.flatMap((u) => (u.flow === undefined ? [] : [`${u.flow} (${u.what})`]));
      const parts = (fr: boolean): string =>
        [
          ...(services.length === 0 ? [] : [`services ${list(services)}`]),
          ...(flows.length === 0 ? [] : [`${fr ? 'flux' : 'flows'} ${list(flows)}`]),
        ].join(fr ? ' ; ' : '; ');
      // medium whatever the directory's needs: relaying still takes a foothold on the path
      const impact = Math.max(
        2,
        impactLevel(needs.max([directory], ['integrity', 'confidentiality'])),
      ) as Level;
      hits.push(
        hit(
          directory,
          text(
            `${named(graph, directory)} does not require message signing: ${parts(false)}.`,
            `${named(graph, directory)} n’exige pas la signature des messages : ${parts(true)}.`,
          ),
          {
            related: unique(group.flatMap((u) => (u.flow === undefined ? [] : [u.flow]))),
            impact,
          },
        ),
      );
    }
    return hits;
  },
};
