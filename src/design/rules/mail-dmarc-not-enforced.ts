import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list, organisationSubject } from './support-exposure.js';
import { dmarcState, dmarcWording } from './support-mail.js';

export const mailDmarcNotEnforced: Rule = {
  id: 'mail-dmarc-not-enforced',
  family: 'mail',
  title: text(
    'Mail domain without an enforced DMARC policy',
    'Domaine de messagerie sans politique DMARC appliquée',
  ),
  description: text(
    'A mail domain of the organisation publishes only `p=none` (monitoring): receivers still deliver messages that fail SPF and DKIM. A domain whose policy the model does not state (`unknown` or left out) is reported at a lower severity, as a policy to check.',
    'Un domaine de messagerie de l’organisation ne publie que `p=none` (surveillance) : les destinataires acceptent encore les messages qui échouent à SPF et DKIM. Un domaine dont le modèle n’indique pas la politique (`unknown` ou absente) est signalé avec une gravité moindre, comme une politique à vérifier.',
  ),
  rationale: text(
    'Without an enforced DMARC policy, anyone can send mail that appears to come from the organisation’s domain to its customers, suppliers and staff: invoice fraud, fake-CEO requests and phishing gain the organisation’s credibility.',
    'Sans politique DMARC appliquée, n’importe qui peut envoyer des courriels semblant venir du domaine de l’organisation à ses clients, fournisseurs et salariés : fraudes au virement, faux ordres du dirigeant et hameçonnage profitent de sa crédibilité.',
  ),
  remediation: text(
    'Publish a DMARC record, analyse the aggregate reports (`rua`) to list every legitimate sender, align SPF and DKIM for them, then move to `p=quarantine` and `p=reject`. Give non-sending domains `p=reject` with an empty SPF. When the policy is not known, read the published record (TXT `_dmarc.<domain>`) and state it in the model.',
    'Publier un enregistrement DMARC, analyser les rapports agrégés (`rua`) pour recenser tous les émetteurs légitimes, aligner SPF et DKIM pour eux, puis passer à `p=quarantine` et `p=reject`. Donner aux domaines qui n’émettent pas `p=reject` et un SPF vide. Quand la politique n’est pas connue, lire l’enregistrement publié (TXT `_dmarc.<domaine>`) et l’indiquer dans le modèle.',
  ),
  falsePositives: text(
    'A domain just moved to DMARC monitoring, as the guide recommends before enforcing, is reported: accept the finding with a review date.',
    'Un domaine tout juste passé en surveillance DMARC, comme le guide le recommande avant application, est signalé : accepter le constat avec une date de revue.',
  ),
  likelihood: 3,
  impact: ['integrity', 'confidentiality'],
  references: {
    anssi: ['interco:R48', 'hygiene:24'],
    iso27002: ['8.21', '5.14'],
    cwe: ['CWE-290'],
    attack: ['T1566', 'T1656', 'M1054'],
  },
  evaluate({ model }) {
    const domains = model.organisation?.domains ?? [];
    const monitoring = domains.filter((d) => dmarcState(d) === 'monitoring');
    const unknown = domains.filter((d) => dmarcState(d) === 'unknown');
    if (monitoring.length === 0 && unknown.length === 0) return [];
    const names = (ds: typeof domains): string => list(ds.map((d) => d.name));
    const stated =
      monitoring.length === 0
        ? undefined
        : text(
            `DMARC is not enforced on ${list(monitoring.map((d) => `${d.name} (p=none)`))}: spoofed mail from these domains is still delivered.`,
            `DMARC n’est pas appliqué sur ${list(monitoring.map((d) => `${d.name} (p=none)`))} : les courriels usurpant ces domaines sont encore distribués.`,
          );
    const wording = unknown[0] === undefined ? undefined : dmarcWording(unknown[0]);
    const notKnown =
      wording === undefined
        ? undefined
        : text(
            `${names(unknown)} (${wording.en}): without an enforced policy, spoofed mail would be delivered.`,
            `${names(unknown)} (${wording.fr}) : sans politique appliquée, les courriels usurpés seraient distribués.`,
          );
    const parts = [stated, notKnown].filter((t) => t !== undefined);
    return [
      hit(
        organisationSubject(),
        text(parts.map((t) => t.en).join(' '), parts.map((t) => t.fr).join(' ')),
        // a stated p=none is a known weakness; a policy nobody checked is a question to answer
        monitoring.length > 0 ? {} : { likelihood: 1 },
      ),
    ];
  },
};
