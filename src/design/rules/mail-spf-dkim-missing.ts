import { hit, type Level, type Rule } from '../rule.js';
import { text } from '../text.js';
import { organisationSubject } from './support-exposure.js';
import { dmarcState, dmarcWording } from './support-mail.js';

export const mailSpfDkimMissing: Rule = {
  id: 'mail-spf-dkim-missing',
  family: 'mail',
  title: text('Mail domain without SPF or DKIM', 'Domaine de messagerie sans SPF ou DKIM'),
  description: text(
    'A mail domain of the organisation publishes no SPF record, or does not sign its mail with DKIM while its DMARC policy is not known to be enforced (`none`, `unknown` or not stated).',
    'Un domaine de messagerie de l’organisation ne publie pas d’enregistrement SPF, ou ne signe pas ses courriels avec DKIM alors que sa politique DMARC n’est pas connue comme appliquée (`none`, `unknown` ou non indiquée).',
  ),
  rationale: text(
    'SPF lists the servers allowed to send for the domain and DKIM signs the messages: without them, receivers cannot tell the organisation’s mail from forgeries, and DMARC has nothing to check.',
    'SPF liste les serveurs autorisés à émettre pour le domaine et DKIM signe les messages : sans eux, les destinataires ne distinguent pas les courriels de l’organisation des contrefaçons, et DMARC n’a rien à vérifier.',
  ),
  remediation: text(
    'Publish an SPF record that lists every legitimate sender and ends with `-all`; sign outgoing mail with DKIM (2048-bit keys, protected private key) on every sending platform.',
    'Publier un enregistrement SPF listant tous les émetteurs légitimes et terminé par `-all` ; signer les courriels sortants avec DKIM (clés de 2048 bits, clé privée protégée) sur chaque plateforme d’envoi.',
  ),
  falsePositives: text(
    'DKIM is not required on a domain whose DMARC policy is already quarantine or reject with SPF in place (a locked, non-sending domain).',
    'DKIM n’est pas exigé sur un domaine dont la politique DMARC est déjà quarantine ou reject avec SPF en place (domaine verrouillé qui n’émet pas).',
  ),
  likelihood: 3,
  impact: ['integrity', 'confidentiality'],
  references: {
    anssi: ['interco:R44', 'interco:R46', 'hygiene:24'],
    iso27002: ['8.21', '5.14'],
    cwe: ['CWE-290'],
    attack: ['T1566', 'T1656', 'M1054'],
  },
  evaluate({ model }) {
    const problems: { en: string; fr: string; likelihood: Level }[] = [];
    for (const domain of model.organisation?.domains ?? []) {
      // the DKIM exemption needs a policy known to be enforced: p=none or a policy nobody
      // checked does not lock the domain (same reading as mail-dmarc-not-enforced)
      const state = dmarcState(domain);
      const noSpf = domain.spf !== true;
      const noDkim = domain.dkim !== true && !(state === 'enforced' && !noSpf);
      if (!noSpf && !noDkim) continue;
      const missing = [noSpf ? 'SPF' : '', noDkim ? 'DKIM' : '']
        .filter((s) => s !== '')
        .join(' + ');
      const why = noDkim && state === 'unknown' ? dmarcWording(domain) : undefined;
      problems.push({
        en: `${domain.name} (no ${missing}${why === undefined ? '' : `; ${why.en}`})`,
        fr: `${domain.name} (sans ${missing}${why === undefined ? '' : ` ; ${why.fr}`})`,
        likelihood: noSpf ? 3 : 2,
      });
    }
    if (problems.length === 0) return [];
    const likelihood = Math.max(...problems.map((p) => p.likelihood)) as Level;
    return [
      hit(
        organisationSubject(),
        text(
          `Mail authentication is incomplete on ${problems.map((p) => p.en).join(', ')}.`,
          `L’authentification des courriels est incomplète sur ${problems.map((p) => p.fr).join(', ')}.`,
        ),
        { likelihood },
      ),
    ];
  },
};
