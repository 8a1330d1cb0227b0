import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { describeExposure, groupBy, list, named, unique } from './support-exposure.js';
import { isRestrictedToKnownSources, lowerWhen, publicationNotes } from './support-internet.js';

export const internetExposedVulnerableService: Rule = {
  id: 'internet-exposed-vulnerable-service',
  family: 'internet-exposure',
  title: text(
    'Internet-reachable asset with known vulnerabilities or out of support',
    'Actif joignable depuis Internet avec des vulnérabilités connues ou hors support',
  ),
  description: text(
    'An asset reachable from the Internet exposes a service with known vulnerabilities (CVE), or runs an operating system or software past its end of support.',
    'Un actif joignable depuis Internet expose un service affecté de vulnérabilités connues (CVE), ou fait tourner un système ou un logiciel dont le support a pris fin.',
  ),
  rationale: text(
    'Known vulnerabilities of exposed services are exploited at scale by automated tools within days of publication; an unsupported system no longer receives the fixes and accumulates them.',
    'Les vulnérabilités connues des services exposés sont exploitées en masse par des outils automatisés quelques jours après leur publication ; un système hors support ne reçoit plus les correctifs et les accumule.',
  ),
  remediation: text(
    'Withdraw the exposure until the service is fixed; apply the vendor’s fixes, migrate unsupported systems to a supported version, and follow the vulnerabilities of everything exposed.',
    'Retirer l’exposition tant que le service n’est pas corrigé ; appliquer les correctifs de l’éditeur, migrer les systèmes hors support vers une version maintenue, et assurer une veille sur tout ce qui est exposé.',
  ),
  falsePositives: text(
    'Vulnerabilities listed on a service are taken as unfixed; remove them from the model once patched. Only the services on the exposed ports are considered when the exposure names a port. An exposure whose flows accept only listed sources (`allowedSources`) is reported with a lower likelihood.',
    'Les vulnérabilités listées sur un service sont réputées non corrigées : les retirer du modèle une fois corrigées. Seuls les services des ports exposés sont pris en compte quand l’exposition précise un port. Une exposition dont les flux n’acceptent que des sources listées (`allowedSources`) est signalée avec une vraisemblance moindre.',
  ),
  likelihood: 4,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:34', 'hygiene:35', 'hygiene:23'],
    iso27002: ['8.8', '8.20'],
    cwe: ['CWE-1104', 'CWE-1329'],
    attack: ['T1190', 'M1051'],
  },
  evaluate({ graph, today, analyses }) {
    const hits: RuleHit[] = [];
    for (const [target, group] of groupBy(analyses.internetExposure.exposures, (e) => e.target)) {
      const asset = graph.asset(target);
      if (asset === undefined) continue;
      const ports = group.map((e) => e.port);
      const anyPort = ports.includes(undefined);
      const vulnerable = (asset.services ?? []).filter(
        (s) => (s.vulnerabilities ?? []).length > 0 && (anyPort || ports.includes(s.port)),
      );
      const unsupported = [...(asset.os ? [asset.os] : []), ...(asset.software ?? [])].filter(
        (software) => software.supportEnd !== undefined && software.supportEnd < today,
      );
      if (vulnerable.length === 0 && unsupported.length === 0) continue;
      const problems = (fr: boolean): string =>
        [
          ...vulnerable.map((s) =>
            fr
              ? `service ${s.protocol ?? 'tcp'}/${s.port} vulnérable (${list(s.vulnerabilities ?? [])})`
              : `service ${s.protocol ?? 'tcp'}/${s.port} vulnerable (${list(s.vulnerabilities ?? [])})`,
          ),
          ...unsupported.map((s) => {
            const name = `${s.name}${s.version === undefined ? '' : ` ${s.version}`}`;
            return fr
              ? `${name} hors support depuis le ${s.supportEnd ?? ''}`
              : `${name} out of support since ${s.supportEnd ?? ''}`;
          }),
        ].join(fr ? ' ; ' : '; ');
      hits.push(
        hit(
          target,
          text(
            `${named(graph, target)} is reachable from the Internet (${list(group.map((e) => describeExposure(e, false)))}): ${problems(false)}${publicationNotes(group, false)}.`,
            `${named(graph, target)} est joignable depuis Internet (${list(group.map((e) => describeExposure(e, true)))}) : ${problems(true)}${publicationNotes(group, true)}.`,
          ),
          {
            related: unique(group.flatMap((e) => (e.flow ? [e.flow.id] : []))),
            likelihood: lowerWhen(4, isRestrictedToKnownSources(group)),
          },
        ),
      );
    }
    return hits;
  },
};
