import { text } from '../../../design/text.js';
import { owaspValue } from '../headers.js';
import {
  ANSSI_WEB,
  MDN_HEADERS,
  OWASP_SECURE_HEADERS,
  cwe,
  responseEvidence,
  rfc,
  wstg,
  type HttpCheck,
} from './support.js';

export const httpHstsMissing: HttpCheck = {
  id: 'http-hsts-missing',
  domain: 'http',
  title: text('HTTPS site without HSTS', 'Site HTTPS sans HSTS'),
  description: text(
    'The HTTPS site does not send a Strict-Transport-Security header, so browsers keep trying plain HTTP first.',
    'Le site HTTPS n’envoie pas d’en-tête Strict-Transport-Security : les navigateurs continuent d’essayer d’abord HTTP en clair.',
  ),
  rationale: text(
    'Without HSTS, an attacker on the network path (public Wi-Fi, compromised router) can intercept the first plain-HTTP request and keep the victim on HTTP (SSL stripping), reading and altering the session; the attack needs a position on the path and a user visiting the site.',
    'Sans HSTS, un attaquant placé sur le chemin réseau (Wi-Fi public, routeur compromis) peut intercepter la première requête HTTP en clair et maintenir la victime en HTTP (SSL stripping), lisant et modifiant la session ; l’attaque suppose une position sur le chemin et un utilisateur qui visite le site.',
  ),
  remediation: text(
    `Send Strict-Transport-Security on every HTTPS response, for at least one year with subdomains: ${owaspValue('strict-transport-security')} (nginx: add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;).`,
    `Envoyer Strict-Transport-Security sur toutes les réponses HTTPS, pour au moins un an avec les sous-domaines : ${owaspValue('strict-transport-security')} (nginx : add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;).`,
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N',
  references: [
    rfc(6797, 'HTTP Strict Transport Security (HSTS)'),
    OWASP_SECURE_HEADERS,
    wstg('WSTG-CONF-07', 'Test HTTP Strict Transport Security'),
    ANSSI_WEB,
    cwe(319, 'Cleartext Transmission of Sensitive Information'),
    MDN_HEADERS('Strict-Transport-Security'),
  ],
  evaluate(observation) {
    const response = observation.root;
    if (!observation.target.tls || response === null || observation.hsts !== null) return [];
    return [
      {
        subject: observation.subject,
        detail: text(
          'The HTTPS answer to / carries no Strict-Transport-Security header.',
          'La réponse HTTPS à / ne porte pas d’en-tête Strict-Transport-Security.',
        ),
        evidence: responseEvidence(response),
      },
    ];
  },
};
