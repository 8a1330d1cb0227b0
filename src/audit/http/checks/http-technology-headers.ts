import { text } from '../../../design/text.js';
import { VERSION_PATTERN } from '../headers.js';
import { OWASP_SECURE_HEADERS, cwe, wstg, type HttpCheck } from './support.js';
import { stackHeaders } from './http-version-disclosure.js';

export const httpTechnologyHeaders: HttpCheck = {
  id: 'http-technology-headers',
  domain: 'http',
  title: text('Headers describing the technical stack', 'En-têtes qui décrivent la pile technique'),
  description: text(
    'The responses carry headers the OWASP Secure Headers Project recommends removing (X-Powered-By, X-Generator, tracing and proxy headers…), without a version.',
    'Les réponses portent des en-têtes que l’OWASP Secure Headers Project recommande de retirer (X-Powered-By, X-Generator, en-têtes de traçage et de proxy…), sans version.',
  ),
  rationale: text(
    'They name the framework, CMS, proxy or internal components, which helps an attacker choose attacks; without a version they tell little, hence an informational rating. A bare Server header without version is not reported.',
    'Ils nomment le framework, le CMS, le proxy ou des composants internes, ce qui aide un attaquant à choisir ses attaques ; sans version ils disent peu, d’où une cote informative. Un en-tête Server sans version n’est pas signalé.',
  ),
  remediation: text(
    'Remove these headers at the application or at the reverse proxy (nginx: proxy_hide_header X-Powered-By; Apache: Header unset X-Powered-By).',
    'Retirer ces en-têtes dans l’application ou au reverse proxy (nginx : proxy_hide_header X-Powered-By ; Apache : Header unset X-Powered-By).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    wstg('WSTG-INFO-08', 'Fingerprint Web Application Framework'),
    cwe(200, 'Exposure of Sensitive Information to an Unauthorized Actor'),
  ],
  evaluate(observation) {
    const named = stackHeaders(observation).filter(
      ([name, value]) => name.toLowerCase() !== 'server' && !VERSION_PATTERN.test(value),
    );
    if (named.length === 0) return [];
    const list = named.map(([name, value]) => `${name}: ${value}`);
    return [
      {
        subject: observation.subject,
        detail: text(
          `Headers to remove: ${list.join('; ')}.`,
          `En-têtes à retirer : ${list.join(' ; ')}.`,
        ),
        evidence: list.join('\n'),
      },
    ];
  },
};
