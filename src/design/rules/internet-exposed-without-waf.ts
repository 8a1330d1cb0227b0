import type { Flow } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { isInternet } from '../analyses/internet-exposure.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { groupBy, list, named, unique } from './support-exposure.js';
import { isSourceRestricted, lowerWhen } from './support-internet.js';
import { assetsAt, isAssetKind, isOutside } from '../../model/predicates.js';

const WEB = new Set(['http', 'https']);
const RELAYS = ['reverse-proxy', 'load-balancer'] as const;
const WAF_PATTERN = /\bwaf\b|modsecurity|coraza|naxsi|bunkerweb|web application firewall/i;

/** True when the asset is declared as, or runs, a web application firewall. */
function isWaf(graph: ModelGraph, id: string): boolean {
  const asset = graph.asset(id);
  if (asset === undefined) return false;
  const names = [
    asset.name ?? '',
    ...(asset.tags ?? []),
    ...(asset.software ?? []).map((s) => s.name),
    ...(asset.services ?? []).map((s) => s.product ?? ''),
  ];
  return names.some((name) => WAF_PATTERN.test(name));
}

interface Publication {
  readonly app: string;
  readonly chain: readonly Flow[];
}

/** Web applications published to the Internet, directly or through a reverse proxy. */
function publications(graph: ModelGraph): Publication[] {
  const result: Publication[] = [];
  for (const flow of graph.model.flows) {
    if (!WEB.has(flow.protocol) || !isInternet(graph, flow.from) || isOutside(graph, flow.to))
      continue;
    for (const target of assetsAt(graph, flow.to)) {
      if (isAssetKind(graph, target, ['vpn-gateway', 'firewall', 'router', 'proxy'])) continue;
      if (!isAssetKind(graph, target, RELAYS)) {
        result.push({ app: target, chain: [flow] });
        continue;
      }
      for (const next of graph.flowsFrom(target)) {
        if (!WEB.has(next.protocol) || isOutside(graph, next.to)) continue;
        for (const app of assetsAt(graph, next.to))
          if (!isAssetKind(graph, app, RELAYS)) result.push({ app, chain: [flow, next] });
      }
    }
  }
  return result;
}

export const internetExposedWithoutWaf: Rule = {
  id: 'internet-exposed-without-waf',
  family: 'internet-exposure',
  title: text(
    'Web application published on the Internet without a web application firewall',
    'Application web publiée sur Internet sans pare-feu applicatif',
  ),
  description: text(
    'A web application is reachable from the Internet, directly or through a reverse proxy, and no device on the way is a web application firewall (WAF).',
    'Une application web est joignable depuis Internet, directement ou par un reverse proxy, et aucun équipement sur le chemin n’est un pare-feu applicatif (WAF).',
  ),
  rationale: text(
    'Injection, file inclusion and authentication bypass in web applications and their plug-ins are the most exploited Internet-facing weaknesses; a WAF analyses the requests and blocks the common attacks while fixes are rolled out.',
    'Injections, inclusions de fichiers et contournements d’authentification dans les applications web et leurs extensions sont les faiblesses exposées les plus exploitées ; un WAF analyse les requêtes et bloque les attaques courantes le temps de corriger.',
  ),
  remediation: text(
    'Put a web application firewall (on the reverse proxy or as a service) in front of the application, in blocking mode for the known attack classes, and keep the application and its plug-ins up to date.',
    'Placer un pare-feu applicatif (sur le reverse proxy ou en service) devant l’application, en mode blocage pour les classes d’attaques connues, et maintenir l’application et ses extensions à jour.',
  ),
  falsePositives: text(
    'A WAF is recognised by a tag `waf`, or by its name, software or product (ModSecurity, Coraza, NAXSI, BunkerWeb…): declare it so. Static sites with no input may be accepted. A publication accepting only listed sources (`allowedSources`) is reported with a lower likelihood.',
    'Un WAF est reconnu par une étiquette `waf`, ou par son nom, son logiciel ou son produit (ModSecurity, Coraza, NAXSI, BunkerWeb…) : le déclarer ainsi. Les sites statiques sans saisie peuvent être acceptés. Une publication n’acceptant que des sources listées (`allowedSources`) est signalée avec une vraisemblance moindre.',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['interco:R9', 'hygiene:23'],
    iso27002: ['8.20', '8.26'],
    cwe: ['CWE-20'],
    attack: ['T1190', 'M1050'],
  },
  evaluate({ graph }) {
    const hits: RuleHit[] = [];
    for (const [app, group] of groupBy(publications(graph), (p) => p.app)) {
      const unprotected = group.filter(
        (p) =>
          !isWaf(graph, app) &&
          !p.chain.some((f) => [f.to, ...(f.via ?? [])].some((id) => isWaf(graph, id))),
      );
      if (unprotected.length === 0) continue;
      const flows = unique(unprotected.flatMap((p) => p.chain.map((f) => f.id)));
      const devices = unique(
        unprotected.flatMap((p) => p.chain.flatMap((f) => [f.to, ...(f.via ?? [])])),
      ).filter((id) => id !== app);
      const front = (fr: boolean): string =>
        devices.length === 0
          ? fr
            ? 'sans aucun équipement devant'
            : 'with no device in front of it'
          : fr
            ? `et aucun de ${list(devices)} n’est un pare-feu applicatif`
            : `and none of ${list(devices)} is a web application firewall`;
      hits.push(
        hit(
          app,
          text(
            `${named(graph, app)} is published on the Internet (${list(flows)}) ${front(false)}.`,
            `${named(graph, app)} est publié sur Internet (${list(flows)}) ${front(true)}.`,
          ),
          {
            related: [...flows, ...devices],
            likelihood: lowerWhen(
              2,
              unprotected.every((p) => isSourceRestricted(p.chain[0])),
            ),
          },
        ),
      );
    }
    return hits;
  },
};
