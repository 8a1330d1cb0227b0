import type { DocPath } from '../../model/locator.js';
import { text, type LocalizedText } from '../text.js';
import type { Spec } from './spec.js';

/** A question a reviewer must ask because the spec leaves a gap. */
export interface OpenQuestion {
  /** `Q-<spec>-NN`, in the order of the spec. */
  readonly id: string;
  /** Kebab-case kind of gap, e.g. `missing-rto`. */
  readonly gap: string;
  /** Where in the spec the answer belongs. */
  readonly path: DocPath;
  readonly text: LocalizedText;
}

type Ask = (gap: string, path: DocPath, en: string, fr: string) => void;

function usersAndAuthentication(spec: Spec, ask: Ask): void {
  if ((spec.users ?? []).length === 0)
    ask(
      'missing-users',
      ['users'],
      'Who will use the system, how many, and from where?',
      'Qui utilisera le système, combien de personnes, et depuis où ?',
    );
  (spec.users ?? []).forEach((user, i) => {
    const external = user.type === 'external' || user.from.includes('internet');
    if (external && user.authentication === undefined && spec.authentication === undefined)
      ask(
        'missing-authentication',
        ['users', i, 'authentication'],
        `How do the users “${user.who}” (${user.id}) authenticate, and with which second factor?`,
        `Comment les utilisateurs « ${user.who} » (${user.id}) s’authentifient-ils, et avec quel second facteur ?`,
      );
    if (user.count === undefined)
      ask(
        'missing-user-count',
        ['users', i, 'count'],
        `How many users “${user.who}” are expected?`,
        `Combien d’utilisateurs « ${user.who} » sont attendus ?`,
      );
  });
}

function data(spec: Spec, ask: Ask): void {
  if ((spec.data ?? []).length === 0)
    ask(
      'missing-data',
      ['data'],
      'Which data does the system hold or exchange?',
      'Quelles données le système détient-il ou échange-t-il ?',
    );
  (spec.data ?? []).forEach((item, i) => {
    if (item.classification === undefined && item.needs === undefined && item.ref === undefined)
      ask(
        'missing-classification',
        ['data', i, 'classification'],
        `How sensitive is “${item.name}” (classification or DICP needs)?`,
        `Quelle est la sensibilité de « ${item.name} » (classification ou besoins DICP) ?`,
      );
    if (item.personal === undefined) return;
    if (item.retention === undefined)
      ask(
        'missing-retention',
        ['data', i, 'retention'],
        `How long is the personal data “${item.name}” kept, and how is it deleted?`,
        `Combien de temps les données personnelles « ${item.name} » sont-elles conservées, et comment sont-elles supprimées ?`,
      );
    if (item.personal.subjects === undefined)
      ask(
        'missing-subjects',
        ['data', i, 'personal', 'subjects'],
        `How many people does “${item.name}” concern (needed to judge the scale under the GDPR)?`,
        `Combien de personnes « ${item.name} » concerne-t-il (nécessaire pour juger de l’échelle au sens du RGPD) ?`,
      );
  });
}

function hosting(spec: Spec, ask: Ask): void {
  const place = spec.hosting;
  if (place === undefined) {
    ask(
      'missing-hosting',
      ['hosting'],
      'Where will the system be hosted (on premises, cloud, SaaS)?',
      'Où le système sera-t-il hébergé (sur site, en nuage, en SaaS) ?',
    );
    return;
  }
  if (place.kind === 'on-premises' && place.zone === undefined)
    ask(
      'missing-zone',
      ['hosting', 'zone'],
      'In which zone of the network will it be installed?',
      'Dans quelle zone du réseau sera-t-il installé ?',
    );
  if (place.kind !== 'on-premises') {
    if (place.country === undefined)
      ask(
        'missing-country',
        ['hosting', 'country'],
        'In which country will the provider keep the data (and its backups)?',
        'Dans quel pays le prestataire conservera-t-il les données (et leurs sauvegardes) ?',
      );
    if (place.provider === undefined)
      ask(
        'missing-provider',
        ['hosting', 'provider'],
        'Which provider will host it, and with which certifications?',
        'Quel prestataire l’hébergera, et avec quelles certifications ?',
      );
  }
}

