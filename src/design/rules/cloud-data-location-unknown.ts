import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { chainAttestations, isCurrent } from './support-attestations.js';
import { dataHeldBy, list } from './support-resilience.js';
import { isCloudAsset, label } from '../../model/predicates.js';

export const cloudDataLocationUnknown: Rule = {
  id: 'cloud-data-location-unknown',
  family: 'cloud',
  title: text(
    'Cloud service holding data in an unknown country',
    'Service en nuage détenant des données dans un pays inconnu',
  ),
  description: text(
    'A SaaS or cloud service stores or receives data sets but the model does not say in which country it keeps them.',
    'Un service SaaS ou en nuage stocke ou reçoit des jeux de données mais le modèle ne dit pas dans quel pays il les conserve.',
  ),
  rationale: text(
    'Without the data location, neither the GDPR transfer rules nor the exposure to foreign laws can be assessed, and the register of processing is incomplete.',
    'Sans la localisation des données, ni les règles de transfert du RGPD ni l’exposition à des lois étrangères ne peuvent être évaluées, et le registre des traitements est incomplet.',
  ),
  remediation: text(
    'Ask the provider where the data (including backups and support access) is kept, choose an EU region where possible, and record it as dataLocation.',
    'Demander au prestataire où sont conservées les données (y compris les sauvegardes et les accès du support), choisir une région dans l’UE si possible, et l’indiquer dans dataLocation.',
  ),
  falsePositives: text(
    'A current SecNumCloud attestation settles where the data is (the EU) and its exposure to foreign laws: the finding is not raised; a current HDS one only lowers it.',
    'Une attestation SecNumCloud en cours de validité règle la localisation (l’UE) et l’exposition aux lois étrangères : aucun constat n’est émis ; une attestation HDS ne fait que l’atténuer.',
  ),
  likelihood: 2,
  impact: ['confidentiality'],
  references: {
    anssi: ['hygiene:3', 'hygiene:4'],
    iso27002: ['5.23', '5.34'],
  },
  evaluate({ model, graph, today }) {
    const holds = (id: string, kind: 'secnumcloud' | 'hds'): boolean =>
      chainAttestations(graph, id, kind).some((a) => isCurrent(a, today));
    return model.assets
      .filter((asset) => isCloudAsset(graph, asset) && asset.dataLocation === undefined)
      .flatMap((asset) => {
        const data = dataHeldBy(graph, asset.id).data;
        if (data.length === 0) return [];
        // SecNumCloud requires EU hosting immune to non-EU laws: both concerns are settled
        if (holds(asset.id, 'secnumcloud')) return [];
        const ids = data.map((set) => set.id);
        const personal = data.some((set) => set.personal !== undefined);
        // HDS requires hosting in the EEA: the transfer question is settled, the record is not
        const hds = holds(asset.id, 'hds');
        const note = hds
          ? {
              en: ' (its HDS certification requires hosting in the EEA: record the country)',
              fr: ' (sa certification HDS impose un hébergement dans l’EEE : indiquer le pays)',
            }
          : { en: '', fr: '' };
        return [
          hit(
            asset.id,
            text(
              `${label(graph, asset.id)}${asset.provider === undefined ? '' : ` (${asset.provider})`} holds ${list(ids)}${personal ? ', including personal data,' : ''} in an undeclared country${note.en}.`,
              `${label(graph, asset.id)}${asset.provider === undefined ? '' : ` (${asset.provider})`} détient ${list(ids)}${personal ? ', dont des données personnelles,' : ''} dans un pays non déclaré${note.fr}.`,
            ),
            {
              related: ids,
              ...(hds ? { likelihood: 1 as const } : personal ? { likelihood: 3 as const } : {}),
            },
          ),
        ];
      });
  },
};
