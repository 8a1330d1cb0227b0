import { text } from '../../../design/text.js';
import {
  ANSSI_WEB,
  MDN_HEADERS,
  OWASP_SECURE_HEADERS,
  cwe,
  missingHeaderHits,
  wstg,
  type HttpCheck,
} from './support.js';

export const httpXContentTypeOptionsMissing: HttpCheck = {
  id: 'http-x-content-type-options-missing',
  domain: 'http',
  title: text('X-Content-Type-Options: nosniff missing', 'X-Content-Type-Options: nosniff absent'),
  description: text(
    'The page does not send X-Content-Type-Options: nosniff, so browsers may guess (sniff) content types.',
    'La page n’envoie pas X-Content-Type-Options: nosniff : les navigateurs peuvent deviner (sniffer) le type des contenus.',
  ),
  rationale: text(
    'MIME sniffing lets a file uploaded as text or image be run as script or stylesheet, turning an upload feature into cross-site scripting; it requires a way to place content on the site and a user loading it.',
    'Le MIME sniffing permet qu’un fichier déposé comme texte ou image soit exécuté comme script ou feuille de style, faisant d’une fonction de dépôt un cross-site scripting ; il faut pouvoir déposer du contenu sur le site et qu’un utilisateur le charge.',
  ),
  remediation: text(
    'Send X-Content-Type-Options: nosniff on every response (nginx: add_header X-Content-Type-Options nosniff always;) and serve correct Content-Type headers.',
    'Envoyer X-Content-Type-Options: nosniff sur toutes les réponses (nginx : add_header X-Content-Type-Options nosniff always;) et servir des Content-Type exacts.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    wstg('WSTG-CONF-14', 'Test Other HTTP Security Header Misconfigurations'),
    ANSSI_WEB,
    cwe(693, 'Protection Mechanism Failure'),
    MDN_HEADERS('X-Content-Type-Options'),
  ],
  evaluate(observation) {
    return missingHeaderHits(
      observation,
      'X-Content-Type-Options',
      (value) => value.trim().toLowerCase() === 'nosniff',
    );
  },
};
