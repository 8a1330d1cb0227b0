/**
 * Scope and method: what was analysed (model content, dates), which rules ran, how severity is
 * computed (likelihood × impact, impact from the propagated DICP needs), how attack paths and
 * choke points are found, and the limits of the exercise.
 */
import { SOURCE_KINDS } from '../../design/attack/sources.js';
import { severityOf, type FindingSeverity } from '../../design/findings.js';
import { severityLabel } from '../../design/output/findings-text.js';
import { RULE_FAMILIES, type Level, type RuleFamily } from '../../design/rule.js';
import { text } from '../../design/text.js';
import { longDate } from '../labels.js';
import { bold, code, type Block, type Inline } from '../model.js';
import { codeList, type ReportContext } from './context.js';
import { agree, assets, families, rules } from './texts.js';
import { familyLabel, SOURCE_KIND_LABELS } from './vocabulary.js';

const L = text;

const TEXTS = {
  model: L('Model analysed', 'Modèle analysé'),
  intro: (org: string, version: string, date: string, today: string) =>
    L(
      `This report (version ${version} of ${date}) presents the security analysis of the information system model of ${org}. The analyses were run as of ${today}: risk decisions are checked against that date.`,
      `Ce rapport (version ${version} du ${date}) présente l’analyse de sécurité du modèle du système d’information de ${org}. Les analyses ont été conduites à la date du ${today}, à laquelle les décisions de traitement du risque sont vérifiées.`,
    ),
  contentCaption: L('Content of the model', 'Contenu du modèle'),
  entityKind: L('Entities', 'Entités'),
  kinds: {
    sites: L('Sites', 'Sites'),
    zones: L('Zones', 'Zones'),
    assets: L('Assets', 'Actifs'),
    flows: L('Flows', 'Flux'),
    data: L('Data sets', 'Jeux de données'),
    processes: L('Business processes', 'Processus métier'),
    identities: L('Identities and groups', 'Identités et groupes'),
    backups: L('Backup policies', 'Politiques de sauvegarde'),
    measures: L('Security measures', 'Mesures de sécurité'),
    decisions: L('Risk decisions', 'Décisions de traitement du risque'),
  },
  rulesIntro: (r: number, f: number) =>
    L(
      `${rules(r).en} from ${families(f).en} ${agree(r, ['was', 'were'], ['', '']).en} run over the model. Each finding is identified by the rule and the entity it is about (“rule@entity”), an identifier that stays the same from one analysis to the next and that risk decisions refer to.`,
      `${rules(r).fr} de ${families(f).fr} ${agree(r, ['', ''], ['a été appliquée', 'ont été appliquées']).fr} au modèle. Chaque constat est identifié par la règle et l’entité qu’il concerne (« règle@entité »), un identifiant stable d’une analyse à l’autre auquel se réfèrent les décisions de traitement du risque.`,
    ),
  rulesCaption: L(
    'Rules run and findings, by family',
    'Règles appliquées et constats, par famille',
  ),
  failuresTitle: L('Rules that could not run', 'Règles qui n’ont pu s’exécuter'),
  failures: (n: number) =>
    L(
      `${rules(n).en} failed while evaluating the model; their findings are missing from this report:`,
      `${rules(n).fr} ${agree(n, ['', ''], ['a échoué', 'ont échoué']).fr} sur le modèle ; leurs constats manquent à ce rapport :`,
    ),
  severityTitle: L('How severity is computed', 'Calcul de la gravité'),
  severityText: L(
    'The severity of a finding is the product of its likelihood and its impact, each from 1 to 4. The likelihood is the rule’s, raised for an occurrence that is easier to exploit (for example when the asset is reachable from the Internet). The impact is the highest security need, on the criteria the rule puts at stake, of the entities involved: each asset inherits the highest need (availability, integrity, confidentiality, proof) of the business processes and data it supports, stores or hosts. When none of them has a known need, the impact is 2. A score of 16 is critical, 9 or more high, 4 or more medium, below that low.',
    'La gravité d’un constat est le produit de sa vraisemblance et de son impact, chacun de 1 à 4. La vraisemblance est celle de la règle, relevée pour une occurrence plus facile à exploiter (par exemple un actif joignable depuis Internet). L’impact est le besoin de sécurité le plus élevé, sur les critères que la règle met en jeu, des entités concernées : chaque actif hérite du besoin le plus élevé (disponibilité, intégrité, confidentialité, preuve) des processus métier et des données qu’il soutient, stocke ou héberge. Sans besoin connu, l’impact vaut 2. Un score de 16 est critique, de 9 ou plus élevé, de 4 ou plus moyen, en deçà faible.',
  ),
  matrixCaption: L(
    'Severity by likelihood (rows) and impact (columns)',
    'Gravité selon la vraisemblance (lignes) et l’impact (colonnes)',
  ),
  likelihood: L('Likelihood', 'Vraisemblance'),
  impact: L('Impact', 'Impact'),
  pathsTitle: L('How attack paths are found', 'Recherche des chemins d’attaque'),
  pathsText: L(
    'Threat sources are where an attacker starts: the Internet, a workstation compromised by phishing in each user zone, a guest Wi-Fi client, a compromised third party using its access, a malicious insider. Crown jewels are the assets an attacker aims for: those that store or host data with a confidentiality or integrity need of 3 or more, that support a process with a need of 3 or more, directories, backup servers and backup targets, industrial controllers. The attack graph links them through allowed flows, exposed services and administration interfaces, accounts that log in where an attacker can reach them, shared accounts, access rights, remote accesses and hosting. Each step has a probability of success, from what makes it easier or harder (protocol, authentication, known vulnerabilities, unsupported software, MFA, EDR), and its MITRE ATT&CK technique; the likelihood of a path is the product of the probabilities of its steps.',
    'Les sources de menace sont les points de départ d’un attaquant : Internet, un poste compromis par hameçonnage dans chaque zone utilisateurs, un client du Wi-Fi invités, un tiers compromis qui utilise ses accès, un initié malveillant. Les biens critiques sont les actifs qu’un attaquant vise : ceux qui stockent ou hébergent des données de besoin en confidentialité ou en intégrité de 3 ou plus, qui soutiennent un processus de besoin de 3 ou plus, les annuaires, les serveurs et cibles de sauvegarde, les automates industriels. Le graphe d’attaque les relie par les flux autorisés, les services et interfaces d’administration exposés, les comptes qui se connectent là où un attaquant peut les atteindre, les comptes partagés, les droits d’accès, les accès distants et l’hébergement. Chaque étape a une probabilité de succès, selon ce qui la facilite ou la freine (protocole, authentification, vulnérabilités connues, logiciel hors support, MFA, EDR), et sa technique MITRE ATT&CK ; la vraisemblance d’un chemin est le produit des probabilités de ses étapes.',
  ),
  cutsText: L(
    'For each crown jewel, the most likely distinct paths are kept (k shortest paths by Yen’s algorithm, on the negative logarithm of the probabilities), plus the best path of every other source that reaches it. Choke points come from minimum cuts (maximum flow): the smallest set of flows, interfaces, logins, accounts, rights or remote accesses whose removal disconnects the sources from a crown jewel; a last cut protects every crown jewel at once against the external sources. Choke points are ranked by the number of computed paths they cut for what cutting costs (a configuration change, a control to add, an architecture change, removing a flow a critical process needs), after any cheaper element that cuts the same paths.',
    'Pour chaque bien critique, les chemins distincts les plus vraisemblables sont retenus (k plus courts chemins par l’algorithme de Yen, sur l’opposé du logarithme des probabilités), ainsi que le meilleur chemin de chaque autre source qui l’atteint. Les points de coupure proviennent de coupes minimales (flot maximal) : le plus petit ensemble de flux, d’interfaces, de connexions, de comptes, de droits ou d’accès distants dont la suppression déconnecte les sources d’un bien critique ; une dernière coupe protège tous les biens critiques à la fois contre les sources externes. Les points de coupure sont classés selon le nombre de chemins calculés qu’ils coupent rapporté à ce que la coupure coûte (un changement de configuration, une mesure à ajouter, un changement d’architecture, la suppression d’un flux nécessaire à un processus critique), après tout élément moins coûteux qui coupe les mêmes chemins.',
  ),
  sourcesCaption: L('Threat sources considered', 'Sources de menace considérées'),
  sourceKind: L('Threat source', 'Source de menace'),
  examples: L('Examples', 'Exemples'),
  limitsTitle: L('Limits', 'Limites'),
  limits: [
    L(
      'The analysis sees only what the model declares: an undeclared flow, account, exposure or weakness is not analysed. The more complete the model, the more faithful the report.',
      'L’analyse ne voit que ce que le modèle déclare : un flux, un compte, une exposition ou une faiblesse non déclarés ne sont pas analysés. Plus le modèle est complet, plus le rapport est fidèle.',
    ),
    L(
      'The probabilities of attack steps are documented heuristics, not calibrated measurements: compare paths with one another rather than reading their likelihood as an absolute probability.',
      'Les probabilités des étapes d’attaque sont des heuristiques documentées, non des mesures étalonnées : comparer les chemins entre eux plutôt que lire leur vraisemblance comme une probabilité absolue.',
    ),
    L(
      'A choke point may name a business flow or an access right that cannot simply be removed: read its action as a direction (filter, restrict, harden) to be weighed against the business need.',
      'Un point de coupure peut désigner un flux métier ou un droit d’accès qu’on ne peut pas simplement supprimer : lire son action comme une orientation (filtrer, restreindre, durcir) à mettre en balance avec le besoin métier.',
    ),
    L(
      'Some rules overlap on purpose: the same asset can be named by an exposure, an obsolescence and a vulnerability finding, each calling for its own measure.',
      'Certaines règles se recoupent volontairement : un même actif peut faire l’objet d’un constat d’exposition, d’obsolescence et de vulnérabilité, chacun appelant sa propre mesure.',
    ),
    L(
      'Risk decisions are taken as the model records them; the report only checks that their review date has not passed.',
      'Les décisions de traitement du risque sont prises telles que le modèle les consigne ; le rapport vérifie seulement que leur date de revue n’est pas dépassée.',
    ),
  ],
  unrated: (n: number) =>
    L(
      `${assets(n).en} ${agree(n, ['supports', 'support'], ['', '']).en} no business value with a known need: their findings use the default impact.`,
      `${assets(n).fr} ${agree(n, ['', ''], ['ne soutient', 'ne soutiennent']).fr} aucune valeur métier de besoin connu : leurs constats prennent l’impact par défaut.`,
    ),
  noPaths: L(
    'Attack paths were not computed for this report.',
    'Les chemins d’attaque n’ont pas été calculés pour ce rapport.',
  ),
} as const;

