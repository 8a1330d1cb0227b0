import { text } from '../../../design/text.js';
import { subjectOf } from '../observation.js';
import { ANSSI_WEB, cwe, rfc, wstg, type HttpCheck } from './support.js';

export const httpNoHttpsRedirect: HttpCheck = {
  id: 'http-no-https-redirect',
  domain: 'http',
  title: text('Plain HTTP not redirected to HTTPS', 'HTTP en clair non redirigé vers HTTPS'),
  description: text(
    'The site answers in plain HTTP instead of redirecting to HTTPS: pages, forms and cookies travel in clear.',
    'Le site répond en HTTP en clair au lieu de rediriger vers HTTPS : pages, formulaires et cookies circulent en clair.',
  ),
  rationale: text(
    'Anyone on the network path (Wi-Fi, operator, compromised router) reads credentials and session cookies and can alter the pages served, without any user mistake beyond visiting the site. The position on the path keeps the attack complexity high.',
    'Toute personne sur le chemin réseau (Wi-Fi, opérateur, routeur compromis) lit les identifiants et cookies de session et peut modifier les pages servies, sans autre erreur de l’utilisateur que de visiter le site. La position sur le chemin maintient une complexité d’attaque élevée.',
  ),
  remediation: text(
    'Serve the site over HTTPS only and answer every plain-HTTP request with a 301 to the same URL in https:// (nginx: return 301 https://$host$request_uri;), then enable HSTS.',
    'Servir le site uniquement en HTTPS et répondre à toute requête HTTP en clair par une 301 vers la même URL en https:// (nginx : return 301 https://$host$request_uri;), puis activer HSTS.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:L/A:N',
  references: [
    wstg('WSTG-CRYP-03', 'Testing for Sensitive Information Sent via Unencrypted Channels'),
    rfc(6797, 'HTTP Strict Transport Security (HSTS)', '7.2'),
    ANSSI_WEB,
    cwe(319, 'Cleartext Transmission of Sensitive Information'),
  ],
  evaluate(observation) {
    const redirect = observation.redirect;
    if (redirect === null || !redirect.answered || redirect.toHttps) return [];
    const where = redirect.location === null ? '' : ` (Location: ${redirect.location})`;
    return [
      {
        subject: subjectOf(observation.target.address, redirect.port),
        detail: text(
          `GET / in plain HTTP on port ${String(redirect.port)} answers ${String(redirect.status)}${where}, not a redirect to https://.`,
          `GET / en HTTP en clair sur le port ${String(redirect.port)} répond ${String(redirect.status)}${where}, pas une redirection vers https://.`,
        ),
        evidence: `GET / → ${String(redirect.status)}${redirect.location === null ? '' : `\nLocation: ${redirect.location}`}`,
      },
    ];
  },
};
