import type { Encryption } from '../../domain/model/index.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { list, named, protocolPort, unique } from './support-exposure.js';

const OBSOLETE: readonly (Encryption | undefined)[] = ['tls1.0', 'tls1.1'];

interface Use {
  readonly subject: string;
  readonly what: string;
  readonly encryption: string;
  readonly flow?: string;
}

export const obsoleteTls: Rule = {
  id: 'obsolete-tls',
  family: 'flows-encryption',
  title: text('Obsolete TLS version (1.0 or 1.1)', 'Version de TLS obsolète (1.0 ou 1.1)'),
  description: text(
    'A flow or a service is protected by TLS 1.0 or TLS 1.1, versions deprecated since 2021 (RFC 8996).',
    'Un flux ou un service est protégé par TLS 1.0 ou TLS 1.1, versions dépréciées depuis 2021 (RFC 8996).',
  ),
  rationale: text(
    'TLS 1.0 and 1.1 rely on weak constructions (SHA-1, CBC modes open to BEAST and padding attacks) and are often the sign of a system that can no longer be updated.',
    'TLS 1.0 et 1.1 reposent sur des constructions faibles (SHA-1, modes CBC exposés à BEAST et aux attaques par remplissage) et signalent souvent un système qui ne peut plus être mis à jour.',
  ),
  remediation: text(
    'Allow only TLS 1.2 and 1.3 with current cipher suites; upgrade or replace the systems that cannot.',
    'N’autoriser que TLS 1.2 et 1.3 avec des suites cryptographiques actuelles ; mettre à jour ou remplacer les systèmes qui ne le peuvent pas.',
  ),
  falsePositives: text(
    'The version declared is taken as the best the server accepts: if TLS 1.2 is negotiated in practice, correct the model.',
    'La version déclarée est réputée la meilleure acceptée par le serveur : si TLS 1.2 est négocié en pratique, corriger le modèle.',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity'],
  references: {
    anssi: ['hygiene:21', 'hygiene:35'],
    iso27002: ['8.24'],
    cwe: ['CWE-327', 'CWE-757'],
    attack: ['T1557', 'M1041'],
  },
  evaluate({ graph, model, analyses }) {
    const uses: Use[] = [];
    for (const flow of model.flows) {
      if (!OBSOLETE.includes(flow.encryption)) continue;
      // the server decides the version: report on the destination asset when there is one
      const subject = graph.asset(flow.to) === undefined ? flow.id : flow.to;
      uses.push({
        subject,
        what: `${flow.id} (${protocolPort(flow)})`,
        encryption: flow.encryption ?? '',
        flow: flow.id,
      });
    }
    for (const asset of model.assets) {
      for (const service of asset.services ?? []) {
        if (!OBSOLETE.includes(service.encryption)) continue;
        uses.push({
          subject: asset.id,
          what: `service ${protocolPort(service)}`,
          encryption: service.encryption ?? '',
        });
      }
    }
    const exposed = new Set(analyses.internetExposure.exposures.map((e) => e.target));
    const bySubject = new Map<string, Use[]>();
    for (const use of uses)
      bySubject.set(use.subject, [...(bySubject.get(use.subject) ?? []), use]);
    const hits: RuleHit[] = [];
    for (const [subject, group] of bySubject) {
      const items = list(unique(group.map((u) => `${u.what} ${u.encryption}`)));
      const internet = exposed.has(subject);
      hits.push(
        hit(
          subject,
          text(
            `${named(graph, subject)} uses an obsolete TLS version: ${items}${internet ? '; reachable from the Internet' : ''}.`,
            `${named(graph, subject)} utilise une version de TLS obsolète : ${items}${internet ? ' ; joignable depuis Internet' : ''}.`,
          ),
          {
            related: unique(group.flatMap((u) => (u.flow === undefined ? [] : [u.flow]))),
            likelihood: internet ? 3 : 2,
          },
        ),
      );
    }
    return hits;
  },
};
