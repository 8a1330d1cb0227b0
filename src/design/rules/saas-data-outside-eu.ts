import { isAdequate } from '../../domain/geography.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { dataHeldBy, list } from './support-resilience.js';
import { isCloudAsset, label } from '../../model/predicates.js';

export const saasDataOutsideEu: Rule = {
  id: 'saas-data-outside-eu',
  family: 'cloud',
  title: text(
    'Personal data in a cloud service hosted outside the EU',
    'Données personnelles dans un service en nuage hébergé hors de l’UE',
  ),
  description: text(
    'A SaaS or cloud service keeps its data in a country outside the European Union and the EEA, without an adequacy decision, and stores or receives personal data.',
    'Un service SaaS ou en nuage conserve ses données dans un pays hors de l’Union européenne et de l’EEE, sans décision d’adéquation, et stocke ou reçoit des données personnelles.',
  ),
  rationale: text(
    'A transfer of personal data outside the EU needs a GDPR chapter V basis (standard contractual clauses with a transfer impact assessment, certification); the data is also exposed to foreign laws giving authorities access to it.',
    'Un transfert de données personnelles hors de l’UE exige un fondement au titre du chapitre V du RGPD (clauses contractuelles types avec analyse d’impact du transfert, certification) ; les données sont en outre exposées à des lois étrangères donnant accès aux autorités.',
  ),
  remediation: text(
    'Choose an EU data location (or an EU-hosted provider), or document the transfer: standard contractual clauses, transfer impact assessment, supplementary measures such as encryption with keys kept in the EU; record it in the register of processing.',
    'Choisir une localisation des données dans l’UE (ou un prestataire hébergé dans l’UE), ou encadrer le transfert : clauses contractuelles types, analyse d’impact du transfert, mesures complémentaires comme un chiffrement dont les clés restent dans l’UE ; l’inscrire au registre des traitements.',
  ),
  falsePositives: text(
    'A US provider certified under the EU-US Data Privacy Framework, or a transfer already framed by standard contractual clauses: accept the finding with the reference of the framework.',
    'Prestataire américain certifié au titre du Data Privacy Framework UE–États-Unis, ou transfert déjà encadré par des clauses contractuelles types : accepter le constat en citant l’encadrement.',
  ),
  likelihood: 3,
  impact: ['confidentiality'],
  references: {
    anssi: ['hygiene:3'],
    iso27002: ['5.23', '5.34'],
    cwe: ['CWE-359'],
  },
  evaluate({ model, graph }) {
    return model.assets
      .filter((asset) => isCloudAsset(graph, asset) && asset.dataLocation !== undefined)
      .filter((asset) => !isAdequate(asset.dataLocation ?? ''))
      .flatMap((asset) => {
        const held = dataHeldBy(graph, asset.id);
        const personal = held.data.filter((data) => data.personal !== undefined);
        if (personal.length === 0) return [];
        const ids = personal.map((data) => data.id);
        const flows = held.flows
          .filter((flow) => (flow.data ?? []).some((id) => ids.includes(id)))
          .map((flow) => flow.id);
        const country = asset.dataLocation ?? '';
        return [
          hit(
            asset.id,
            text(
              `${label(graph, asset.id)}${asset.provider === undefined ? '' : ` (${asset.provider})`} keeps its data outside the EU (${country}) and holds personal data: ${list(ids)}${flows.length > 0 ? `, sent by ${list(flows)}` : ''}.`,
              `${label(graph, asset.id)}${asset.provider === undefined ? '' : ` (${asset.provider})`} conserve ses données hors de l’UE (${country}) et détient des données personnelles : ${list(ids)}${flows.length > 0 ? `, transmises par ${list(flows)}` : ''}.`,
            ),
            { related: [...ids, ...flows] },
          ),
        ];
      });
  },
};
