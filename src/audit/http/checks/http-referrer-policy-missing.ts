import { text } from '../../../design/text.js';
import { owaspValue } from '../headers.js';
import {
  MDN_HEADERS,
  OWASP_SECURE_HEADERS,
  cwe,
  missingHeaderHits,
  wstg,
  type HttpCheck,
} from './support.js';

/** Policies that send the full URL to other origins (or over HTTP). */
const LEAKY = new Set(['unsafe-url', 'no-referrer-when-downgrade', 'origin-when-cross-origin']);

export const httpReferrerPolicyMissing: HttpCheck = {
  id: 'http-referrer-policy-missing',
  domain: 'http',
  title: text('No restrictive Referrer-Policy', 'Pas de Referrer-Policy restrictive'),
  description: text(
    'The page sends no Referrer-Policy, or one that passes full URLs to other sites.',
    'La page n’envoie pas de Referrer-Policy, ou une politique qui transmet les URL complètes aux autres sites.',
  ),
  rationale: text(
    'URLs often carry identifiers, search terms or reset tokens; sent as Referer to third-party sites (analytics, embedded resources, outgoing links) they leak to whoever runs them. The leak needs a user following a link or loading third-party content.',
    'Les URL portent souvent des identifiants, des recherches ou des jetons de réinitialisation ; envoyées en Referer aux sites tiers (mesure d’audience, ressources intégrées, liens sortants), elles fuient vers leurs exploitants. La fuite suppose un utilisateur qui suit un lien ou charge un contenu tiers.',
  ),
  remediation: text(
    `Send Referrer-Policy: ${owaspValue('referrer-policy')} (or strict-origin-when-cross-origin where the site needs the origin).`,
    `Envoyer Referrer-Policy: ${owaspValue('referrer-policy')} (ou strict-origin-when-cross-origin si le site a besoin de l’origine).`,
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    wstg('WSTG-CONF-14', 'Test Other HTTP Security Header Misconfigurations'),
    cwe(200, 'Exposure of Sensitive Information to an Unauthorized Actor'),
    MDN_HEADERS('Referrer-Policy'),
  ],
  evaluate(observation) {
    return missingHeaderHits(observation, 'Referrer-Policy', (value) => {
      // the last policy the browser understands wins (comma-separated fallbacks)
      const last =
        value
          .split(',')
          .map((token) => token.trim().toLowerCase())
          .at(-1) ?? '';
      return last !== '' && !LEAKY.has(last);
    });
  },
};
