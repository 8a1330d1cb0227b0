import { effectiveAdminTargets, isActive } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';
import { hasPrivileges, isInZoneKind, label } from '../../model/predicates.js';

/** The site of an endpoint (zone or asset). */
const siteOf = (graph: ModelGraph, id: string): string | undefined =>
  graph.zone(id) === undefined ? graph.siteOfAsset(id) : graph.siteOfZone(id);

export const noAdminZone: Rule = {
  id: 'no-admin-zone',
  family: 'administration',
  title: text('No dedicated administration zone', 'Absence de zone d’administration dédiée'),
  description: text(
    'The organisation has administrators but no administration zone at all, or a site administers its equipment from its ordinary zones because it has no administration zone of its own.',
    'L’organisation a des administrateurs mais aucune zone d’administration, ou un site administre ses équipements depuis ses zones ordinaires faute de zone d’administration propre.',
  ),
  rationale: text(
    'Without a separate administration network, administration flows and consoles share the networks of users and servers: compromising any workstation gives access to every administration interface and to the administrators’ credentials.',
    'Sans réseau d’administration séparé, les flux et consoles d’administration partagent les réseaux des utilisateurs et des serveurs : compromettre n’importe quel poste donne accès à toutes les interfaces d’administration et aux secrets des administrateurs.',
  ),
  remediation: text(
    'Create an administration zone (dedicated VLAN or physical network, filtered) holding the administration workstations and the management interfaces of equipment; on secondary sites, extend it (management VLAN routed only to the central administration zone) rather than administering from local office networks.',
    'Créer une zone d’administration (VLAN ou réseau physique dédié, filtré) qui regroupe les postes d’administration et les interfaces de gestion des équipements ; sur les sites secondaires, l’étendre (VLAN de gestion routé uniquement vers la zone d’administration centrale) plutôt qu’administrer depuis les réseaux bureautiques locaux.',
  ),
  falsePositives: text(
    'A very small organisation administered entirely by an outsourcer from its own administration network may have no administration zone of its own: accept the finding with a reference to the contract.',
    'Une très petite organisation entièrement administrée par un infogérant depuis son propre réseau d’administration peut ne pas avoir de zone d’administration : accepter le constat en citant le contrat.',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:28', 'admin:R5', 'admin:R15'],
    iso27002: ['8.22'],
    attack: ['M1030'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    const hasAdminZone = model.zones.some((zone) => zone.kind === 'admin');
    if (!hasAdminZone) {
      const admins = model.identities.filter(
        (identity) => isActive(identity, today) && hasPrivileges(graph, identity),
      );
      if (admins.length === 0) return [];
      const ids = admins.map((identity) => identity.id);
      const administered = admins.flatMap((identity) => effectiveAdminTargets(graph, identity));
      return [
        hit(
          '$organisation',
          text(
            `No zone of kind admin, although ${admins.length} privileged identities exist (${list(ids)}).`,
            `Aucune zone de type admin, alors que ${admins.length} identités ont des privilèges (${list(ids)}).`,
          ),
          withImpact(impactOver(context, administered, noAdminZone.impact), {
            related: existing(graph, ids),
          }),
        ),
      ];
    }
    return model.sites.flatMap((site) => {
      const siteZones = model.zones.filter((zone) => graph.siteOfZone(zone.id) === site.id);
      if (siteZones.some((zone) => zone.kind === 'admin')) return [];
      const assets: string[] = [];
      const sources: string[] = [];
      for (const asset of model.assets) {
        if (graph.siteOfAsset(asset.id) !== site.id) continue;
        const local = (asset.adminInterfaces ?? [])
          .flatMap((admin) => admin.from ?? [])
          .filter(
            (from) => siteOf(graph, from) === site.id && !isInZoneKind(graph, from, ['admin']),
          );
        if (local.length === 0) continue;
        assets.push(asset.id);
        sources.push(...local);
      }
      if (assets.length === 0) return [];
      const from = [...new Set(sources)];
      return [
        hit(
          site.id,
          text(
            `${label(graph, site.id)} has no administration zone; administered from ${list(from)}: ${list(assets)}.`,
            `${label(graph, site.id)} n’a pas de zone d’administration ; administrés depuis ${list(from)} : ${list(assets)}.`,
          ),
          withImpact(impactOver(context, assets, noAdminZone.impact), {
            related: existing(graph, [...assets, ...from]),
          }),
        ),
      ];
    });
  },
};
