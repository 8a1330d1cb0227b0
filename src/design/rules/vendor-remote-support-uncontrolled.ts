import {
  DEVICE_ZONE_KINDS,
  MEDICAL_DEVICE_KINDS,
  PROTOCOL_REGISTRY,
  REMOTE_SUPPORT_PROTOCOLS,
  type Asset,
  type Flow,
  type RemoteSupport,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Level, type Rule } from '../rule.js';
import { text, type LocalizedText } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';
import { isInZoneKind, isOtAsset, isOutside, label } from '../../model/predicates.js';

/** Medical and industrial devices: a vendor session there can harm patients or the plant. */
function isSensitiveDevice(graph: ModelGraph, asset: Asset): boolean {
  return (
    MEDICAL_DEVICE_KINDS.includes(asset.kind) ||
    isOtAsset(graph, asset) ||
    isInZoneKind(
      graph,
      asset.id,
      DEVICE_ZONE_KINDS.filter((kind) => kind !== 'iot'),
    )
  );
}

/** The organisation's end of a remote-support flow: the asset that is not outside. */
function deviceOf(graph: ModelGraph, flow: Flow): string | undefined {
  return [flow.from, flow.to].find((id) => graph.asset(id) !== undefined && !isOutside(graph, id));
}

interface Weakness {
  readonly detail: LocalizedText;
  readonly serious: boolean;
}

/** What is missing on one remote-support entry; `undefined` when it is controlled. */
function weaknessOf(graph: ModelGraph, entry: RemoteSupport): Weakness | undefined {
  // MFA on the entry, else on the broker's login (the vendor's portal)
  const brokerMfa =
    entry.broker === undefined ? undefined : graph.asset(entry.broker)?.authentication?.mfa;
  const noMfa = (entry.mfa ?? brokerMfa) !== true;
  const noControl = entry.sessionControl === undefined || entry.sessionControl === 'none';
  const unattended = entry.unattended === true;
  if (!noMfa && !noControl && !unattended) return undefined;
  const en = [
    noMfa ? 'no MFA' : '',
    noControl ? 'no session approval or recording' : '',
    unattended ? 'unattended sessions' : '',
  ].filter((s) => s !== '');
  const fr = [
    noMfa ? 'sans MFA' : '',
    noControl ? 'sans approbation ni enregistrement des sessions' : '',
    unattended ? 'sessions sans personne sur place' : '',
  ].filter((s) => s !== '');
  const by = entry.by === undefined ? undefined : label(graph, entry.by);
  const broker = entry.broker === undefined ? undefined : label(graph, entry.broker);
  return {
    detail: text(
      `${entry.tool}${by === undefined ? '' : ` for ${by}`}${broker === undefined ? '' : ` via ${broker}`} (${en.join(', ')})`,
      `${entry.tool}${by === undefined ? '' : ` pour ${by}`}${broker === undefined ? '' : ` via ${broker}`} (${fr.join(', ')})`,
    ),
    serious: noMfa || unattended,
  };
}

