import { text } from '../../../design/text.js';
import { cwe, rfc, wstg, type HttpCheck } from './support.js';

export const httpTraceEnabled: HttpCheck = {
  id: 'http-trace-enabled',
  domain: 'http',
  title: text('HTTP TRACE enabled', 'Méthode HTTP TRACE activée'),
  description: text(
    'The server answers TRACE by echoing the request back, headers included.',
    'Le serveur répond à TRACE en renvoyant la requête, en-têtes compris.',
  ),
  rationale: text(
    'TRACE echoes headers such as cookies and Authorization, which helped cross-site tracing bypass HttpOnly; modern browsers block TRACE from scripts, so the remaining risk is low (proxies adding internal headers, legacy clients).',
    'TRACE renvoie des en-têtes comme les cookies et Authorization, ce qui permettait au cross-site tracing de contourner HttpOnly ; les navigateurs récents interdisent TRACE aux scripts, le risque restant est faible (proxys ajoutant des en-têtes internes, clients anciens).',
  ),
  remediation: text(
    'Disable TRACE (Apache: TraceEnable Off; IIS: request filtering on the TRACE verb; nginx refuses it by default).',
    'Désactiver TRACE (Apache : TraceEnable Off ; IIS : filtrage de requêtes sur le verbe TRACE ; nginx le refuse par défaut).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  references: [
    wstg('WSTG-CONF-06', 'Test HTTP Methods'),
    rfc(9110, 'HTTP Semantics', '9.3.8'),
    cwe(693, 'Protection Mechanism Failure'),
  ],
  evaluate(observation) {
    const trace = observation.trace;
    if (trace === null || !trace.echoed) return [];
    return [
      {
        subject: observation.subject,
        detail: text(
          'TRACE / answers 200 and echoes the request.',
          'TRACE / répond 200 et renvoie la requête.',
        ),
        evidence: `TRACE / → ${String(trace.status)} (request echoed)`,
      },
    ];
  },
};
