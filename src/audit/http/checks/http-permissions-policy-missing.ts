import { text } from '../../../design/text.js';
import {
  MDN_HEADERS,
  OWASP_SECURE_HEADERS,
  cwe,
  missingHeaderHits,
  type HttpCheck,
} from './support.js';

export const httpPermissionsPolicyMissing: HttpCheck = {
  id: 'http-permissions-policy-missing',
  domain: 'http',
  title: text('No Permissions-Policy', 'Pas de Permissions-Policy'),
  description: text(
    'The page does not restrict the browser features (camera, microphone, geolocation, payment…) it and its frames may use.',
    'La page ne restreint pas les fonctions du navigateur (caméra, micro, géolocalisation, paiement…) qu’elle et ses cadres peuvent utiliser.',
  ),
  rationale: text(
    'Defence in depth: Permissions-Policy limits what injected script or an embedded third-party frame can ask the user for. Its absence is no weakness by itself, hence an informational rating.',
    'Défense en profondeur : Permissions-Policy limite ce qu’un script injecté ou un cadre tiers intégré peut demander à l’utilisateur. Son absence n’est pas une faiblesse en soi, d’où une cote informative.',
  ),
  remediation: text(
    'Send a Permissions-Policy disabling what the site does not use, e.g. Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=() (the OWASP Secure Headers list gives a complete value).',
    'Envoyer une Permissions-Policy qui désactive ce que le site n’utilise pas, par exemple Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=() (la liste OWASP Secure Headers donne une valeur complète).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    cwe(693, 'Protection Mechanism Failure'),
    MDN_HEADERS('Permissions-Policy'),
  ],
  evaluate(observation) {
    return missingHeaderHits(observation, 'Permissions-Policy', (value) => value.trim() !== '');
  },
};
