import { nameOf, SPECIAL_PERSONAL_DATA, type DataSet } from '../../domain/model/index.js';
import { text, type LocalizedText } from '../text.js';
import { count } from './format.js';
import { isAdequate, isInEea } from '../../domain/geography.js';
import {
  obligation,
  organisationRef,
  reason,
  type Applicability,
  type Obligation,
  type RegulationAssessment,
  type RegulationInput,
  type RegulationReason,
} from './regulation-types.js';

/**
 * Number of people above which Vigie calls a processing "large scale". The GDPR sets no number:
 * the EDPB guidelines on DPIAs (WP248 rev.01) weigh the number of people, the volume, the
 * duration and the geographic extent. 5,000 is a heuristic, to make the question visible.
 */
export const LARGE_SCALE_SUBJECTS = 5000;

const GDPR_NAME = text('GDPR', 'RGPD');
const DPIA_NAME = text(
  'GDPR — data protection impact assessment (DPIA)',
  'RGPD — analyse d’impact relative à la protection des données (AIPD)',
);

const ROLE_NAMES: Readonly<Record<'controller' | 'processor' | 'joint-controller', LocalizedText>> =
  {
    controller: text('controller', 'responsable de traitement'),
    processor: text('processor', 'sous-traitant'),
    'joint-controller': text('joint controller', 'responsable conjoint du traitement'),
  };

const SPECIAL_FR: Readonly<Record<string, string>> = {
  health: 'santé',
  genetic: 'données génétiques',
  biometric: 'données biométriques',
  'racial-ethnic-origin': 'origine raciale ou ethnique',
  'political-opinions': 'opinions politiques',
  'religious-beliefs': 'convictions religieuses',
  'trade-union': 'appartenance syndicale',
  'sex-life': 'vie sexuelle',
  criminal: 'infractions et condamnations',
};

const label = (data: DataSet): string =>
  data.name === undefined ? data.id : `“${data.name}” (${data.id})`;
const labelFr = (data: DataSet): string =>
  data.name === undefined ? data.id : `« ${data.name} » (${data.id})`;

/** Personal data sets stored on an asset whose data location is not adequate. */
function transfers(input: RegulationInput): RegulationReason[] {
  const reasons: RegulationReason[] = [];
  for (const data of input.data) {
    if (data.personal === undefined) continue;
    for (const assetId of data.storedOn ?? []) {
      const asset = input.assets.find((a) => a.id === assetId);
      const country = asset?.dataLocation;
      if (asset === undefined || country === undefined || isAdequate(country)) continue;
      reasons.push(
        reason(
          [data.id, asset.id],
          `personal data ${label(data)} is stored by ${nameOf(asset)} in ${country}, outside the EEA without an adequacy decision: a transfer under chapter V`,
          `les données personnelles ${labelFr(data)} sont stockées par ${nameOf(asset)} en ${country}, hors de l’EEE et sans décision d’adéquation : transfert au sens du chapitre V`,
        ),
      );
    }
  }
  return reasons;
}

function gdprObligations(role: string | undefined, hasTransfers: boolean): Obligation[] {
  const list = [
    obligation(
      'GDPR art. 30',
      'Keep the record of processing activities.',
      'Tenir le registre des activités de traitement.',
    ),
    obligation(
      'GDPR art. 32',
      'Secure the processing according to the risk (the needs and measures of this model).',
      'Sécuriser le traitement à la hauteur du risque (besoins et mesures de ce modèle).',
    ),
    role === 'processor'
      ? obligation(
          'GDPR art. 33(2)',
          'Notify the controller of a personal-data breach without undue delay.',
          'Notifier toute violation de données au responsable de traitement dans les meilleurs délais.',
          'without undue delay',
        )
      : obligation(
          'GDPR art. 33',
          'Notify a personal-data breach to the supervisory authority (CNIL in France) within 72 hours of becoming aware of it.',
          'Notifier une violation de données personnelles à l’autorité de contrôle (la CNIL en France) dans les 72 heures après en avoir pris connaissance.',
          '72h',
        ),
    obligation(
      'GDPR art. 34',
      'Inform the people concerned without undue delay when the breach is likely to result in a high risk to them.',
      'Informer les personnes concernées dans les meilleurs délais lorsque la violation présente un risque élevé pour elles.',
    ),
  ];
  if (hasTransfers) {
    list.push(
      obligation(
        'GDPR art. 44–49',
        'Frame transfers outside the EEA (standard contractual clauses, transfer impact assessment) or relocate the data.',
        'Encadrer les transferts hors de l’EEE (clauses contractuelles types, analyse d’impact des transferts) ou relocaliser les données.',
      ),
    );
  }
  return list;
}

