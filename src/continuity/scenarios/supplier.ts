/**
 * Loss of a key supplier or contractor (bankruptcy, cyber-attack on it, end of contract): the
 * target is a third-party identity (by id, name or company), an external contact (`organisation.continuity.contacts` of
 * kind supplier, contractor or provider) or a provider name. The assets it supports are those
 * whose `provider` is its name (or the contact's name) and those it maintains through remote
 * support (`remoteSupport.by` is the identity). The scenario assumes they fail while it is gone —
 * the way the loss of a supplier hurts: they are unusable, and their recovery cannot count on it.
 * An asset recovered by its supplier (`recovery.method: supplier`, the default for SaaS and
 * medical equipment) with no `recovery.exitPlan` cannot be recovered (`no-alternative-supplier`);
 * the others are recovered in-house, in their own declared or assumed time (delayed: the
 * supplier's help is missing). Services it hosts (cloud and SaaS kinds) take their data with them;
 * backups kept at the supplier are lost. Its people (its third-party identity, and those of its
 * company) leave the recovery teams: a team whose every member is one of them is gone, and the
 * runbook is re-planned on the remaining parallel tasks (`recovery-team-lost`). What someone
 * else must take over is listed (`to-take-over`): the assets its lost teams were to recover, those
 * it recovers (method supplier) and those it administers (admin rights).
 */
