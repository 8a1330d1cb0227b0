/** Every text of the audit report, in both languages. */
import { text } from '../../design/text.js';
import type { Severity } from '../../audit/types.js';

export const SEVERITY_TEXT: Readonly<Record<Severity, ReturnType<typeof text>>> = {
  critical: text('Critical', 'Critique'),
  high: text('High', 'Élevée'),
  medium: text('Medium', 'Moyenne'),
  low: text('Low', 'Faible'),
  info: text('Information', 'Information'),
};

export const AUDIT_TEXTS = {
  documentTitle: text('Technical security audit report', 'Rapport d’audit technique de sécurité'),
  documentSubtitle: (campaign: string, organisation: string) =>
    text(`${campaign} — ${organisation}`, `${campaign} — ${organisation}`),
  firstIssue: text('First issue', 'Première diffusion'),
  organisationNotStated: text('Organisation not stated', 'Organisation non renseignée'),
  summary: text('Executive summary', 'Synthèse'),
  summaryLead: (findings: number, targets: number, hosts: number) =>
    text(
      `The campaign examined ${targets} target(s) and reached ${hosts} host(s); it raised ${findings} finding(s).`,
      `La campagne a examiné ${targets} cible(s) et joint ${hosts} hôte(s) ; elle relève ${findings} constat(s).`,
    ),
  summaryNone: text(
    'No weakness was found on the targets in scope.',
    'Aucune faiblesse n’a été relevée sur les cibles du périmètre.',
  ),
  summaryWorst: (count: number, label: string) =>
    text(
      `${count} finding(s) are rated ${label.toLowerCase()}: they are to be handled first (see the action plan).`,
      `${count} constat(s) sont de gravité ${label.toLowerCase()} : ils sont à traiter en premier (voir le plan d’action).`,
    ),
  summaryDrift: (count: number) =>
    text(
      `${count} difference(s) between what was observed and what the model declares: the model, or the systems, must be brought back in line.`,
      `${count} écart(s) entre ce qui a été observé et ce que déclare le modèle : le modèle, ou les systèmes, sont à remettre en cohérence.`,
    ),
  summaryComparison: (added: number, fixed: number, persisting: number) =>
    text(
      `Compared with the previous campaign: ${added} new, ${fixed} fixed, ${persisting} still open.`,
      `Par rapport à la campagne précédente : ${added} nouveau(x), ${fixed} corrigé(s), ${persisting} toujours ouvert(s).`,
    ),
  bySeverity: text('Findings by severity', 'Constats par gravité'),
  topFindings: text('Most serious findings', 'Constats les plus graves'),
  severity: text('Severity', 'Gravité'),
  count: text('Count', 'Nombre'),
  finding: text('Finding', 'Constat'),
  target: text('Target', 'Cible'),
  entities: text('Model entities', 'Entités du modèle'),
  scope: text('Scope and method', 'Périmètre et méthode'),
  scopeLead: text(
    'Only the targets of the declared scope were probed; any other address or port was refused before a packet was sent. Probes are read-only: they connect, read what the service says and close.',
    'Seules les cibles du périmètre déclaré ont été sondées ; toute autre adresse ou tout autre port a été refusé avant l’envoi d’un paquet. Les sondes sont en lecture seule : elles se connectent, lisent ce que le service annonce et ferment.',
  ),
  campaign: text('Campaign', 'Campagne'),
  period: text('Period', 'Période'),
  duration: text('Duration', 'Durée'),
  vantage: text('Vantage zone', 'Zone d’observation'),
  vantageNone: text('not stated', 'non renseignée'),
  model: text('Model', 'Modèle'),
  modelNone: text('none (no drift analysis)', 'aucun (pas d’analyse d’écarts)'),
  scopeFile: text('Scope file', 'Fichier de périmètre'),
  targets: text('Targets', 'Cibles'),
  ports: text('Ports', 'Ports'),
  tool: text('Tool', 'Outil'),
  connections: text('Connections', 'Connexions'),
  checksMade: text('Checks made', 'Contrôles réalisés'),
  checksList: text(
    'TCP ports and services (banners and handshakes); TLS (protocols, cipher suites, groups, certificate chain) against the Mozilla profiles and the ANSSI recommendations; HTTP security headers against the OWASP Secure Headers lists, cookies, disclosure, sensitive paths; SSH algorithms and authentication methods against ssh-audit’s policy; DNS and mail (SPF, DKIM, DMARC, MX, MTA-STS, DNSSEC); drift against the model.',
    'Ports TCP et services (bannières et négociations) ; TLS (protocoles, suites, groupes, chaîne de certificats) au regard des profils Mozilla et des recommandations de l’ANSSI ; en-têtes de sécurité HTTP au regard des listes OWASP Secure Headers, cookies, divulgation, chemins sensibles ; algorithmes et méthodes d’authentification SSH au regard de la politique de ssh-audit ; DNS et messagerie (SPF, DKIM, DMARC, MX, MTA-STS, DNSSEC) ; écarts avec le modèle.',
  ),
  refused: text('Targets refused (out of scope)', 'Cibles refusées (hors périmètre)'),
  reason: text('Reason', 'Motif'),
  errors: text('Probes that could not finish', 'Sondes n’ayant pu aboutir'),
  probe: text('Probe', 'Sonde'),
  message: text('Message', 'Message'),
  findings: text('Findings', 'Constats'),
  findingsLead: text(
    'Each finding gives its CVSS v3.1 vector and score, exactly what was seen (evidence), the remediation and its references. Findings of one check are grouped: fixing the cause closes them together.',
    'Chaque constat donne son vecteur et son score CVSS v3.1, exactement ce qui a été vu (preuve), la remédiation et ses références. Les constats d’un même contrôle sont regroupés : corriger la cause les clôt ensemble.',
  ),
  noFindings: text('No finding.', 'Aucun constat.'),
  cvss: text('CVSS v3.1', 'CVSS v3.1'),
  detail: text('Detail', 'Détail'),
  evidence: text('Evidence', 'Preuve'),
  remediation: text('Remediation', 'Remédiation'),
  references: text('References', 'Références'),
  occurrences: (count: number) => text(`${count} occurrence(s)`, `${count} occurrence(s)`),
  drift: text('Drift against the model', 'Écarts avec le modèle'),
  driftLead: text(
    'What the scan observed and the model does not declare, or declares differently. Each difference names the model entity; the platform offers to update the model (as a reviewable change) or to open an action.',
    'Ce que l’analyse a observé et que le modèle ne déclare pas, ou déclare autrement. Chaque écart nomme l’entité du modèle ; la plateforme propose de mettre le modèle à jour (modification relue avant validation) ou d’ouvrir une action.',
  ),
  noDrift: text(
    'No difference between the observation and the model.',
    'Aucun écart entre l’observation et le modèle.',
  ),
  noModel: text(
    'The campaign ran without a model: no drift analysis.',
    'La campagne s’est déroulée sans modèle : pas d’analyse d’écarts.',
  ),
  proposal: text('Proposed model update', 'Mise à jour proposée du modèle'),
  comparison: text(
    'Comparison with the previous campaign',
    'Comparaison avec la campagne précédente',
  ),
  previous: text('Previous campaign', 'Campagne précédente'),
  added: text('New findings', 'Nouveaux constats'),
  fixed: text('Fixed findings', 'Constats corrigés'),
  persisting: text('Still open', 'Toujours ouverts'),
  noPrevious: text(
    'No previous campaign was given: this campaign is the baseline of the next ones.',
    'Aucune campagne précédente n’a été fournie : cette campagne sert de référence aux suivantes.',
  ),
  plan: text('Action plan', 'Plan d’action'),
  planLead: text(
    'One action per root cause, most serious first. Due dates follow the severity (critical 7 days, high 30, medium 90, low 180) unless set otherwise; owners come from the model.',
    'Une action par cause, la plus grave d’abord. Les échéances suivent la gravité (critique 7 jours, élevée 30, moyenne 90, faible 180) sauf mention contraire ; les responsables viennent du modèle.',
  ),
  action: text('Action', 'Action'),
  owner: text('Owner', 'Responsable'),
  due: text('Due', 'Échéance'),
  status: text('Status', 'Statut'),
  ownerNone: text('to be named', 'à désigner'),
  statuses: {
    open: text('open', 'ouverte'),
    'in-progress': text('in progress', 'en cours'),
    done: text('done', 'terminée'),
    accepted: text('risk accepted', 'risque accepté'),
  },
  hosts: text('Hosts and services observed', 'Hôtes et services observés'),
  address: text('Address', 'Adresse'),
  port: text('Port', 'Port'),
  service: text('Service', 'Service'),
  product: text('Product and version', 'Produit et version'),
  noHosts: text('No host answered.', 'Aucun hôte n’a répondu.'),
  unknown: text('unknown', 'inconnu'),
  moreRows: (count: number) =>
    text(
      `${count} more row(s) are in the results file.`,
      `${count} ligne(s) de plus figurent dans le fichier de résultats.`,
    ),
} as const;
