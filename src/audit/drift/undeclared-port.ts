import { text } from '../../design/text.js';
import type { Check, CheckHit } from '../types.js';
import { addServiceProposal } from './proposals.js';
import { assetLabel, declaredPorts, endpointKey, mappedNote, type DriftView } from './view.js';

/** A declared asset answers on a port the model declares nothing on. */
export const driftUndeclaredPort: Check<DriftView> = {
  id: 'drift-undeclared-port',
  domain: 'drift',
  title: text('Undeclared open port', 'Port ouvert non déclaré'),
  description: text(
    'An asset of the model answers on a TCP port that none of its declared services or administration interfaces uses.',
    'Un actif du modèle répond sur un port TCP qu’aucun de ses services ni de ses interfaces d’administration déclarés n’utilise.',
  ),
  rationale: text(
    'An undeclared service escapes the flow matrix, the hardening and the monitoring built from the model: it widens the attack surface without anyone judging it.',
    'Un service non déclaré échappe à la matrice des flux, au durcissement et à la supervision construits à partir du modèle : il élargit la surface d’attaque sans que personne ne l’ait évalué.',
  ),
  remediation: text(
    'Stop the service or filter the port if it is not needed; otherwise declare it on the asset (the proposal adds what was observed) so that flows and rules take it into account.',
    'Arrêter le service ou filtrer le port s’il n’est pas nécessaire ; sinon le déclarer sur l’actif (la proposition ajoute ce qui a été observé) pour que flux et règles en tiennent compte.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    { source: 'anssi', id: 'hygiene:4', title: 'Maintenir un schéma du réseau à jour' },
    {
      source: 'cis',
      id: 'CIS Controls v8 4.8',
      title: 'Uninstall or disable unnecessary services',
    },
  ],
  evaluate(view) {
    const hits: CheckHit[] = [];
    for (const h of view.hosts) {
      const [asset, ...others] = h.assets;
      if (asset === undefined) continue;
      const declared = new Set(h.assets.flatMap((a) => [...declaredPorts(a)]));
      for (const port of h.open) {
        if (declared.has(port.declared)) continue;
        const what =
          port.service === undefined
            ? ''
            : ` (${port.service.protocol}${port.service.product === undefined ? '' : `, ${port.service.product}`})`;
        const note = mappedNote(port);
        hits.push({
          subject: endpointKey(h.host.address, port.reached),
          detail: text(
            `${assetLabel(asset)} answers on port ${port.reached}${note.en}${what}, which the model does not declare.`,
            `${assetLabel(asset)} répond sur le port ${port.reached}${note.fr}${what}, que le modèle ne déclare pas.`,
          ),
          evidence: port.service?.banner ?? `tcp/${port.reached} open`,
          entities: h.assets.map((a) => a.id),
          // one asset: the proposal is unambiguous; an address shared by several is left to the user
          ...(others.length === 0 ? { proposal: addServiceProposal(asset, port) } : {}),
        });
      }
    }
    return hits;
  },
};
