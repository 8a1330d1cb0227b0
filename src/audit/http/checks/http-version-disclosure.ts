import { text } from '../../../design/text.js';
import { OWASP_HEADERS_TO_REMOVE, VERSION_PATTERN } from '../headers.js';
import type { HttpObservation } from '../observation.js';
import { ANSSI_WEB, OWASP_SECURE_HEADERS, cwe, wstg, type HttpCheck } from './support.js';

/** Headers of the OWASP removal list seen on `/` and its page, with their values (deduplicated). */
export function stackHeaders(observation: HttpObservation): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const response of [observation.root, observation.page, observation.notFound])
    for (const [name, value] of response?.headers ?? [])
      if (
        OWASP_HEADERS_TO_REMOVE.has(name.toLowerCase()) &&
        !seen.has(`${name.toLowerCase()}:${value}`)
      )
        seen.set(`${name.toLowerCase()}:${value}`, [name, value]);
  return [...seen.values()];
}

export const httpVersionDisclosure: HttpCheck = {
  id: 'http-version-disclosure',
  domain: 'http',
  title: text(
    'Server or framework version disclosed',
    'Version du serveur ou du framework divulguée',
  ),
  description: text(
    'Response headers (Server, X-Powered-By, X-AspNet-Version…) give the exact version of the web server or framework.',
    'Des en-têtes de réponse (Server, X-Powered-By, X-AspNet-Version…) donnent la version exacte du serveur web ou du framework.',
  ),
  rationale: text(
    'An exact version tells an attacker which published vulnerabilities apply without any probing, and makes the site easy to find by mass scans for a vulnerable release. It reveals information only, hence a low rating.',
    'Une version exacte indique à un attaquant quelles vulnérabilités publiées s’appliquent, sans autre sondage, et rend le site facile à trouver par les scans massifs d’une version vulnérable. Elle ne révèle que de l’information, d’où une cote faible.',
  ),
  remediation: text(
    'Hide versions: nginx server_tokens off; Apache ServerTokens Prod and ServerSignature Off; PHP expose_php = Off; ASP.NET enableVersionHeader="false" and remove X-Powered-By; Express app.disable("x-powered-by"). Keep the software up to date anyway.',
    'Masquer les versions : nginx server_tokens off ; Apache ServerTokens Prod et ServerSignature Off ; PHP expose_php = Off ; ASP.NET enableVersionHeader="false" et retrait de X-Powered-By ; Express app.disable("x-powered-by"). Maintenir les logiciels à jour malgré tout.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    wstg('WSTG-INFO-02', 'Fingerprint Web Server'),
    wstg('WSTG-INFO-08', 'Fingerprint Web Application Framework'),
    ANSSI_WEB,
    cwe(497, 'Exposure of Sensitive System Information to an Unauthorized Control Sphere'),
  ],
  evaluate(observation) {
    const versioned = stackHeaders(observation).filter(([, value]) => VERSION_PATTERN.test(value));
    if (versioned.length === 0) return [];
    const list = versioned.map(([name, value]) => `${name}: ${value}`);
    return [
      {
        subject: observation.subject,
        detail: text(
          `Versions disclosed: ${list.join('; ')}.`,
          `Versions divulguées : ${list.join(' ; ')}.`,
        ),
        evidence: list.join('\n'),
      },
    ];
  },
};
