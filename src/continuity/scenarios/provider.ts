/**
 * Loss of a cloud or SaaS provider (outage that lasts, bankruptcy, closed account): the target is
 * an asset (that asset alone) or a provider name (every asset whose `provider` is that name, case
 * and surrounding spaces ignored). The lost assets are unavailable and their data is out of reach
 * (counted as gone: only copies kept elsewhere count); what they host is lost with them; backups
 * kept at that provider or stored on a lost asset are lost. A cloud or SaaS asset with no
 * `recovery.exitPlan` is reported (`no-exit-plan`); when it comes back through its supplier (its
 * method, the default for SaaS) it is assumed re-created at another provider in its recovery
 * time (an assumption), its data reloaded from the last surviving export or backup: its RTO
 * verdict is the plan's, its data loss the age of that copy (its frequency), as the backup
 * analysis reads it.
 */
import { CLOUD_SERVICE_KINDS, type Asset } from '../../domain/model/index.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { label } from '../../model/predicates.js';
import { recoveryOf } from '../recovery-time.js';
import { nameList } from './evaluate.js';
import { hostedClosure } from './site-loss.js';
import type { LostAsset, MissingItem, ScenarioAssumption, ScenarioDefinition } from './types.js';

export const sameName = (a: string | undefined, b: string): boolean =>
  a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The assets a provider target names: the asset itself, else those of that provider. */
export function providerAssets(graph: ModelGraph, target: string): readonly Asset[] {
  const asset = graph.asset(target);
  if (asset !== undefined) return [asset];
  return graph.model.assets.filter((a) => sameName(a.provider, target));
}

export const isCloud = (asset: Asset): boolean =>
  CLOUD_SERVICE_KINDS.includes(asset.kind) || asset.provider !== undefined;

export const provider: ScenarioDefinition = {
  kind: 'provider',
  title: text('Loss of a cloud or SaaS provider', 'Perte d’un fournisseur cloud ou SaaS'),
  models: text(
    'A cloud or SaaS provider is lost for good: its services and the data they hold are out of reach, with the backups kept there.',
    'Un fournisseur cloud ou SaaS est perdu durablement : ses services et leurs données sont hors d’atteinte, avec les sauvegardes qui y sont gardées.',
  ),
  target: 'required',
  targetWord: text('asset or provider name', 'actif ou nom de fournisseur'),
  titleOf: (target, name) =>
    text(`Loss of provider ${name(target ?? '')}`, `Perte du fournisseur ${name(target ?? '')}`),
  strike(graph, target) {
    const hit = target === undefined ? [] : providerAssets(graph, target);
    if (target === undefined || hit.length === 0)
      return {
        error: text(
          `provider: ${target ?? '(none)'} is neither an asset nor the provider of an asset of the model.`,
          `provider : ${target ?? '(aucun)'} n'est ni un actif ni le fournisseur d'un actif du modèle.`,
        ),
      };
    const ids = hit.map((a) => a.id);
    const lost: LostAsset[] = ids.map((asset) => ({ asset, cause: 'provider', via: target }));
    for (const [guest, host] of hostedClosure(graph, ids))
      lost.push({ asset: guest, cause: 'dependency', via: host });
    const destroyed = new Set(lost.map((l) => l.asset));
    const names = new Set(hit.map((a) => a.provider).filter((p) => p !== undefined));
    const lostBackups = new Map<string, LocalizedText>();
    for (const backup of graph.model.backups) {
      if ([...names, target].some((n) => sameName(backup.provider, n)))
        lostBackups.set(
          backup.id,
          text('Kept at the lost provider.', 'Conservée chez le fournisseur perdu.'),
        );
      else if (backup.target !== undefined && destroyed.has(backup.target))
        lostBackups.set(
          backup.id,
          text('Stored on a lost service.', 'Stockée sur un service perdu.'),
        );
    }
    const noExit = hit.filter((a) => isCloud(a) && a.recovery?.exitPlan === undefined);
    const actions = new Map<string, LocalizedText>();
    const recreated: string[] = [];
    for (const asset of hit) {
      const name = label(graph, asset.id);
      const plan = asset.recovery?.exitPlan;
      if (plan !== undefined)
        actions.set(
          asset.id,
          text(
            `Apply the exit plan of ${name} (${plan}): move its data and service elsewhere`,
            `Appliquer le plan de réversibilité de ${name} (${plan}) : transférer ses données et son service ailleurs`,
          ),
        );
      else if (isCloud(asset) && recoveryOf(asset).method === 'supplier') {
        recreated.push(asset.id);
        actions.set(
          asset.id,
          text(
            `No exit plan for ${name}: re-create the service at another provider and reload its data from the last export`,
            `Pas de plan de réversibilité pour ${name} : recréer le service chez un autre fournisseur et recharger ses données depuis le dernier export`,
          ),
        );
      }
    }
    const survivingReasons = new Map<string, LocalizedText>();
    for (const backup of graph.model.backups)
      if (!lostBackups.has(backup.id))
        survivingReasons.set(
          backup.id,
          text('Kept outside the lost provider.', 'Conservée hors du fournisseur perdu.'),
        );
    const assumptions: ScenarioAssumption[] = [];
    if (recreated.length > 0) {
      const list = nameList(graph, recreated);
      assumptions.push({
        subject: target,
        message: text(
          `${list.en}: with no exit plan, the service is assumed re-created at another provider in its recovery time, its data reloaded from the last surviving export or backup.`,
          `${list.fr} : sans plan de réversibilité, le service est supposé recréé chez un autre fournisseur dans sa durée de reprise, ses données rechargées depuis le dernier export ou la dernière sauvegarde qui subsiste.`,
        ),
      });
    }
    const missing: MissingItem[] = [];
    if (noExit.length > 0) {
      const list = nameList(
        graph,
        noExit.map((a) => a.id),
      );
      missing.push({
        code: 'no-exit-plan',
        severity: 'high',
        subjects: noExit.map((a) => a.id),
        message: text(
          `No exit (reversibility) plan for ${list.en}: nothing says how to take the data and the service back.`,
          `Pas de plan de réversibilité pour ${list.fr} : rien ne dit comment reprendre les données et le service.`,
        ),
      });
    }
    return { lost, destroyed, lostBackups, survivingReasons, actions, missing, assumptions };
  },
};
