import { durationMinutes } from '../../domain/duration.js';
import {
  effectiveAdminTargets,
  EXTERNAL_ZONE_KINDS,
  hasMfa,
  isPrivileged,
  type Flow,
  type Identity,
  type Process,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { enclosingZone, label } from '../../model/predicates.js';
import { text, type LocalizedText } from '../text.js';
import type { AttackNode } from './attack-graph.js';

/**
 * What cutting a choke point costs, cheapest first: a setting on what exists (a filtering
 * rule, a right, a logon restriction), a control to add (MFA, EDR), a change of architecture
 * (administration workstations, a bastion), or removing a flow a critical process needs.
 */
export const COST_CLASSES = ['configuration', 'control', 'architecture', 'business-flow'] as const;
export type CostClass = (typeof COST_CLASSES)[number];

/** Short names of the cost classes, for table cells. */
export const COST_CLASS_LABELS: Readonly<Record<CostClass, LocalizedText>> = {
  configuration: text('Configuration', 'Configuration'),
  control: text('Control to add', 'Mesure à ajouter'),
  architecture: text('Architecture change', 'Changement d’architecture'),
  'business-flow': text('Business flow removal', 'Suppression d’un flux métier'),
};

/** The measure that cuts a choke point, and its cost class. */
export interface Remedy {
  readonly cost: CostClass;
  readonly action: LocalizedText;
}

/** A process is critical with a need of 3 or more, or a recovery time objective of a day or less. */
export function isCriticalProcess(process: Process): boolean {
  const needs = Object.values(process.needs ?? {});
  if (needs.some((level) => (level ?? 0) >= 3)) return true;
  return process.rto !== undefined && durationMinutes(process.rto) <= 1440;
}

/** Per model: each critical process with the endpoints (assets, enclosing zones) it touches. */
const criticalCache = new WeakMap<
  ModelGraph,
  readonly { process: Process; touched: ReadonlySet<string> }[]
>();

function criticalProcesses(
  graph: ModelGraph,
): readonly { process: Process; touched: ReadonlySet<string> }[] {
  let result = criticalCache.get(graph);
  if (result === undefined) {
    result = graph.model.processes.filter(isCriticalProcess).map((process) => {
      const touched = new Set<string>();
      for (const id of process.assets ?? []) {
        touched.add(id);
        const zone = graph.asset(id)?.zone;
        if (zone !== undefined)
          for (const z of [zone, ...graph.zoneAncestors(zone)]) touched.add(z);
      }
      return { process, touched };
    });
    criticalCache.set(graph, result);
  }
  return result;
}

/**
 * Critical processes a flow serves: it carries their data, or links two of their assets
 * (or zones holding them). Removing it stops them.
 */
export function processesNeeding(graph: ModelGraph, flow: Flow): readonly string[] {
  return criticalProcesses(graph)
    .filter(({ process, touched }) => {
      if ((flow.data ?? []).some((d) => (process.data ?? []).includes(d))) return true;
      return touched.has(flow.from) && touched.has(flow.to);
    })
    .map(({ process }) => process.id)
    .sort();
}

const isAdministrator = (graph: ModelGraph, identity: Identity | undefined): boolean =>
  identity !== undefined &&
  (isPrivileged(graph, identity) || effectiveAdminTargets(graph, identity).length > 0);

function flowRemedy(graph: ModelGraph, node: AttackNode): Remedy {
  const flow = graph.flow(node.entity);
  const name = `“${label(graph, node.entity)}” (${node.entity})`;
  const reverse = node.id.endsWith(':reverse') || node.element?.endsWith(':reverse') === true;
  const way = reverse ? text(' in its reverse direction', ' dans le sens retour') : text('', '');
  const processes = flow === undefined ? [] : processesNeeding(graph, flow);
  const only = flow?.allowedSources?.join(', ');
  if (only !== undefined && !reverse)
    return {
      cost: processes.length > 0 ? 'business-flow' : 'configuration',
      action: text(
        `Remove flow ${name} (it already accepts only ${only}), or protect those sources`,
        `Supprimer le flux « ${label(graph, node.entity)} » (${node.entity}) (il n’accepte déjà que ${only}), ou protéger ces sources`,
      ),
    };
  if (processes.length > 0) {
    const list = processes.map((p) => label(graph, p)).join(', ');
    return {
      cost: 'business-flow',
      action: text(
        `Remove flow ${name}${way.en}: ${list} depends on it; do it only if no cheaper measure cuts the same paths, else restrict it to the sources the process needs`,
        `Supprimer le flux « ${label(graph, node.entity)} » (${node.entity})${way.fr} : ${list} en dépend ; seulement si aucune mesure moins coûteuse ne coupe les mêmes chemins, sinon le restreindre aux sources dont le processus a besoin`,
      ),
    };
  }
  const from = flow === undefined ? undefined : reverse ? flow.to : flow.from;
  // a flow from an internal zone leaves from all its machines: most need not use it
  const zone =
    from !== undefined &&
    graph.zone(from) !== undefined &&
    enclosingZone(graph, from, EXTERNAL_ZONE_KINDS) === undefined;
  return {
    cost: 'configuration',
    action: zone
      ? text(
          `Remove flow ${name}${way.en}, or restrict it to the assets of ${label(graph, from)} that need it`,
          `Supprimer le flux « ${label(graph, node.entity)} » (${node.entity})${way.fr}, ou le restreindre aux équipements de ${label(graph, from)} qui en ont besoin`,
        )
      : text(
          `Remove or filter flow ${name}${way.en} (allow only the sources that need it)`,
          `Supprimer ou filtrer le flux « ${label(graph, node.entity)} » (${node.entity})${way.fr} (n’autoriser que les sources qui en ont besoin)`,
        ),
  };
}

function adminInterfaceRemedy(graph: ModelGraph, node: AttackNode): Remedy {
  const adminInterface = graph.asset(node.entity)?.adminInterfaces?.[node.index ?? 0];
  const protocol = adminInterface?.protocol ?? '?';
  const name = label(graph, node.entity);
  const from = adminInterface?.from ?? [];
  const outside = from.filter((l) => enclosingZone(graph, l, ['admin']) === undefined);
  if (outside.length > 0)
    return {
      cost: 'configuration',
      action: text(
        `Restrict the ${protocol} administration interface of ${name} to the administration zone (it is open to ${outside.join(', ')})`,
        `Restreindre l’interface d’administration ${protocol} de ${name} à la zone d’administration (elle est ouverte depuis ${outside.join(', ')})`,
      ),
    };
  if (adminInterface?.mfa !== true)
    return {
      cost: 'control',
      action: text(
        `Require MFA on the ${protocol} administration interface of ${name}`,
        `Exiger la MFA sur l’interface d’administration ${protocol} de ${name}`,
      ),
    };
  return {
    cost: 'architecture',
    action: text(
      `Put the ${protocol} administration interface of ${name} behind an administration bastion`,
      `Placer l’interface d’administration ${protocol} de ${name} derrière un bastion d’administration`,
    ),
  };
}

function loginRemedy(graph: ModelGraph, node: AttackNode): Remedy {
  const identity = graph.identity(node.entity);
  const name = label(graph, node.entity);
  const place = node.on ?? '?';
  // a third party "logs in" where its remote access lands: that access is what to protect
  if (identity?.remoteAccess?.via === place)
    return remoteAccessRemedy(graph, { ...node, on: place });
  if (enclosingZone(graph, place, ['internet']) !== undefined) {
    const mfa = identity !== undefined && hasMfa(graph, identity);
    return mfa
      ? {
          cost: 'configuration',
          action: text(
            `Accept logins of ${name} from the Internet only through the VPN or conditional access (it has MFA)`,
            `N’accepter les connexions de ${name} depuis Internet que par le VPN ou un accès conditionnel (il a la MFA)`,
          ),
        }
      : {
          cost: 'control',
          action: text(
            `Require MFA for ${name}: it logs in from the Internet`,
            `Exiger la MFA pour ${name} : il se connecte depuis Internet`,
          ),
        };
  }
  if (isAdministrator(graph, identity) && enclosingZone(graph, place, ['admin']) === undefined) {
    const adminZone = graph.model.zones.find((z) => z.kind === 'admin');
    return adminZone === undefined
      ? {
          cost: 'architecture',
          action: text(
            `Stop ${name} logging in from ${place}: administer from dedicated workstations in an administration zone`,
            `Ne plus connecter ${name} depuis ${place} : administrer depuis des postes dédiés dans une zone d’administration`,
          ),
        }
      : {
          cost: 'configuration',
          action: text(
            `Stop ${name} logging in from ${place}: administer only from ${label(graph, adminZone.id)}`,
            `Ne plus connecter ${name} depuis ${place} : administrer uniquement depuis ${label(graph, adminZone.id)}`,
          ),
        };
  }
  if (identity !== undefined && !hasMfa(graph, identity))
    return {
      cost: 'control',
      action: text(
        `Require MFA for ${name}: its credentials can be stolen on ${place}`,
        `Exiger la MFA pour ${name} : ses identifiants peuvent être volés sur ${place}`,
      ),
    };
  return {
    cost: 'control',
    action: text(
      `Protect the sessions of ${name} on ${place} against credential theft (EDR, credential isolation)`,
      `Protéger les sessions de ${name} sur ${place} contre le vol d’identifiants (EDR, isolation des identifiants)`,
    ),
  };
}

function identityRemedy(graph: ModelGraph, node: AttackNode): Remedy {
  const identity = graph.identity(node.entity);
  const name = label(graph, node.entity);
  const mfa = identity !== undefined && hasMfa(graph, identity);
  if (identity?.shared === true)
    return {
      cost: 'configuration',
      action: text(
        `Replace the shared account ${name} with named accounts${mfa ? '' : ' with MFA'}`,
        `Remplacer le compte partagé ${name} par des comptes nominatifs${mfa ? '' : ' avec MFA'}`,
      ),
    };
  if (isAdministrator(graph, identity))
    return {
      cost: 'control',
      action: mfa
        ? text(
            `Harden the administrator account ${name} (it has MFA): a separate account used only for administration, a unique password`,
            `Durcir le compte administrateur ${name} (il a la MFA) : un compte distinct réservé à l’administration, un mot de passe unique`,
          )
        : text(
            `Harden the administrator account ${name}: MFA, a separate account used only for administration, a unique password`,
            `Durcir le compte administrateur ${name} : MFA, un compte distinct réservé à l’administration, un mot de passe unique`,
          ),
    };
  return mfa
    ? {
        cost: 'configuration',
        action: text(
          `Disable the account ${name} if unused, or reduce its rights to what the job needs (it has MFA)`,
          `Désactiver le compte ${name} s’il est inutilisé, ou réduire ses droits au besoin (il a la MFA)`,
        ),
      }
    : {
        cost: 'control',
        action: text(`Require MFA for ${name}`, `Exiger la MFA pour ${name}`),
      };
}

const LEVELS = {
  admin: text('administrator', 'administrateur'),
  user: text('user', 'utilisateur'),
  read: text('read', 'lecture'),
} as const;

function remoteAccessRemedy(graph: ModelGraph, node: AttackNode): Remedy {
  const identity = graph.identity(node.entity);
  const name = label(graph, node.entity);
  const via = node.on ?? '?';
  const mfa =
    identity?.remoteAccess?.authentication === 'mfa' ||
    (identity !== undefined && hasMfa(graph, identity));
  return mfa
    ? {
        cost: 'configuration',
        action: text(
          `Open the remote access of ${name} through ${via} only for each intervention (it already requires MFA), or remove it`,
          `N’ouvrir l’accès distant de ${name} par ${via} qu’à chaque intervention (il exige déjà la MFA), ou le supprimer`,
        ),
      }
    : {
        cost: 'control',
        action: text(
          `Require MFA on the remote access of ${name} through ${via} and open it only for each intervention, or remove it`,
          `Exiger la MFA sur l’accès distant de ${name} par ${via} et ne l’ouvrir qu’à chaque intervention, ou le supprimer`,
        ),
      };
}

function remoteSupportRemedy(graph: ModelGraph, node: AttackNode): Remedy {
  const support = graph.asset(node.entity)?.remoteSupport?.[node.index ?? 0];
  const tool = support?.tool ?? '?';
  const name = label(graph, node.entity);
  if (support?.unattended === true)
    return {
      cost: 'configuration',
      action: text(
        `Turn off unattended access of ${tool} on ${name}: each session accepted on site`,
        `Désactiver l’accès sans surveillance de ${tool} sur ${name} : chaque session acceptée sur site`,
      ),
    };
  if (support?.mfa !== true)
    return {
      cost: 'control',
      action: text(
        `Require MFA on the ${tool} account that reaches ${name}`,
        `Exiger la MFA sur le compte ${tool} qui atteint ${name}`,
      ),
    };
  if (support.sessionControl === undefined || support.sessionControl === 'none')
    return {
      cost: 'configuration',
      action: text(
        `Have each ${tool} session on ${name} approved on site (and recorded)`,
        `Faire approuver sur site (et enregistrer) chaque session ${tool} sur ${name}`,
      ),
    };
  return {
    cost: 'architecture',
    action: text(
      `Replace ${tool} on ${name} with a remote access through the organisation’s gateway (VPN, bastion)`,
      `Remplacer ${tool} sur ${name} par un accès distant via la passerelle de l’organisation (VPN, bastion)`,
    ),
  };
}

/** The measure that cuts an element of the attack graph, consistent with what the model says. */
export function remedyOf(graph: ModelGraph, node: AttackNode): Remedy {
  switch (node.kind) {
    case 'flow':
      return flowRemedy(graph, node);
    case 'admin-interface':
      return adminInterfaceRemedy(graph, node);
    case 'login':
      return loginRemedy(graph, node);
    case 'identity':
      return identityRemedy(graph, node);
    case 'right': {
      const level = LEVELS[node.level ?? 'user'];
      const name = label(graph, node.entity);
      return {
        cost: 'configuration',
        action: text(
          `Remove the ${level.en} right of ${name} on ${node.on ?? '?'}, or reduce it to what the job needs`,
          `Retirer le droit ${level.fr} de ${name} sur ${node.on ?? '?'}, ou le réduire au besoin`,
        ),
      };
    }
    case 'remote-access':
      return remoteAccessRemedy(graph, node);
    case 'remote-support':
      return remoteSupportRemedy(graph, node);
    default:
      return { cost: 'control', action: text(`Harden ${node.id}`, `Durcir ${node.id}`) };
  }
}