/** GDPR: declared role, else personal data in the model; transfers outside the EEA. */
export function assessGdpr(input: RegulationInput): RegulationAssessment {
  const { organisation } = input;
  const role = organisation?.regulatory?.gdpr;
  const org = organisationRef(organisation);
  const personal = input.data.filter((d) => d.personal !== undefined);
  const personalIds = personal.map((d) => d.id);
  const reasons: RegulationReason[] = [];
  let applies: Applicability;
  if (role !== undefined && role !== 'none') {
    applies = 'yes';
    reasons.push(
      reason(
        [org],
        `declared GDPR role: ${ROLE_NAMES[role].en}`,
        `rôle RGPD déclaré : ${ROLE_NAMES[role].fr}`,
      ),
    );
  } else if (role === 'none') {
    applies = personal.length > 0 ? 'likely' : 'no';
    reasons.push(
      reason(
        [org],
        'declared outside the GDPR (role `none`)',
        'déclarée hors du champ du RGPD (rôle `none`)',
      ),
    );
  } else if (personal.length > 0) {
    const country = organisation?.country;
    applies = country === undefined || isInEea(country) ? 'yes' : 'likely';
  } else if ((organisation?.employees ?? 0) > 0) {
    applies = 'likely';
    reasons.push(
      reason(
        [org],
        'an employer processes its staff’s personal data (payroll, HR) even if the model lists none',
        'un employeur traite les données personnelles de son personnel (paie, RH) même si le modèle n’en décrit pas',
      ),
    );
  } else {
    applies = 'no';
    reasons.push(
      reason([], 'no personal data in the model', 'aucune donnée personnelle dans le modèle'),
    );
  }
  if (personal.length > 0) {
    reasons.push(
      reason(
        personalIds,
        `personal data is processed: ${personalIds.join(', ')}`,
        `des données personnelles sont traitées : ${personalIds.join(', ')}`,
      ),
    );
  }
  const transferReasons = transfers(input);
  reasons.push(...transferReasons);
  return {
    id: 'gdpr',
    name: GDPR_NAME,
    applies,
    ...(role === undefined ? {} : { qualifier: role }),
    reasons,
    obligations: applies === 'no' ? [] : gdprObligations(role, transferReasons.length > 0),
  };
}

/** The EDPB (WP248) criteria a data set meets, as texts. */
function dpiaCriteria(data: DataSet): LocalizedText[] {
  const criteria: LocalizedText[] = [];
  const categories = data.personal?.categories ?? [];
  const sensitive: readonly string[] = [...SPECIAL_PERSONAL_DATA, 'criminal'];
  const special = categories.filter((c) => sensitive.includes(c));
  if (special.length > 0) {
    criteria.push(
      text(
        `sensitive data (GDPR art. 9/10: ${special.join(', ')})`,
        `données sensibles (RGPD art. 9/10 : ${special.map((c) => SPECIAL_FR[c] ?? c).join(', ')})`,
      ),
    );
  }
  const subjects = data.personal?.subjects;
  if (subjects !== undefined && subjects > LARGE_SCALE_SUBJECTS) {
    const n = count(subjects);
    const limit = count(LARGE_SCALE_SUBJECTS);
    criteria.push(
      text(
        `large scale (${n.en} people, above Vigie’s heuristic threshold of ${limit.en})`,
        `grande échelle (${n.fr} personnes, au-delà du seuil heuristique de Vigie de ${limit.fr})`,
      ),
    );
  }
  if (categories.includes('location')) {
    criteria.push(
      text('systematic monitoring (location data)', 'surveillance systématique (géolocalisation)'),
    );
  }
  if (categories.includes('minors')) {
    criteria.push(text('vulnerable people (minors)', 'personnes vulnérables (mineurs)'));
  }
  return criteria;
}

/**
 * DPIA (GDPR art. 35): `yes` when a data set meets two criteria of the EDPB guidelines, `likely`
 * with one (art. 9 data, large scale, systematic monitoring, minors).
 */
export function assessDpia(input: RegulationInput, gdpr: Applicability): RegulationAssessment {
  const reasons: RegulationReason[] = [];
  let most = 0;
  for (const data of input.data) {
    const criteria = dpiaCriteria(data);
    if (criteria.length === 0) continue;
    most = Math.max(most, criteria.length);
    reasons.push(
      reason(
        [data.id],
        `${label(data)}: ${criteria.map((c) => c.en).join('; ')}`,
        `${labelFr(data)} : ${criteria.map((c) => c.fr).join(' ; ')}`,
      ),
    );
  }
  const applies: Applicability = gdpr === 'no' || most === 0 ? 'no' : most >= 2 ? 'yes' : 'likely';
  if (most === 0) {
    reasons.push(
      reason(
        [],
        'no data set meets a DPIA criterion (sensitive data, large scale, monitoring, minors)',
        'aucun jeu de données ne remplit de critère d’AIPD (données sensibles, grande échelle, surveillance, mineurs)',
      ),
    );
  }
  return {
    id: 'gdpr-dpia',
    name: DPIA_NAME,
    applies,
    reasons,
    obligations:
      applies === 'no'
        ? []
        : [
            obligation(
              'GDPR art. 35',
              'Carry out a DPIA before the processing starts (or now, for an existing processing), and review it when the processing changes.',
              'Mener une AIPD avant la mise en œuvre du traitement (ou maintenant pour un traitement existant) et la revoir à chaque évolution.',
            ),
            obligation(
              'GDPR art. 36',
              'Consult the supervisory authority beforehand if a high residual risk remains.',
              'Consulter l’autorité de contrôle au préalable si un risque résiduel élevé subsiste.',
            ),
          ],
  };
}
