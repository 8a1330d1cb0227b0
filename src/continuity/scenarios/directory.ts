/**
 * Loss of the directory (corrupted or compromised Active Directory, identity provider down):
 * every directory asset is lost — kind `directory`, any asset others reach over a directory
 * protocol (LDAP, Kerberos, RADIUS, TACACS+: a domain controller declared as a server), and the
 * identity provider of single sign-on (what at least two assets authenticating by `sso` or
 * `directory` call over HTTP(S) and that does not itself sign on through another, e.g. a SaaS
 * IdP) — or only the one named (`directory:<asset>`). Its data is gone (restored from a backup
 * or rebuilt); when several on-premises directory servers are lost, one (newest surviving copy,
 * then documented procedure, then id) is restored authoritatively and the others re-promoted
 * from it after it, their data coming back by replication. Every
 * asset authenticating through the directory (`authentication.method` `directory` or `sso`) or
 * calling a lost directory over a directory protocol is unusable until the directory is back: it
 * is scheduled after it, with no work of its own: unusable, its data intact. A lost directory with no documented
 * `recovery.procedure` is reported (`no-procedure`).
 */
import { minutesOf } from '../../design/analyses/backup-coverage.js';
import { protocolInfo } from '../../domain/model/protocol.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { label } from '../../model/predicates.js';
import type { Precedence } from '../schedule/list-scheduler.js';
import { buildPrecedences } from '../schedule/precedence.js';
import { copiesOf, nameList } from './evaluate.js';
import { isCloud } from './provider.js';
import type { LostAsset, MissingItem, ScenarioAssumption, ScenarioDefinition } from './types.js';

/** Web protocols an identity provider answers single sign-on over (SAML, OpenID Connect). */
const SSO_PROTOCOLS: ReadonlySet<string> = new Set(['https', 'http']);

const authenticatesThroughDirectory = (graph: ModelGraph, id: string): boolean => {
  const method = graph.asset(id)?.authentication?.method;
  return method === 'directory' || method === 'sso';
};

/** The directories of a model: directory assets and identity providers (see the header). */
export function directoriesOf(graph: ModelGraph): readonly string[] {
  const found = new Set<string>();
  for (const asset of graph.model.assets) if (asset.kind === 'directory') found.add(asset.id);
  const ssoClients = new Map<string, Set<string>>();
  for (const flow of graph.model.flows) {
    const ends = flow.bidirectional === true ? [flow, { from: flow.to, to: flow.from }] : [flow];
    for (const { from, to } of ends) {
      if (graph.asset(to) === undefined) continue;
      if (protocolInfo(flow.protocol).family === 'directory') found.add(to);
      else if (
        SSO_PROTOCOLS.has(flow.protocol) &&
        graph.asset(from) !== undefined &&
        authenticatesThroughDirectory(graph, from) &&
        !authenticatesThroughDirectory(graph, to)
      ) {
        const clients = ssoClients.get(to) ?? new Set<string>();
        clients.add(from);
        ssoClients.set(to, clients);
      }
    }
  }
  // what several single-sign-on assets call and that does not sign on itself: their IdP
  for (const [id, clients] of ssoClients) if (clients.size >= 2) found.add(id);
  return [...found].sort();
}

/**
 * The directory restored authoritatively among lost on-premises directories (domain
 * controllers): the one with the newest surviving copy, then a documented procedure, then by id.
 */
function authoritative(graph: ModelGraph, ids: readonly string[]): string | undefined {
  const rank = (id: string): [number, number, string] => {
    let best = Number.POSITIVE_INFINITY;
    for (const backup of copiesOf(graph, id)) {
      const minutes = minutesOf(graph.backup(backup)?.frequency) ?? 24 * 60;
      if (minutes < best) best = minutes;
    }
    return [best, graph.asset(id)?.recovery?.procedure === undefined ? 1 : 0, id];
  };
  const ranked = ids.map((id) => ({ id, rank: rank(id) }));
  ranked.sort((a, b) =>
    a.rank[0] !== b.rank[0]
      ? a.rank[0] - b.rank[0]
      : a.rank[1] !== b.rank[1]
        ? a.rank[1] - b.rank[1]
        : a.rank[2] < b.rank[2]
          ? -1
          : 1,
  );
  return ranked[0]?.id;
}

