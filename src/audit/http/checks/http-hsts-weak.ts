import { text } from '../../../design/text.js';
import { ANSSI_WEB, OWASP_SECURE_HEADERS, cwe, rfc, wstg, type HttpCheck } from './support.js';

/** One year, the floor of the OWASP recommendation and of the HSTS preload list. */
export const HSTS_MIN_MAX_AGE = 31_536_000;

export const httpHstsWeak: HttpCheck = {
  id: 'http-hsts-weak',
  domain: 'http',
  title: text('Weak HSTS policy', 'Politique HSTS faible'),
  description: text(
    'The Strict-Transport-Security header is invalid, lasts less than a year, or leaves out subdomains.',
    'L’en-tête Strict-Transport-Security est invalide, dure moins d’un an ou ne couvre pas les sous-domaines.',
  ),
  rationale: text(
    'A short max-age lets the protection lapse between visits, reopening SSL stripping; without includeSubDomains an attacker can use a plain-HTTP subdomain to set cookies for the parent domain. The attacker still needs a position on the network path.',
    'Un max-age court laisse la protection expirer entre deux visites et rouvre le SSL stripping ; sans includeSubDomains, un attaquant peut passer par un sous-domaine en HTTP pour poser des cookies sur le domaine parent. L’attaquant doit encore se placer sur le chemin réseau.',
  ),
  remediation: text(
    'Use max-age of at least 31536000 (one year; two years recommended) with includeSubDomains once every subdomain serves HTTPS; add preload and submit the domain to hstspreload.org to protect even the first visit.',
    'Utiliser un max-age d’au moins 31536000 (un an ; deux ans recommandés) avec includeSubDomains dès que tous les sous-domaines servent HTTPS ; ajouter preload et inscrire le domaine sur hstspreload.org pour protéger même la première visite.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  references: [
    rfc(6797, 'HTTP Strict Transport Security (HSTS)', '6.1'),
    OWASP_SECURE_HEADERS,
    wstg('WSTG-CONF-07', 'Test HTTP Strict Transport Security'),
    ANSSI_WEB,
    cwe(319, 'Cleartext Transmission of Sensitive Information'),
  ],
  evaluate(observation) {
    const hsts = observation.hsts;
    if (!observation.target.tls || hsts === null) return [];
    const en: string[] = [];
    const fr: string[] = [];
    if (hsts.maxAge === null) {
      en.push('max-age is missing or not a number: browsers ignore the header');
      fr.push('max-age est absent ou non numérique : les navigateurs ignorent l’en-tête');
    } else if (hsts.maxAge < HSTS_MIN_MAX_AGE) {
      en.push(`max-age is ${String(hsts.maxAge)} s, less than one year (31536000)`);
      fr.push(`max-age vaut ${String(hsts.maxAge)} s, moins d’un an (31536000)`);
    }
    if (!hsts.includeSubDomains) {
      en.push('includeSubDomains is missing');
      fr.push('includeSubDomains est absent');
    }
    if (en.length === 0) return [];
    const preload = hsts.preload
      ? text(' (preload is set)', ' (preload est présent)')
      : text(' (preload is not set either)', ' (preload est absent aussi)');
    return [
      {
        subject: observation.subject,
        detail: text(`${en.join('; ')}${preload.en}.`, `${fr.join(' ; ')}${preload.fr}.`),
        evidence: `Strict-Transport-Security: ${hsts.raw}`,
      },
    ];
  },
};