function modelSection(context: ReportContext, version: string, date: string): Block {
  const { input, locale } = context;
  const { model } = input;
  const org = model.organisation?.legalName ?? model.organisation?.name ?? '—';
  const kinds = Object.keys(TEXTS.kinds) as (keyof typeof TEXTS.kinds)[];
  return {
    kind: 'section',
    id: 'scope-model',
    title: TEXTS.model[locale],
    children: [
      {
        kind: 'paragraph',
        content: [
          TEXTS.intro(org, version, longDate(locale, date), longDate(locale, input.today))[locale],
        ],
      },
      {
        kind: 'table',
        id: 'scope-model-content',
        caption: [TEXTS.contentCaption[locale]],
        columns: [
          { title: TEXTS.entityKind[locale], width: 3 },
          { title: context.t.count, align: 'right' },
        ],
        rows: kinds.map((k) => [[TEXTS.kinds[k][locale]], [String(model[k].length)]]),
      },
    ],
  };
}

function rulesSection(context: ReportContext): Block {
  const { input, locale, t } = context;
  const byFamily = new Map<RuleFamily, { rules: number; open: number; decided: number }>();
  for (const rule of input.rules) {
    const entry = byFamily.get(rule.family) ?? { rules: 0, open: 0, decided: 0 };
    byFamily.set(rule.family, { ...entry, rules: entry.rules + 1 });
  }
  for (const finding of input.findings) {
    const entry = byFamily.get(finding.family) ?? { rules: 0, open: 0, decided: 0 };
    if (finding.status === 'open') entry.open += 1;
    else entry.decided += 1;
    byFamily.set(finding.family, entry);
  }
  const present = RULE_FAMILIES.filter((f) => byFamily.has(f));
  const children: Block[] = [
    {
      kind: 'paragraph',
      content: [TEXTS.rulesIntro(input.rules.length, present.length)[locale]],
    },
    {
      kind: 'table',
      id: 'scope-rules-by-family',
      caption: [TEXTS.rulesCaption[locale]],
      columns: [
        { title: t.family, width: 3 },
        { title: t.rulesWord, align: 'right' },
        { title: t.open, align: 'right' },
        { title: t.decided, align: 'right' },
      ],
      rows: [
        ...present.map((family) => {
          const e = byFamily.get(family) ?? { rules: 0, open: 0, decided: 0 };
          return [
            [familyLabel(family, locale)],
            [String(e.rules)],
            [String(e.open)],
            [String(e.decided)],
          ];
        }),
        [
          [bold(t.total)],
          [String(input.rules.length)],
          [String(context.open.length)],
          [String(context.decided.length)],
        ],
      ],
    },
  ];
  if (input.ruleFailures.length > 0) {
    children.push({
      kind: 'callout',
      tone: 'warning',
      title: TEXTS.failuresTitle[locale],
      content: [
        `${TEXTS.failures(input.ruleFailures.length)[locale]} `,
        ...input.ruleFailures.flatMap((f, i): Inline[] => [
          i === 0 ? '' : '; ',
          code(f.ruleId),
          ` (${f.message})`,
        ]),
      ],
    });
  }
  return { kind: 'section', id: 'scope-rules', title: t.appendixRules, children };
}

