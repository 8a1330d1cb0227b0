import { text } from '../../design/text.js';
import type { Check } from '../types.js';
import { createHostProposal } from './proposals.js';
import type { DriftView } from './view.js';

/** A host answers on the network and no asset of the model stands for it. */
export const driftUndeclaredHost: Check<DriftView> = {
  id: 'drift-undeclared-host',
  domain: 'drift',
  title: text('Undeclared host', 'Hôte non déclaré'),
  description: text(
    'An address of the scope answers on at least one port and no asset of the model has it (nor is it mapped to one by the scope file).',
    'Une adresse du périmètre répond sur au moins un port et aucun actif du modèle ne la porte (ni ne lui est associé par le fichier de périmètre).',
  ),
  rationale: text(
    'What is not inventoried is neither patched, nor monitored, nor backed up: forgotten machines are a classic way in. The severity assumes the host exposes a service to the network.',
    'Ce qui n’est pas inventorié n’est ni mis à jour, ni supervisé, ni sauvegardé : les machines oubliées sont une porte d’entrée classique. La sévérité suppose que l’hôte expose un service sur le réseau.',
  ),
  remediation: text(
    'Identify the machine and its owner; declare it in the model (the proposed asset lists what answered) or switch it off.',
    'Identifier la machine et son responsable ; la déclarer dans le modèle (l’actif proposé reprend ce qui a répondu) ou l’éteindre.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    {
      source: 'anssi',
      id: 'hygiene:4',
      title:
        'Identifier les informations et serveurs les plus sensibles et maintenir un schéma du réseau',
    },
    {
      source: 'cis',
      id: 'CIS Controls v8 1.1',
      title: 'Establish and maintain detailed enterprise asset inventory',
    },
  ],
  evaluate(view) {
    if (view.graph === null) return [];
    return view.hosts
      .filter((h) => h.host.entities.length === 0 && h.open.length > 0)
      .map((h) => {
        const ports = h.open.map((o) => `${o.reached}/${o.service?.protocol ?? '?'}`).join(', ');
        return {
          subject: h.host.address,
          detail: text(
            `${h.host.address} answers (${ports}) and no asset of the model has this address.`,
            `${h.host.address} répond (${ports}) et aucun actif du modèle n’a cette adresse.`,
          ),
          evidence: `open: ${ports}`,
          entities: [],
          proposal: createHostProposal(h.host.address, h.host.hostnames, h.open),
        };
      });
  },
};