export const directory: ScenarioDefinition = {
  kind: 'directory',
  title: text('Loss of the directory', 'Perte de l’annuaire'),
  models: text(
    'The directory or identity provider is lost: everything that authenticates through it is unusable until it is restored.',
    'L’annuaire ou le fournisseur d’identité est perdu : tout ce qui s’authentifie par lui est inutilisable jusqu’à sa restauration.',
  ),
  target: 'optional',
  targetWord: text('directory asset', 'actif annuaire'),
  titleOf: (target, name) =>
    target === undefined
      ? text('Loss of the directory', 'Perte de l’annuaire')
      : text(`Loss of the directory ${name(target)}`, `Perte de l’annuaire ${name(target)}`),
  strike(graph, target) {
    const all = directoriesOf(graph);
    if (target !== undefined && !all.includes(target))
      return {
        error: text(
          `directory: ${target} is not a directory or identity provider of the model${all.length > 0 ? ` (${all.join(', ')})` : ''}.`,
          `directory : ${target} n'est pas un annuaire ou fournisseur d'identité du modèle${all.length > 0 ? ` (${all.join(', ')})` : ''}.`,
        ),
      };
    if (all.length === 0)
      return {
        error: text(
          'directory: the model declares no directory (an asset of kind directory, one reached over LDAP, Kerberos or RADIUS, or the identity provider several single-sign-on assets call).',
          'directory : le modèle ne déclare aucun annuaire (actif de type directory, actif joint en LDAP, Kerberos ou RADIUS, ou fournisseur d’identité appelé par plusieurs actifs en authentification unique).',
        ),
      };
    const directories = target === undefined ? all : [target];
    const lostDirectories = new Set(directories);
    const lost: LostAsset[] = directories.map((asset) => ({ asset, cause: 'directory' }));
    const precedences: Precedence[] = [];
    const dependents = new Map<string, string[]>();
    for (const asset of graph.model.assets) {
      if (lostDirectories.has(asset.id)) continue;
      const used = new Set<string>();
      for (const flow of graph.flowsFrom(asset.id))
        if (lostDirectories.has(flow.to) && protocolInfo(flow.protocol).family === 'directory')
          used.add(flow.to);
      const method = asset.authentication?.method;
      if (used.size === 0 && (method === 'directory' || method === 'sso'))
        for (const d of directories) used.add(d);
      if (used.size > 0) dependents.set(asset.id, [...used].sort());
    }
    const durations: Record<string, number> = {};
    const actions = new Map<string, LocalizedText>();
    for (const [asset, used] of dependents) {
      lost.push({ asset, cause: 'directory', via: used[0] as string });
      durations[asset] = 0;
      for (const before of used) precedences.push({ before, after: asset, reason: 'directory' });
      const names = used.map((id) => label(graph, id)).join(', ');
      actions.set(
        asset,
        text(
          `Check that ${label(graph, asset)} authenticates again through ${names}`,
          `Vérifier que ${label(graph, asset)} s’authentifie de nouveau par ${names}`,
        ),
      );
    }
    // what the directories themselves need among them (hosts, other directories)
    const own = buildPrecedences(graph, directories);
    // replicated domain controllers: one restored authoritatively, the others re-promoted from
    // it (restoring each from its own backup rolls replication back)
    const onPremises = directories.filter((id) => {
      const asset = graph.asset(id);
      return asset !== undefined && !isCloud(asset);
    });
    const destroyed = new Set(directories);
    const assumptions: ScenarioAssumption[] = [];
    const primary = onPremises.length >= 2 ? authoritative(graph, onPremises) : undefined;
    if (primary !== undefined) {
      const name = label(graph, primary);
      actions.set(
        primary,
        text(
          `Restore ${name} authoritatively (it takes the operations master roles)`,
          `Restaurer ${name} en mode faisant autorité (il reprend les rôles de maître d’opérations)`,
        ),
      );
      for (const id of onPremises) {
        if (id === primary) continue;
        destroyed.delete(id);
        precedences.push({ before: primary, after: id, reason: 'directory' });
        actions.set(
          id,
          text(
            `Re-promote ${label(graph, id)} as a directory server replicating from ${name}`,
            `Repromouvoir ${label(graph, id)} comme serveur d’annuaire répliqué depuis ${name}`,
          ),
        );
      }
      assumptions.push({
        subject: primary,
        message: text(
          `The on-premises directory servers are assumed to replicate one domain: ${name} is restored authoritatively, the others re-promoted from it.`,
          `Les serveurs d’annuaire sur site sont supposés répliquer un même domaine : ${name} est restauré en mode faisant autorité, les autres repromus depuis lui.`,
        ),
      });
    }
    const noProcedure = directories.filter(
      (id) => graph.asset(id)?.recovery?.procedure === undefined,
    );
    const missing: MissingItem[] = [];
    if (noProcedure.length > 0) {
      const list = nameList(graph, noProcedure);
      missing.push({
        code: 'no-procedure',
        severity: 'high',
        subjects: noProcedure,
        message: text(
          `No documented recovery procedure for ${list.en}: restoring a directory without one is slow and error-prone.`,
          `Pas de procédure de reprise documentée pour ${list.fr} : restaurer un annuaire sans procédure est lent et source d’erreurs.`,
        ),
      });
    }
    return {
      lost,
      destroyed,
      lostBackups: new Map(),
      durations,
      precedences: [...own, ...precedences],
      actions,
      missing,
      assumptions,
    };
  },
};
