import { text } from '../../design/text.js';
import type { Check, CheckHit } from '../types.js';
import { assetLabel, endpointKey, tcpServices, type DriftView } from './view.js';

/** A TCP service the model declares on a reachable asset does not answer. */
export const driftServiceNotAnswering: Check<DriftView> = {
  id: 'drift-service-not-answering',
  domain: 'drift',
  title: text('Declared service not answering', 'Service déclaré qui ne répond pas'),
  description: text(
    'The model declares a TCP service on an asset; the asset answered the scan but that port was closed or filtered from the vantage point.',
    'Le modèle déclare un service TCP sur un actif ; l’actif a répondu au balayage mais ce port était fermé ou filtré depuis le point d’observation.',
  ),
  rationale: text(
    'Not a weakness in itself: either the model is out of date (and the analyses built on it are wrong), the service is down, or a filter the model ignores stands in the way. Informational.',
    'Pas une faiblesse en soi : soit le modèle n’est plus à jour (et les analyses qui en découlent sont faussées), soit le service est arrêté, soit un filtrage que le modèle ignore s’interpose. Pour information.',
  ),
  remediation: text(
    'Check whether the service still exists; remove it from the model if it was retired, or declare the filtering that hides it from this zone.',
    'Vérifier si le service existe encore ; le retirer du modèle s’il a été décommissionné, ou déclarer le filtrage qui le masque depuis cette zone.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N',
  references: [{ source: 'anssi', id: 'hygiene:4', title: 'Maintenir un schéma du réseau à jour' }],
  evaluate(view) {
    const hits: CheckHit[] = [];
    for (const h of view.hosts) {
      if (!h.host.reachable) continue;
      const open = new Set(h.open.map((o) => o.declared));
      for (const asset of h.assets) {
        for (const service of tcpServices(asset)) {
          if (open.has(service.port) || !h.isTried(service.port)) continue;
          const reached = h.reachedOf(service.port);
          const mapped = reached === service.port ? '' : ` → ${reached}`;
          const protocol = service.protocol ?? 'tcp';
          hits.push({
            subject: endpointKey(h.host.address, reached),
            detail: text(
              `${assetLabel(asset)} declares ${protocol} on port ${service.port}${mapped}; nothing answered there.`,
              `${assetLabel(asset)} déclare ${protocol} sur le port ${service.port}${mapped} ; rien n’y a répondu.`,
            ),
            evidence: `tcp/${reached} closed or filtered`,
            entities: [asset.id],
          });
        }
      }
    }
    return hits;
  },
};