function interconnections(spec: Spec, ask: Ask): void {
  (spec.interconnections ?? []).forEach((link, i) => {
    const name = link.partner ?? link.with ?? link.id;
    if (link.protocol === undefined)
      ask(
        'missing-protocol',
        ['interconnections', i, 'protocol'],
        `Which protocol and port does the interconnection with ${name} (${link.id}) use?`,
        `Quels protocole et port l’interconnexion avec ${name} (${link.id}) utilise-t-elle ?`,
      );
    if (link.encryption === undefined)
      ask(
        'missing-encryption',
        ['interconnections', i, 'encryption'],
        `Is the interconnection with ${name} (${link.id}) encrypted, and how?`,
        `L’interconnexion avec ${name} (${link.id}) est-elle chiffrée, et comment ?`,
      );
    if (link.authentication === undefined)
      ask(
        'missing-interconnection-authentication',
        ['interconnections', i, 'authentication'],
        `How do the two ends of ${link.id} authenticate each other?`,
        `Comment les deux extrémités de ${link.id} s’authentifient-elles mutuellement ?`,
      );
    if ((link.data ?? []).length === 0)
      ask(
        'missing-interconnection-data',
        ['interconnections', i, 'data'],
        `Which data goes through ${link.id}?`,
        `Quelles données transitent par ${link.id} ?`,
      );
  });
}

function operations(spec: Spec, ask: Ask): void {
  const availability = spec.availability;
  if (availability?.rto === undefined)
    ask(
      'missing-rto',
      ['availability', 'rto'],
      'How long can the service be down at most (RTO)?',
      'Combien de temps le service peut-il être arrêté au plus (RTO) ?',
    );
  if (availability?.rpo === undefined && (spec.data ?? []).length > 0)
    ask(
      'missing-rpo',
      ['availability', 'rpo'],
      'How much data can be lost at most (RPO)?',
      'Quelle perte de données est acceptable au plus (RPO) ?',
    );
  const admin = spec.administration;
  if (admin === undefined) {
    ask(
      'missing-administration',
      ['administration'],
      'Who administers the system, from where, and with which accounts?',
      'Qui administre le système, depuis où, et avec quels comptes ?',
    );
  } else {
    if (admin.by !== 'internal' && admin.provider === undefined)
      ask(
        'missing-admin-provider',
        ['administration', 'provider'],
        'Which provider administers it, and under which contract?',
        'Quel prestataire l’administre, et dans quel cadre contractuel ?',
      );
    if (admin.mfa === undefined)
      ask(
        'missing-admin-mfa',
        ['administration', 'mfa'],
        'Do administrators use multi-factor authentication?',
        'Les administrateurs utilisent-ils une authentification multifacteur ?',
      );
    if ((admin.from ?? []).length === 0)
      ask(
        'missing-admin-origin',
        ['administration', 'from'],
        'From which zone or workstations is it administered?',
        'Depuis quelle zone ou quels postes est-il administré ?',
      );
  }
  if (spec.owner === undefined)
    ask(
      'missing-owner',
      ['owner'],
      'Who owns the project and accepts its residual risks?',
      'Qui porte le projet et accepte ses risques résiduels ?',
    );
}

/** Every gap of a spec as a question for the reviewer, in the spec's order. */
export function openQuestions(spec: Spec): readonly OpenQuestion[] {
  const questions: OpenQuestion[] = [];
  const ask: Ask = (gap, path, en, fr) => {
    questions.push({
      id: `Q-${spec.id}-${String(questions.length + 1).padStart(2, '0')}`,
      gap,
      path,
      text: text(en, fr),
    });
  };
  usersAndAuthentication(spec, ask);
  data(spec, ask);
  hosting(spec, ask);
  interconnections(spec, ask);
  operations(spec, ask);
  return questions;
}