import { text, type LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import { label } from '../../model/predicates.js';
import { recoveryOf } from '../recovery-time.js';
import { nameList } from './evaluate.js';
import { isCloud, sameName } from './provider.js';
import { hostedClosure } from './site-loss.js';
import type { LostAsset, MissingItem, ScenarioAssumption, ScenarioDefinition } from './types.js';

const CONTACT_KINDS: readonly string[] = ['supplier', 'contractor', 'provider'];

/** The names and identity a supplier target stands for; empty when the model knows none. */
export function supplierOf(
  graph: ModelGraph,
  target: string,
): { readonly names: readonly string[]; readonly identity?: string } {
  const names = new Set<string>();
  let identity: string | undefined;
  const person = graph.identity(target);
  if (person !== undefined && person.kind === 'third-party') {
    identity = person.id;
    names.add(person.id);
    if (person.name !== undefined) names.add(person.name);
    if (person.company !== undefined) names.add(person.company);
  }
  // a contact or provider name may be the name of a third party declared among identities
  for (const other of graph.model.identities)
    if (
      identity === undefined &&
      other.kind === 'third-party' &&
      (sameName(other.name, target) || sameName(other.company, target))
    ) {
      identity = other.id;
      names.add(other.id);
    }
  for (const contact of graph.model.organisation?.continuity?.contacts ?? [])
    if (CONTACT_KINDS.includes(contact.kind) && sameName(contact.name, target))
      names.add(contact.name);
  if (graph.model.assets.some((a) => sameName(a.provider, target))) names.add(target);
  return { names: [...names], ...(identity === undefined ? {} : { identity }) };
}

/** The identities of a supplier: its third party, and those of its company or names. */
export function supplierIdentities(
  graph: ModelGraph,
  who: { readonly names: readonly string[]; readonly identity?: string },
): ReadonlySet<string> {
  const people = new Set<string>(who.identity === undefined ? [] : [who.identity]);
  for (const identity of graph.model.identities)
    if (
      identity.kind === 'third-party' &&
      who.names.some((n) => sameName(identity.company, n) || sameName(identity.name, n))
    )
      people.add(identity.id);
  return people;
}

export const supplier: ScenarioDefinition = {
  kind: 'supplier',
  title: text('Loss of a key supplier', 'Perte d’un fournisseur clé'),
  models: text(
    'A key supplier or contractor is lost: the assets it provides or maintains fail without it, and what only it can recover cannot be recovered.',
    'Un fournisseur ou prestataire clé est perdu : les actifs qu’il fournit ou maintient tombent sans lui, et ce que lui seul sait rétablir ne peut pas l’être.',
  ),
  target: 'required',
  targetWord: text(
    'supplier (identity, contact or provider name)',
    'fournisseur (identité, contact ou nom de fournisseur)',
  ),
  titleOf: (target, name) =>
    text(`Loss of supplier ${name(target ?? '')}`, `Perte du fournisseur ${name(target ?? '')}`),
  strike(graph, target, options) {
    const who = target === undefined ? { names: [] } : supplierOf(graph, target);
    if (target === undefined || who.names.length === 0)
      return {
        error: text(
          `supplier: ${target ?? '(none)'} is neither a third party, a supplier contact nor the provider of an asset of the model.`,
          `supplier : ${target ?? '(aucun)'} n'est ni un tiers, ni un contact fournisseur, ni le fournisseur d'un actif du modèle.`,
        ),
      };
    const supported = graph.model.assets.filter(
      (asset) =>
        who.names.some((n) => sameName(asset.provider, n)) ||
        (who.identity !== undefined &&
          (asset.remoteSupport ?? []).some((s) => s.by === who.identity)),
    );
    const ids = supported.map((a) => a.id);
    const lost: LostAsset[] = ids.map((asset) => ({ asset, cause: 'supplier', via: target }));
    for (const [guest, host] of hostedClosure(graph, ids))
      lost.push({ asset: guest, cause: 'dependency', via: host });
    const destroyed = new Set(
      supported
        .filter((a) => isCloud(a) && who.names.some((n) => sameName(a.provider, n)))
        .map((a) => a.id),
    );
    const lostBackups = new Map<string, LocalizedText>();
    for (const backup of graph.model.backups)
      if (who.names.some((n) => sameName(backup.provider, n)))
        lostBackups.set(
          backup.id,
          text('Kept at the lost supplier.', 'Conservée chez le fournisseur perdu.'),
        );
    const unrecoverable = new Map<string, LocalizedText>();
    const actions = new Map<string, LocalizedText>();
    const stuck: string[] = [];
    for (const asset of supported) {
      const name = label(graph, asset.id);
      if (recoveryOf(asset).method === 'supplier' && asset.recovery?.exitPlan === undefined) {
        stuck.push(asset.id);
        unrecoverable.set(
          asset.id,
          text(
            'Only its lost supplier recovers it.',
            'Seul son fournisseur perdu sait la rétablir.',
          ),
        );
        actions.set(
          asset.id,
          text(
            `Find another supplier able to recover ${name}`,
            `Trouver un autre fournisseur capable de rétablir ${name}`,
          ),
        );
      } else
        actions.set(
          asset.id,
          text(
            `Recover ${name} in-house, without the supplier's help`,
            `Rétablir ${name} en interne, sans l’aide du fournisseur`,
          ),
        );
    }
    const missing: MissingItem[] = [];
    const assumptions: ScenarioAssumption[] = [
      {
        subject: target,
        message: text(
          `The assets ${label(graph, target)} provides or maintains are assumed to fail while it is gone.`,
          `Les actifs que ${label(graph, target)} fournit ou maintient sont supposés tomber pendant son absence.`,
        ),
      },
    ];

    // Its people leave the recovery teams: a team left with no member is gone.
    const people = supplierIdentities(graph, who);
    const declared = graph.model.organisation?.continuity?.teams ?? [];
    const gone = declared.filter(
      (team) => (team.members ?? []).length > 0 && (team.members ?? []).every((m) => people.has(m)),
    );
    const slots = (teams: typeof declared): number =>
      teams.reduce((sum, team) => sum + (team.parallel ?? 1), 0);
    let teams: number | undefined;
    if (gone.length > 0) {
      const before = options.teams ?? Math.max(1, slots(declared));
      const removed = options.teams === undefined ? slots(gone) : Math.min(slots(gone), before);
      const left = before - removed;
      teams = Math.max(1, left);
      const names = gone.map((team) => team.name).join(', ');
      missing.push({
        code: 'recovery-team-lost',
        severity: left < 1 ? 'critical' : 'high',
        subjects: gone.map((team) => team.id),
        message:
          left < 1
            ? text(
                `Every recovery team relies on ${label(graph, target)} (${names}): no one is left to recover; one stand-in team is assumed.`,
                `Toutes les équipes de reprise reposent sur ${label(graph, target)} (${names}) : personne ne reste pour reprendre ; une équipe de remplacement est supposée.`,
              )
            : text(
                `${names} rel${gone.length > 1 ? 'y' : 'ies'} on ${label(graph, target)} alone: the recovery runs with ${String(left)} of ${String(before)} parallel task(s).`,
                `${names} ne compte${gone.length > 1 ? 'nt' : ''} que ${label(graph, target)} : la reprise tourne avec ${String(left)} tâche(s) en parallèle sur ${String(before)}.`,
              ),
      });
      assumptions.push({
        subject: 'teams',
        message: text(
          'Without the lost supplier, the recovery is re-planned on the remaining teams, each taking any task.',
          'Sans le fournisseur perdu, la reprise est replanifiée sur les équipes restantes, chacune prenant n’importe quelle tâche.',
        ),
      });
    }

    // What someone else must take over: what its lost teams were to recover, what it alone
    // recovers, what it administers.
    const goneIds = new Set(gone.map((team) => team.id));
    const takeOver = new Set<string>(stuck);
    for (const asset of graph.model.assets) {
      const team = asset.recovery?.team;
      if (team !== undefined && goneIds.has(team)) takeOver.add(asset.id);
      if (
        recoveryOf(asset).method === 'supplier' &&
        who.names.some((n) => sameName(asset.provider, n))
      )
        takeOver.add(asset.id);
    }
    for (const id of people)
      for (const right of graph.identity(id)?.rights ?? [])
        if (right.level === 'admin' && graph.asset(right.on) !== undefined) takeOver.add(right.on);
    if (takeOver.size > 0) {
      const subjects = [...takeOver].sort();
      const list = nameList(graph, subjects);
      missing.push({
        code: 'to-take-over',
        severity: 'high',
        subjects,
        message: text(
          `${label(graph, target)} recovers or administers ${list.en}: someone else must take them over (access, procedures, contracts).`,
          `${label(graph, target)} reprend ou administre ${list.fr} : quelqu’un d’autre doit les reprendre (accès, procédures, contrats).`,
        ),
      });
    }
    if (stuck.length > 0) {
      const list = nameList(graph, stuck);
      missing.push({
        code: 'no-alternative-supplier',
        severity: 'high',
        subjects: stuck,
        message: text(
          `Only the lost supplier recovers ${list.en}, and no exit plan says who else can.`,
          `Seul le fournisseur perdu sait rétablir ${list.fr}, et aucun plan de sortie ne dit qui d’autre le peut.`,
        ),
      });
    }
    return {
      lost,
      destroyed,
      lostBackups,
      unrecoverable,
      actions,
      missing,
      assumptions,
      ...(teams === undefined ? {} : { teams }),
    };
  },
};
