import { nameOf, type Asset, type DataSet } from '../../domain/model/index.js';
import { text } from '../text.js';
import {
  obligation,
  organisationRef,
  reason,
  type Applicability,
  type RegulationAssessment,
  type RegulationInput,
  type RegulationReason,
} from './regulation-types.js';

const isExternallyHosted = (asset: Asset): boolean =>
  asset.provider !== undefined || asset.kind === 'saas' || asset.kind === 'cloud-service';

/** HDS: declared, or health data kept by an external provider (who must then be certified). */
export function assessHds(input: RegulationInput): RegulationAssessment {
  const org = organisationRef(input.organisation);
  const health: DataSet[] = input.data.filter(
    (d) => d.personal?.categories.includes('health') === true,
  );
  const reasons: RegulationReason[] = [];
  let applies: Applicability = 'no';
  if (input.organisation?.regulatory?.hds === true) {
    applies = 'yes';
    reasons.push(
      reason(
        [org],
        'declared host of health data for others (HDS)',
        'déclarée hébergeur de données de santé pour le compte de tiers (HDS)',
      ),
    );
  }
  for (const data of health) {
    const hosts = (data.storedOn ?? [])
      .map((id) => input.assets.find((a) => a.id === id))
      .filter((a): a is Asset => a !== undefined && isExternallyHosted(a));
    if (hosts.length > 0) {
      if (applies === 'no') applies = 'likely';
      const names = hosts.map((h) => h.provider ?? nameOf(h)).join(', ');
      reasons.push(
        reason(
          [data.id, ...hosts.map((h) => h.id)],
          `health data ${data.id} is hosted by an external provider (${names}): it must be HDS-certified if the data was collected for prevention, diagnosis, care or medico-social follow-up`,
          `les données de santé ${data.id} sont hébergées par un prestataire externe (${names}) : il doit être certifié HDS si elles ont été recueillies pour la prévention, le diagnostic, les soins ou le suivi médico-social`,
        ),
      );
    } else {
      reasons.push(
        reason(
          [data.id],
          `health data ${data.id} is kept in-house: HDS concerns hosts acting for others`,
          `les données de santé ${data.id} sont conservées en interne : HDS vise les hébergeurs agissant pour le compte de tiers`,
        ),
      );
    }
  }
  if (applies === 'no' && health.length === 0 && reasons.length === 0) {
    reasons.push(
      reason([], 'no health data in the model', 'aucune donnée de santé dans le modèle'),
    );
  }
  return {
    id: 'hds',
    name: text('Health data hosting (HDS)', 'Hébergement de données de santé (HDS)'),
    applies,
    reasons,
    obligations:
      applies === 'no'
        ? []
        : [
            obligation(
              'CSP art. L.1111-8',
              'Host health data only with an HDS-certified host (HDS referential, based on ISO 27001), under a contract with the clauses of art. R.1111-11.',
              'N’héberger les données de santé que chez un hébergeur certifié HDS (référentiel HDS, fondé sur l’ISO 27001), avec un contrat comportant les clauses de l’art. R.1111-11.',
            ),
            obligation(
              'HDS referential v2',
              'Keep the hosted health data within the EEA.',
              'Conserver les données de santé hébergées dans l’EEE.',
            ),
          ],
  };
}

/** PCI DSS: card payments declared. */
export function assessPciDss(input: RegulationInput): RegulationAssessment {
  const org = organisationRef(input.organisation);
  const declared = input.organisation?.regulatory?.cardPayments === true;
  return {
    id: 'pci-dss',
    name: text('PCI DSS (card payments)', 'PCI DSS (paiement par carte)'),
    applies: declared ? 'yes' : 'no',
    reasons: [
      declared
        ? reason(
            [org],
            'declared to take card payments',
            'déclare accepter les paiements par carte',
          )
        : reason([org], 'no card payment declared', 'aucun paiement par carte déclaré'),
    ],
    obligations: declared
      ? [
          obligation(
            'PCI DSS v4.0',
            'Comply with PCI DSS for the cardholder-data environment (self-assessment questionnaire or on-site assessment depending on the volume); shrink the scope with a hosted payment page or tokenisation.',
            'Se conformer à PCI DSS pour l’environnement des données de carte (questionnaire d’auto-évaluation ou audit sur site selon le volume) ; réduire le périmètre par une page de paiement hébergée ou la tokenisation.',
          ),
          obligation(
            'PCI DSS 12.10',
            'Report a suspected compromise of card data to the acquirer immediately.',
            'Signaler immédiatement à l’acquéreur toute compromission suspectée de données de carte.',
            'immediately',
          ),
        ]
      : [],
  };
}

/** LPM: operator of vital importance declared. */
export function assessLpm(input: RegulationInput): RegulationAssessment {
  const org = organisationRef(input.organisation);
  const declared = input.organisation?.regulatory?.oiv === true;
  return {
    id: 'lpm-oiv',
    name: text('Military programming law (OIV)', 'Loi de programmation militaire (OIV)'),
    applies: declared ? 'yes' : 'no',
    reasons: [
      declared
        ? reason(
            [org],
            'declared operator of vital importance (OIV)',
            'déclarée opérateur d’importance vitale (OIV)',
          )
        : reason(
            [org],
            'not declared an operator of vital importance',
            'non déclarée opérateur d’importance vitale',
          ),
    ],
    obligations: declared
      ? [
          obligation(
            'Code de la défense art. L.1332-6-1',
            'Declare the information systems of vital importance (SIIV) to the ANSSI and apply the rules of the sectoral order (homologation, mapping, detection by a qualified provider, logging).',
            'Déclarer les systèmes d’information d’importance vitale (SIIV) à l’ANSSI et appliquer les règles de l’arrêté sectoriel (homologation, cartographie, détection par un prestataire qualifié, journalisation).',
          ),
          obligation(
            'Code de la défense art. L.1332-6-2',
            'Notify incidents affecting a SIIV to the ANSSI without delay.',
            'Notifier sans délai à l’ANSSI les incidents affectant un SIIV.',
            'without delay',
          ),
        ]
      : [],
  };
}
