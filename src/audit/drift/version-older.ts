import { text } from '../../design/text.js';
import type { Check } from '../types.js';
import { versionHit } from './version-hit.js';
import { versionDrifts } from './versions.js';
import type { DriftView } from './view.js';

/** A service announces an older version of its product than the model declares. */
export const driftVersionOlder: Check<DriftView> = {
  id: 'drift-version-older',
  domain: 'drift',
  title: text('Version older than declared', 'Version plus ancienne que déclarée'),
  description: text(
    'A service’s banner or handshake announces a version of its product older than the one the model declares for the service or the asset’s software.',
    'La bannière ou la négociation d’un service annonce une version de son produit plus ancienne que celle que le modèle déclare pour le service ou les logiciels de l’actif.',
  ),
  rationale: text(
    'The patch level the analyses assume is not there: vulnerabilities fixed between the two versions are open. Banners can be forged or trimmed, hence a high attack complexity.',
    'Le niveau de correctifs supposé par les analyses n’est pas là : les vulnérabilités corrigées entre les deux versions sont ouvertes. Les bannières peuvent être modifiées ou tronquées, d’où une complexité d’attaque élevée.',
  ),
  remediation: text(
    'Update the service to the declared version (or later); if the banner is right and the update is not planned, record the real version in the model (proposal) so that rules and the support-end table judge it.',
    'Mettre à jour le service vers la version déclarée (ou ultérieure) ; si la bannière dit vrai et que la mise à jour n’est pas prévue, consigner la version réelle dans le modèle (proposition) pour que règles et table de fin de support la jugent.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L',
  references: [
    {
      source: 'anssi',
      id: 'hygiene:34',
      title: 'Définir une politique de mise à jour des composants du système d’information',
    },
    { source: 'cwe', id: 'CWE-1104', title: 'Use of Unmaintained Third Party Components' },
  ],
  evaluate(view) {
    return view.hosts.flatMap((h) =>
      versionDrifts(h)
        .filter((d) => d.relation === 'older')
        .map((d) => versionHit(h, d)),
    );
  },
};
