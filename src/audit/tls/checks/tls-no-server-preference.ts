import { text } from '../../../design/text.js';
import { suiteByCode } from '../suites.js';
import { anssiTls, cwe, hit, MOZILLA_TLS, PROTOCOL_LABEL, type TlsCheck } from './support.js';

export const tlsNoServerPreference: TlsCheck = {
  id: 'tls-no-server-preference',
  domain: 'tls',
  title: text(
    'Client picks the suite while weak suites are accepted',
    'Le client choisit la suite alors que des suites faibles sont acceptées',
  ),
  description: text(
    'The server follows the client’s order although it accepts suites that are not AEAD with forward secrecy.',
    'Le serveur suit l’ordre du client alors qu’il accepte des suites qui ne sont pas AEAD avec confidentialité persistante.',
  ),
  rationale: text(
    'When only strong suites are accepted the client’s choice is harmless (Mozilla intermediate); with weaker ones accepted, an old or misconfigured client ends up with a weak suite.',
    'Quand seules des suites fortes sont acceptées, le choix du client est sans danger (profil intermediate de Mozilla) ; si des suites plus faibles sont acceptées, un client ancien ou mal configuré obtient une suite faible.',
  ),
  remediation: text(
    'Remove the weak suites, or enforce the server order (nginx: ssl_prefer_server_ciphers on;) with the strongest first.',
    'Retirer les suites faibles, ou imposer l’ordre du serveur (nginx : ssl_prefer_server_ciphers on;) avec les plus fortes en tête.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  references: [
    MOZILLA_TLS,
    anssiTls('suites'),
    cwe(757, 'Selection of Less-Secure Algorithm During Negotiation'),
  ],
  evaluate(observation) {
    const lists = observation.ciphers.filter(
      (list) =>
        list.serverOrder === false &&
        list.suites.some((code) => {
          const suite = suiteByCode(code);
          return suite !== undefined && !(suite.aead && suite.forwardSecrecy);
        }),
    );
    if (lists.length === 0) return [];
    return hit(
      observation,
      text(
        'The client’s order decides, and weaker suites are accepted.',
        'L’ordre du client décide, et des suites plus faibles sont acceptées.',
      ),
      lists.map((l) => `${PROTOCOL_LABEL[l.protocol]}: client order`).join('\n'),
    );
  },
};