export const vendorRemoteSupportUncontrolled: Rule = {
  id: 'vendor-remote-support-uncontrolled',
  family: 'third-party',
  title: text(
    'Vendor remote support through a broker tool without control',
    'Télémaintenance d’un fournisseur par un outil à relais sans contrôle',
  ),
  description: text(
    'A device opens an outbound session to a remote-support broker (TeamViewer, AnyDesk, a vendor cloud) through which a vendor takes control, without multi-factor authentication, without session approval or recording, or with unattended access. A TeamViewer or AnyDesk flow with no declared remote-support entry counts as uncontrolled.',
    'Un équipement ouvre une session sortante vers le relais d’un outil de télémaintenance (TeamViewer, AnyDesk, nuage du fournisseur) par lequel un fournisseur prend la main, sans authentification multifacteur, sans approbation ni enregistrement des sessions, ou avec un accès sans personne sur place. Un flux TeamViewer ou AnyDesk sans télémaintenance déclarée est considéré comme non maîtrisé.',
  ),
  rationale: text(
    'The session starts from inside, so the firewall lets it through and the VPN’s controls never see it: whoever holds the vendor’s tool account (phished, reused, shared by its technicians) controls the device at any hour. Ransomware groups use these tools as their way in; on a medical or industrial device the consequence is physical.',
    'La session part de l’intérieur : le pare-feu la laisse passer et les contrôles du VPN ne la voient pas. Quiconque détient le compte du fournisseur sur l’outil (hameçonné, réutilisé, partagé entre ses techniciens) pilote l’équipement à toute heure. Les groupes de rançongiciels s’en servent comme porte d’entrée ; sur un équipement médical ou industriel, la conséquence est physique.',
  ),
  remediation: text(
    'Require MFA on the vendor’s tool accounts, make every session wait for an on-site approval and record it (or replace the tool with the organisation’s own remote-access chain: VPN with MFA and a recording bastion); disable unattended access, and allow the broker’s addresses only for the devices that need it.',
    'Exiger la MFA sur les comptes du fournisseur dans l’outil, soumettre chaque session à une approbation sur place et l’enregistrer (ou remplacer l’outil par la chaîne d’accès distant de l’organisation : VPN avec MFA et bastion qui enregistre) ; désactiver l’accès sans personne sur place, et n’autoriser les adresses du relais que pour les équipements qui en ont besoin.',
  ),
  falsePositives: text(
    'A tool whose sessions the organisation approves and records on its side although the model does not say so: declare sessionControl and mfa on the remote-support entry.',
    'Outil dont l’organisation approuve et enregistre les sessions de son côté sans que le modèle l’indique : déclarer sessionControl et mfa sur l’entrée de télémaintenance.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:3', 'hygiene:13', 'admin:R60', 'admin:R66'],
    iso27002: ['5.19', '5.21', '8.5'],
    cwe: ['CWE-308'],
    attack: ['T1219', 'T1133', 'T1199', 'M1032'],
  },
  evaluate(context) {
    const { graph, model } = context;
    // flows of a broker protocol, by device, for devices that declare no entry for that tool
    const flowsOf = new Map<string, Flow[]>();
    for (const flow of model.flows) {
      if (!REMOTE_SUPPORT_PROTOCOLS.includes(flow.protocol)) continue;
      const device = deviceOf(graph, flow);
      if (device === undefined) continue;
      flowsOf.set(device, [...(flowsOf.get(device) ?? []), flow]);
    }
    return model.assets.flatMap((asset) => {
      const entries = asset.remoteSupport ?? [];
      const weaknesses = entries.flatMap((entry) => weaknessOf(graph, entry) ?? []);
      const tools = new Set<string>(entries.map((entry) => entry.tool));
      const flows = flowsOf.get(asset.id) ?? [];
      // one fact, one finding: a flow of a tool the device declares is that same channel
      const undeclared = flows.filter((flow) => !tools.has(flow.protocol));
      if (weaknesses.length === 0 && undeclared.length === 0) return [];
      const parts = [
        ...weaknesses.map((w) => w.detail),
        ...undeclared.map((flow) => {
          const tool = PROTOCOL_REGISTRY[flow.protocol].label;
          const other = flow.from === asset.id ? flow.to : flow.from;
          return text(
            `${tool} flow ${flow.id} to ${label(graph, other)} with no declared MFA or session control`,
            `flux ${tool} ${flow.id} vers ${label(graph, other)} sans MFA ni contrôle de session déclarés`,
          );
        }),
      ];
      const serious = undeclared.length > 0 || weaknesses.some((w) => w.serious);
      const sensitive = isSensitiveDevice(graph, asset);
      const likelihood = Math.min(4, (serious ? 3 : 2) + (sensitive ? 1 : 0)) as Level;
      const related = existing(graph, [
        ...entries.flatMap((entry) => [entry.by ?? '', entry.broker ?? '']),
        ...flows.map((flow) => flow.id),
      ]);
      return [
        hit(
          asset.id,
          text(
            `${label(graph, asset.id)}${sensitive ? ' (medical or industrial device)' : ''} is reached by a vendor through ${list(parts.map((p) => p.en))}.`,
            `${label(graph, asset.id)}${sensitive ? ' (équipement médical ou industriel)' : ''} est accessible à un fournisseur par ${list(parts.map((p) => p.fr))}.`,
          ),
          withImpact(impactOver(context, [asset.id], vendorRemoteSupportUncontrolled.impact), {
            related,
            likelihood,
          }),
        ),
      ];
    });
  },
};
