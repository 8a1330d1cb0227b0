import { lookupLifecycle } from '../../domain/lifecycle/index.js';
import { text } from '../../design/text.js';
import type { Check, CheckHit } from '../types.js';
import { endpointKey, type DriftView } from './view.js';

/** A service announces a product release whose security support has ended. */
export const driftSupportEnded: Check<DriftView> = {
  id: 'drift-support-ended',
  domain: 'drift',
  title: text('Observed software past its support end', 'Logiciel observé hors support'),
  description: text(
    'The product and version a service announces are a release whose end of security support (endoflife.date and Vigie’s table) is before the audit date.',
    'Le produit et la version qu’annonce un service correspondent à une version dont la fin du support de sécurité (endoflife.date et table de Vigie) précède la date de l’audit.',
  ),
  rationale: text(
    'No security fix is published any more: every vulnerability found from now on stays open. The banner can be wrong, hence a high attack complexity.',
    'Plus aucun correctif de sécurité n’est publié : toute vulnérabilité découverte désormais reste ouverte. La bannière peut être erronée, d’où une complexité d’attaque élevée.',
  ),
  remediation: text(
    'Upgrade to a supported release; until then isolate the service and restrict who reaches it. Record the real version in the model.',
    'Passer à une version supportée ; d’ici là isoler le service et restreindre qui l’atteint. Consigner la version réelle dans le modèle.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
  references: [
    {
      source: 'anssi',
      id: 'hygiene:34',
      title: 'Définir une politique de mise à jour des composants du système d’information',
    },
    { source: 'cwe', id: 'CWE-1104', title: 'Use of Unmaintained Third Party Components' },
    { source: 'other', id: 'endoflife.date', url: 'https://endoflife.date' },
  ],
  evaluate(view) {
    const hits: CheckHit[] = [];
    for (const h of view.hosts) {
      for (const port of h.open) {
        const { product, version } = port.service ?? {};
        if (product === undefined || version === undefined) continue;
        const match = lookupLifecycle(product, version);
        if (match?.eol === undefined || match.eol >= view.today) continue;
        hits.push({
          subject: endpointKey(h.host.address, port.reached),
          detail: text(
            `Port ${port.reached} runs ${product} ${version} (${match.label}), out of security support since ${match.eol}.`,
            `Le port ${port.reached} fait tourner ${product} ${version} (${match.label}), hors support de sécurité depuis le ${match.eol}.`,
          ),
          evidence: port.service?.banner ?? `${product} ${version}`,
          entities: h.host.entities,
        });
      }
    }
    return hits;
  },
};