function severitySection(context: ReportContext): Block {
  const { locale } = context;
  const levels: Level[] = [4, 3, 2, 1];
  const cell = (s: FindingSeverity): Inline[] => [severityLabel(s, locale)];
  return {
    kind: 'section',
    id: 'scope-severity',
    title: TEXTS.severityTitle[locale],
    children: [
      { kind: 'paragraph', content: [TEXTS.severityText[locale]] },
      {
        kind: 'table',
        id: 'scope-severity-matrix',
        caption: [TEXTS.matrixCaption[locale]],
        columns: [
          { title: `${TEXTS.likelihood[locale]} ↓ ${TEXTS.impact[locale]} →`, width: 2 },
          ...[1, 2, 3, 4].map((i) => ({ title: String(i), align: 'center' as const })),
        ],
        rows: levels.map((l) => [
          [String(l)],
          ...([1, 2, 3, 4] as Level[]).map((i) => cell(severityOf(l, i))),
        ]),
      },
    ],
  };
}

function pathsSection(context: ReportContext): Block {
  const { input, locale } = context;
  const children: Block[] = [
    { kind: 'paragraph', content: [TEXTS.pathsText[locale]] },
    { kind: 'paragraph', content: [TEXTS.cutsText[locale]] },
  ];
  const attack = input.attack;
  if (attack === undefined) children.push({ kind: 'paragraph', content: [TEXTS.noPaths[locale]] });
  else {
    children.push({
      kind: 'table',
      id: 'scope-sources',
      caption: [TEXTS.sourcesCaption[locale]],
      columns: [
        { title: TEXTS.sourceKind[locale], width: 3 },
        { title: context.t.count, align: 'right' },
        { title: TEXTS.examples[locale], width: 5 },
      ],
      rows: SOURCE_KINDS.map((kind) => {
        const ids = attack.sources.filter((s) => s.kind === kind).map((s) => s.id);
        return [
          [SOURCE_KIND_LABELS[kind][locale]],
          [String(ids.length)],
          codeList(ids, context.t.more, 4),
        ];
      }),
    });
  }
  return { kind: 'section', id: 'scope-paths', title: TEXTS.pathsTitle[locale], children };
}

/** Section 2: scope and method. */
export function scopeSection(context: ReportContext, version: string, date: string): Block {
  const { locale, input } = context;
  const limits = TEXTS.limits.map((l) => [l[locale]]);
  if (input.needsReport.unrated.length > 0)
    limits.push([TEXTS.unrated(input.needsReport.unrated.length)[locale]]);
  return {
    kind: 'section',
    id: 'scope',
    title: context.t.scope,
    children: [
      modelSection(context, version, date),
      rulesSection(context),
      severitySection(context),
      pathsSection(context),
      {
        kind: 'section',
        id: 'scope-limits',
        title: TEXTS.limitsTitle[locale],
        children: [{ kind: 'list', items: limits }],
      },
    ],
  };
}
