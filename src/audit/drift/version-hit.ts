import { text } from '../../design/text.js';
import type { CheckHit } from '../types.js';
import { setServiceVersionProposal, setSoftwareVersionProposal } from './proposals.js';
import type { VersionDrift } from './versions.js';
import { assetLabel, endpointKey, type HostView } from './view.js';

const RELATION = {
  older: { en: 'older than declared', fr: 'plus ancien que déclaré' },
  newer: { en: 'newer than declared', fr: 'plus récent que déclaré' },
  product: { en: 'another product than declared', fr: 'un autre produit que celui déclaré' },
} as const;

/** The hit of a product or version difference, with the model update it suggests. */
export function versionHit(h: HostView, drift: VersionDrift): CheckHit {
  const { asset, port, observed } = drift;
  const seen = `${observed.product ?? ''}${observed.version === undefined ? '' : ` ${observed.version}`}`;
  const declared =
    `${drift.declaredProduct ?? ''}${drift.declaredVersion === undefined ? '' : ` ${drift.declaredVersion}`}`.trim();
  const where = drift.declared.kind === 'service' ? `service ${port.declared}` : 'software';
  const whereFr = drift.declared.kind === 'service' ? `service ${port.declared}` : 'logiciel';
  const relation = RELATION[drift.relation];
  const proposal =
    drift.declared.kind === 'service'
      ? setServiceVersionProposal(asset, drift.declared.service, observed)
      : observed.version === undefined
        ? undefined
        : setSoftwareVersionProposal(asset, drift.declared.index, observed.version);
  return {
    subject: endpointKey(h.host.address, port.reached),
    detail: text(
      `${assetLabel(asset)} port ${port.reached} says ${seen}, ${relation.en} (${where}: ${declared}).`,
      `${assetLabel(asset)} port ${port.reached} annonce ${seen}, ${relation.fr} (${whereFr} : ${declared}).`,
    ),
    evidence: observed.banner ?? seen,
    entities: [asset.id],
    ...(proposal === undefined ? {} : { proposal }),
  };
}
