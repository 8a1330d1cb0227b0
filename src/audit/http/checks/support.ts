/**
 * What the HTTP checks share: their type, the page they judge, evidence lines and the
 * references they cite (OWASP, ANSSI's web recommendations, CWE, RFCs).
 */
import { text, type LocalizedText } from '../../../design/text.js';
import type { AuditReference, Check, CheckHit } from '../../types.js';
import type { HttpExchange, HttpObservation, SetCookie } from '../observation.js';

/** HTTP checks need nothing beyond the observation. */
export type HttpCheck = Check<HttpObservation>;

/** The page whose headers are judged (null: `/` sends elsewhere, or nothing answered). */
export function judgedPage(observation: HttpObservation): HttpExchange | null {
  return observation.error !== null && observation.root === null ? null : observation.page;
}

/** `GET / → 200 OK` then the header lines, as evidence of what the page sent. */
export function responseEvidence(response: HttpExchange, only?: readonly string[]): string {
  const wanted = only?.map((name) => name.toLowerCase());
  const lines = response.headers
    .filter(([name]) => wanted === undefined || wanted.includes(name.toLowerCase()))
    .map(([name, value]) => `${name}: ${value}`);
  const status =
    `${response.method} ${response.path} → ${String(response.status)} ${response.reason}`.trim();
  return [status, ...lines].join('\n');
}

export const OWASP_SECURE_HEADERS: AuditReference = {
  source: 'owasp',
  id: 'OSHP',
  title: 'OWASP Secure Headers Project',
  url: 'https://owasp.org/www-project-secure-headers/',
};

export const ANSSI_WEB: AuditReference = {
  source: 'anssi',
  id: 'ANSSI-NT-009',
  title: 'Recommandations pour la sécurisation des sites web',
  url: 'https://cyber.gouv.fr/publications/recommandations-pour-la-securisation-des-sites-web',
};

export function wstg(id: string, title: string): AuditReference {
  return {
    source: 'owasp',
    id,
    title: `OWASP Web Security Testing Guide: ${title}`,
    url: 'https://owasp.org/www-project-web-security-testing-guide/stable/',
  };
}

export function cwe(id: number, title: string): AuditReference {
  return {
    source: 'cwe',
    id: `CWE-${String(id)}`,
    title,
    url: `https://cwe.mitre.org/data/definitions/${String(id)}.html`,
  };
}

export function rfc(id: number, title: string, section?: string): AuditReference {
  return {
    source: 'rfc',
    id: `RFC ${String(id)}${section === undefined ? '' : ` §${section}`}`,
    title,
    url: `https://www.rfc-editor.org/rfc/rfc${String(id)}`,
  };
}

export const MDN_HEADERS = (name: string): AuditReference => ({
  source: 'other',
  id: `MDN ${name}`,
  title: `MDN Web Docs: ${name}`,
  url: `https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/${name}`,
});

/**
 * The hit of a header check: `/`'s page lacks the header (or its every value fails `accepts`).
 * Null page (redirect elsewhere, nothing answered): nothing to judge.
 */
export function missingHeaderHits(
  observation: HttpObservation,
  name: string,
  accepts: (value: string) => boolean = () => true,
): CheckHit[] {
  const page = judgedPage(observation);
  if (page === null) return [];
  const values = page.headers
    .filter(([key]) => key.toLowerCase() === name.toLowerCase())
    .map(([, value]) => value);
  if (values.some(accepts)) return [];
  const detail =
    values.length === 0
      ? text(`${page.path} is served without ${name}.`, `${page.path} est servi sans ${name}.`)
      : text(
          `${page.path} sends ${name} with a value that does not protect: ${values.join(', ')}.`,
          `${page.path} envoie ${name} avec une valeur qui ne protège pas : ${values.join(', ')}.`,
        );
  return [{ subject: observation.subject, detail, evidence: responseEvidence(page) }];
}

/** One hit listing the cookies that fail a test (names in the detail, masked lines as evidence). */
export function cookieHits(
  observation: HttpObservation,
  fails: (cookie: SetCookie) => boolean,
  lacking: LocalizedText,
): CheckHit[] {
  const bad = observation.cookies.filter(fails);
  if (bad.length === 0) return [];
  const names = bad.map((cookie) => cookie.name).join(', ');
  return [
    {
      subject: observation.subject,
      detail: text(
        `Cookies set without ${lacking.en}: ${names}.`,
        `Cookies posés sans ${lacking.fr} : ${names}.`,
      ),
      evidence: bad.map((cookie) => `Set-Cookie: ${cookie.raw}`).join('\n'),
    },
  ];
}
