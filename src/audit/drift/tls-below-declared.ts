import type { Encryption } from '../../domain/model/index.js';
import { text } from '../../design/text.js';
import type { Check, CheckHit } from '../types.js';
import {
  assetLabel,
  endpointKey,
  flowsToPort,
  tcpServices,
  type DriftTlsView,
  type DriftView,
} from './view.js';

const VERSIONS = [
  ['ssl3', 'SSLv3'],
  ['tls10', 'TLS 1.0'],
  ['tls11', 'TLS 1.1'],
  ['tls12', 'TLS 1.2'],
  ['tls13', 'TLS 1.3'],
] as const;

/** The rank of a declared version in VERSIONS (`tls1.2` → 3), undefined for a bare `tls`. */
const DECLARED_RANK: Partial<Record<Encryption, number>> = {
  'tls1.0': 1,
  'tls1.1': 2,
  'tls1.2': 3,
  'tls1.3': 4,
};

/** The versions the server accepts that are older than `rank`, and whether `rank` is offered. */
function compare(observation: DriftTlsView, rank: number): { older: string[]; offered: boolean } {
  const older = VERSIONS.slice(0, rank)
    .filter(([key]) => observation.protocols[key])
    .map(([, label]) => label);
  const [key] = VERSIONS[rank] ?? VERSIONS[4];
  return { older, offered: observation.protocols[key] };
}

/**
 * The model says which TLS version a flow or service uses (`encryption: tls1.2`); the server
 * accepts an older one as well, or does not offer the declared one at all.
 */
export const driftTlsBelowDeclared: Check<DriftView> = {
  id: 'drift-tls-below-declared',
  domain: 'drift',
  title: text('TLS below the declared version', 'TLS inférieur à la version déclarée'),
  description: text(
    'The model declares a TLS version for the flows to this port or for the service (the version in use, taken as the minimum); the server also accepts older versions, or does not offer the declared one.',
    'Le modèle déclare une version de TLS pour les flux vers ce port ou pour le service (la version utilisée, prise comme minimum) ; le serveur accepte aussi des versions plus anciennes, ou ne propose pas celle déclarée.',
  ),
  rationale: text(
    'A client or an attacker in the middle can negotiate the older version the model does not know of (downgrade), with its known weaknesses; the analyses built on the declared version are optimistic.',
    'Un client ou un attaquant placé sur le chemin peut négocier la version plus ancienne que le modèle ignore (rétrogradation), avec ses faiblesses connues ; les analyses fondées sur la version déclarée sont optimistes.',
  ),
  remediation: text(
    'Set the server’s minimum protocol version to the declared one; or declare the version actually accepted so that the rules judge it.',
    'Régler la version minimale du serveur sur celle déclarée ; ou déclarer la version réellement acceptée pour que les règles la jugent.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    {
      source: 'anssi',
      id: 'TLS R3',
      title: 'Recommandations de sécurité relatives à TLS: versions',
    },
    { source: 'mozilla', id: 'server-side-tls', title: 'Server Side TLS' },
  ],
  evaluate(view) {
    const hits: CheckHit[] = [];
    if (view.graph === null) return hits;
    for (const h of view.hosts) {
      for (const asset of h.assets) {
        for (const port of h.open) {
          const observation = view.tls.get(endpointKey(h.host.address, port.reached));
          // no TLS at all is drift-cleartext-on-encrypted's finding, not a version's
          if (observation === undefined || !observation.reachable) continue;
          if (!Object.values(observation.protocols).some(Boolean)) continue;
          const flows = flowsToPort(view.graph, asset, port.declared);
          const services = tcpServices(asset).filter((s) => s.port === port.declared);
          const ranked = [...flows, ...services].filter(
            (d) => DECLARED_RANK[d.encryption ?? 'none'] !== undefined,
          );
          const rank = Math.max(
            0,
            ...ranked.map((d) => DECLARED_RANK[d.encryption ?? 'none'] ?? 0),
          );
          if (rank === 0) continue;
          const { older, offered } = compare(observation, rank);
          if (older.length === 0 && offered) continue;
          const declared = VERSIONS[rank]?.[1] ?? '';
          const accepted = VERSIONS.filter(([key]) => observation.protocols[key]).map(([, l]) => l);
          const en =
            older.length > 0 ? `also accepts ${older.join(', ')}` : `does not offer ${declared}`;
          const fr =
            older.length > 0 ? `accepte aussi ${older.join(', ')}` : `ne propose pas ${declared}`;
          hits.push({
            subject: endpointKey(h.host.address, port.reached),
            detail: text(
              `${assetLabel(asset)} port ${port.reached}: the model declares ${declared}; the server ${en}.`,
              `${assetLabel(asset)} port ${port.reached} : le modèle déclare ${declared} ; le serveur ${fr}.`,
            ),
            evidence: `accepted: ${accepted.join(', ') || 'none'}`,
            entities: [asset.id, ...flows.filter((f) => ranked.includes(f)).map((f) => f.id)],
          });
        }
      }
    }
    return hits;
  },
};
