import { text } from '../../design/text.js';
import type { Check } from '../types.js';
import { versionHit } from './version-hit.js';
import { versionDrifts } from './versions.js';
import type { DriftView } from './view.js';

/** A service announces another product, or a newer version, than the model declares. */
export const driftVersionDiffers: Check<DriftView> = {
  id: 'drift-version-differs',
  domain: 'drift',
  title: text(
    'Product or version differs from the model',
    'Produit ou version différent du modèle',
  ),
  description: text(
    'A service’s banner names another product than the model declares on that port, or a newer version of it: the model is out of date.',
    'La bannière d’un service nomme un autre produit que celui déclaré sur ce port, ou une version plus récente : le modèle n’est plus à jour.',
  ),
  rationale: text(
    'Not a weakness in itself (a newer version is usually good news), but the rules and the support-end dates are computed on the declared product: they may miss what is really running. Informational.',
    'Pas une faiblesse en soi (une version plus récente est souvent une bonne nouvelle), mais les règles et les dates de fin de support sont calculées sur le produit déclaré : elles peuvent manquer ce qui tourne réellement. Pour information.',
  ),
  remediation: text(
    'Record the observed product and version in the model (proposal), after checking the banner is not forged.',
    'Consigner dans le modèle le produit et la version observés (proposition), après avoir vérifié que la bannière n’est pas falsifiée.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N',
  references: [{ source: 'anssi', id: 'hygiene:4', title: 'Maintenir un schéma du réseau à jour' }],
  evaluate(view) {
    return view.hosts.flatMap((h) =>
      versionDrifts(h)
        .filter((d) => d.relation !== 'older')
        .map((d) => versionHit(h, d)),
    );
  },
};
