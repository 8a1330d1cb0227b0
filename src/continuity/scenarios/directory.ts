/**
 * Loss of the directory (corrupted or compromised Active Directory, identity provider down):
 * every directory asset is lost — kind `directory`, and the cloud or SaaS assets that others
 * reach over a directory protocol (LDAP, Kerberos, RADIUS…: an identity provider) — or only the
 * one named (`directory:<asset>`). Its data is gone (restored from a backup or rebuilt). Every
 * asset authenticating through the directory (`authentication.method` `directory` or `sso`) or
 * calling a lost directory over a directory protocol is unusable until the directory is back: it
 * is scheduled after it, with no work of its own. A lost directory with no documented
 * `recovery.procedure` is reported (`no-procedure`).
 */
import { CLOUD_SERVICE_KINDS } from '../../domain/model/index.js';
import { protocolInfo } from '../../domain/model/protocol.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { label } from '../../model/predicates.js';
import type { Precedence } from '../schedule/list-scheduler.js';
import { buildPrecedences } from '../schedule/precedence.js';
import { nameList } from './evaluate.js';
import type { LostAsset, MissingItem, ScenarioDefinition } from './types.js';

/** The directories of a model: directory assets and identity providers (see the header). */
export function directoriesOf(graph: ModelGraph): readonly string[] {
  const found = new Set<string>();
  for (const asset of graph.model.assets) if (asset.kind === 'directory') found.add(asset.id);
  for (const flow of graph.model.flows) {
    const to = graph.asset(flow.to);
    if (
      to !== undefined &&
      CLOUD_SERVICE_KINDS.includes(to.kind) &&
      protocolInfo(flow.protocol).family === 'directory'
    )
      found.add(to.id);
  }
  return [...found].sort();
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
          'directory: the model declares no directory (an asset of kind directory).',
          'directory : le modèle ne déclare aucun annuaire (actif de type directory).',
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
      destroyed: new Set(directories),
      lostBackups: new Map(),
      durations,
      precedences: [...own, ...precedences],
      actions,
      missing,
    };
  },
};
