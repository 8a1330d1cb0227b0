import { type Flow, type NeedCriterion } from '../../domain/model/index.js';
import { hit, type Level, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { groupBy, impactLevel, list, named, protocolPort, unique } from './support-exposure.js';
import { reachesDataTier, userSideOf } from './support-tiers.js';
import { assetsAt, isOutside, isUserSide, zoneOf } from '../../model/predicates.js';

const DATA_CRITERIA: readonly NeedCriterion[] = ['confidentiality', 'integrity'];

interface Reach {
  readonly flow: Flow;
  readonly target: string;
  readonly untrusted: boolean;
}

export const dataTierReachableFromUsers: Rule = {
  id: 'data-tier-reachable-from-users',
  family: 'segmentation',
  title: text(
    'Sensitive data store reachable directly from users',
    'Stockage de données sensibles joignable directement depuis les utilisateurs',
  ),
  description: text(
    'A database, or a storage or server keeping data with a confidentiality or integrity need of 3 or more behind an application, is reached directly from a user, Wi-Fi, guest, remote-access or low-trust zone, instead of only through the application that fronts it. Encryption and a firewall rule on the way do not change that.',
    'Une base de données, ou un stockage ou serveur gardant des données dont le besoin en confidentialité ou en intégrité est de 3 ou plus derrière une application, est atteint directement depuis une zone utilisateurs, Wi-Fi, invités, d’accès distant ou de faible confiance, au lieu de ne l’être qu’au travers de l’application qui le sert. Le chiffrement et une règle de pare-feu sur le chemin n’y changent rien.',
  ),
  rationale: text(
    'A workstation is what phishing and malicious documents compromise first; when it can open a session on the database itself (thick client, ODBC link, administration tool, mounted storage), the attacker reads or alters every record with the credentials found on it, bypassing the application’s access control, logging and business checks. The ANSSI hygiene guide asks for homogeneous zones filtered to the strict need, and the health sector’s PGSSI-S for health data reachable only through the applications that process it.',
    'Le poste de travail est ce que l’hameçonnage et les documents piégés compromettent en premier ; s’il peut ouvrir une session sur la base elle-même (client lourd, liaison ODBC, outil d’administration, stockage monté), l’attaquant lit ou modifie tous les enregistrements avec les identifiants trouvés sur le poste, en contournant le contrôle d’accès, la journalisation et les contrôles métier de l’application. Le guide d’hygiène de l’ANSSI demande des zones homogènes filtrées au strict besoin, et la PGSSI-S du secteur santé des données de santé accessibles seulement au travers des applications qui les traitent.',
  ),
  remediation: text(
    'Let users reach only the application tier (web front end, application server, remote application publishing); allow the database and storage ports only from the application servers and from administration workstations; move thick clients behind a published application (RDS, Citrix) in the server zone.',
    'Ne laisser les utilisateurs atteindre que le tiers applicatif (frontal Web, serveur d’applications, publication d’applications à distance) ; n’ouvrir les ports des bases et du stockage qu’aux serveurs d’applications et aux postes d’administration ; placer les clients lourds derrière une application publiée (RDS, Citrix) en zone serveurs.',
  ),
  falsePositives: text(
    'Administration workstations and servers are not users and are left out; a data store placed in the user zone itself is reported by servers-in-user-zone. A flow from a user zone that in fact only comes from a reporting server should be declared from that server.',
    'Les postes d’administration et les serveurs ne sont pas des utilisateurs et sont écartés ; un stockage placé dans la zone utilisateurs elle-même est signalé par servers-in-user-zone. Un flux déclaré depuis une zone utilisateurs qui ne vient en réalité que d’un serveur de restitution doit être déclaré depuis ce serveur.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity'],
  references: {
    anssi: ['hygiene:19', 'hygiene:4'],
    iso27002: ['8.22', '8.3', '8.20'],
    cwe: ['CWE-653', 'CWE-284'],
    attack: ['T1213', 'T1210', 'M1030'],
  },
  evaluate({ graph, model, needs }) {
    const reaches: Reach[] = [];
    for (const flow of model.flows) {
      const side = userSideOf(graph, flow.from);
      if (side === undefined) continue;
      for (const target of assetsAt(graph, flow.to)) {
        if (isOutside(graph, target) || isUserSide(graph, target)) continue;
        if (zoneOf(graph, target)?.id === zoneOf(graph, flow.from)?.id) continue;
        if (!reachesDataTier(graph, flow, target)) continue;
        reaches.push({ flow, target, untrusted: side === 'untrusted' });
      }
    }
    const hits: RuleHit[] = [];
    for (const [target, group] of groupBy(reaches, (r) => r.target)) {
      const flows = group.map((r) => r.flow);
      const need = Math.max(
        needs.max([target], DATA_CRITERIA),
        needs.max(
          flows.map((f) => f.id),
          DATA_CRITERIA,
        ),
      );
      if (need < 3) continue;
      const likelihood: Level = group.some((r) => r.untrusted) ? 4 : 3;
      const how = list(
        flows.map(
          (f) => `${f.id} (${f.from} → ${protocolPort(f)}${f.via ? ` via ${list(f.via)}` : ''})`,
        ),
      );
      hits.push(
        hit(
          target,
          text(
            `${named(graph, target)} (data need ${need}) is reached directly from users, not only through its application: ${how}.`,
            `${named(graph, target)} (besoin des données ${need}) est atteint directement depuis les utilisateurs, pas seulement au travers de son application : ${how}.`,
          ),
          {
            likelihood,
            related: unique(flows.flatMap((f) => [f.id, f.from])),
            impact: impactLevel(need),
          },
        ),
      );
    }
    return hits;
  },
};
