/**
 * Loss of a site (fire, flood, prolonged power cut): every asset on the site — declared there, in
 * a zone of the site, or hosted on one that is — is lost with its data and its hardware, and so is
 * everything hosted on a lost asset wherever it is declared. Backups stored on the site (declared
 * site, zone of the site, target on the site or lost) are lost, offline and immutable ones too: a
 * fire does not spare tapes. The declared `site` (or `zone`) of a backup says where its media are
 * and wins over its drive's or target's site: tapes kept in another site's vault survive the loss
 * of the drive (replaced before restoring). Snapshots on a lost storage go with it; a copy
 * elsewhere survives, "kept on another site".
 */
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { label } from '../../model/predicates.js';
import { siteOfBackup } from './evaluate.js';
import type { LostAsset, Outage, ScenarioDefinition } from './types.js';

/** Assets hosted on the given ones, transitively (not the given ones), in discovery order. */
export function hostedClosure(graph: ModelGraph, roots: Iterable<string>): Map<string, string> {
  const found = new Map<string, string>();
  const queue = [...roots];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i += 1) {
    const host = queue[i] as string;
    for (const guest of graph.hostedBy(host)) {
      if (seen.has(guest)) continue;
      seen.add(guest);
      found.set(guest, host);
      queue.push(guest);
    }
  }
  return found;
}

export const siteLoss: ScenarioDefinition = {
  kind: 'site-loss',
  title: text('Loss of a site', 'Perte d’un site'),
  models: text(
    'A site is destroyed or out of reach: its assets, their hardware and data, the assets they host and the backups kept there are lost.',
    'Un site est détruit ou inaccessible : ses actifs, leur matériel et leurs données, les actifs qu’ils hébergent et les sauvegardes qui y sont gardées sont perdus.',
  ),
  target: 'required',
  targetWord: text('site', 'site'),
  titleOf: (target, name) =>
    text(`Loss of site ${name(target ?? '')}`, `Perte du site ${name(target ?? '')}`),
  strike(graph, target) {
    if (target === undefined || graph.site(target) === undefined)
      return {
        error: text(
          `site-loss: ${target ?? '(none)'} is not a site of the model.`,
          `site-loss : ${target ?? '(aucun)'} n'est pas un site du modèle.`,
        ),
      };
    const lost: LostAsset[] = [];
    const onSite = graph.model.assets
      .filter((asset) => graph.siteOfAsset(asset.id) === target)
      .map((asset) => asset.id);
    for (const id of onSite) lost.push({ asset: id, cause: 'site', via: target });
    for (const [guest, host] of hostedClosure(graph, onSite))
      lost.push({ asset: guest, cause: 'dependency', via: host });
    const destroyed = new Set(lost.map((l) => l.asset));
    const lostBackups = new Map<string, LocalizedText>();
    const survivingReasons = new Map<string, LocalizedText>();
    for (const backup of graph.model.backups) {
      const storage =
        backup.target === undefined ? [] : [backup.target, ...graph.hostsOf(backup.target)];
      const site = siteOfBackup(graph, backup);
      // a declared site or zone says where the media are: it wins over the drive or target's
      const declared = backup.site !== undefined || backup.zone !== undefined;
      if (site === target)
        lostBackups.set(backup.id, text('Kept on the lost site.', 'Conservée sur le site perdu.'));
      else if (declared && site !== undefined) {
        const where = label(graph, site);
        survivingReasons.set(
          backup.id,
          storage.some((id) => destroyed.has(id))
            ? text(
                `Kept on another site (${where}); its drive or target is lost and is replaced before restoring.`,
                `Conservée sur un autre site (${where}) ; son lecteur ou sa cible est perdu et doit être remplacé avant de restaurer.`,
              )
            : text(`Kept on another site (${where}).`, `Conservée sur un autre site (${where}).`),
        );
      } else if (storage.some((id) => destroyed.has(id)))
        lostBackups.set(backup.id, text('Stored on a lost asset.', 'Stockée sur un actif perdu.'));
      else if (
        backup.method === 'snapshot' &&
        backup.target === undefined &&
        backup.protects.some(
          (id) =>
            destroyed.has(id) || (graph.data(id)?.storedOn ?? []).some((a) => destroyed.has(a)),
        )
      )
        lostBackups.set(
          backup.id,
          text(
            'A snapshot on the storage it protects, lost with it.',
            'Un instantané sur le stockage qu’il protège, perdu avec lui.',
          ),
        );
      else if (site !== undefined)
        survivingReasons.set(
          backup.id,
          text(
            `Kept on another site (${label(graph, site)}).`,
            `Conservée sur un autre site (${label(graph, site)}).`,
          ),
        );
    }
    const outage: Outage = { lost, destroyed, lostBackups, survivingReasons, hardwareLost: true };
    return outage;
  },
};
