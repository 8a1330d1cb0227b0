import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, findingSubject, impactOver, withImpact } from './support-access.js';

export const acceptedRiskWithoutReviewDate: Rule = {
  id: 'accepted-risk-without-review-date',
  family: 'governance',
  title: text('Accepted risk without a review date', 'Risque accepté sans date de revue'),
  description: text(
    'A risk is accepted in the model without a review date: the acceptance is open-ended.',
    'Un risque est accepté dans le modèle sans date de revue : l’acceptation est sans limite de durée.',
  ),
  rationale: text(
    'An acceptance without a deadline is never questioned again, even when the system, the threat or the compensating measures change; the finding stays hidden in every report.',
    'Une acceptation sans échéance n’est plus jamais remise en question, même quand le système, la menace ou les mesures compensatoires changent ; le constat reste masqué dans tous les rapports.',
  ),
  remediation: text(
    'Give every accepted risk a review date (typically one year at most, sooner for high risks) and an owner who will review it.',
    'Donner à chaque risque accepté une date de revue (en général un an au plus, moins pour les risques élevés) et un responsable qui la fera.',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:38', 'hygiene:41'],
    iso27002: ['5.35'],
  },
  evaluate(context) {
    const { graph, model } = context;
    return model.decisions
      .filter((decision) => decision.status === 'accepted' && decision.reviewDate === undefined)
      .map((decision) => {
        const subject = findingSubject(decision.finding);
        return hit(
          decision.id,
          text(
            `Decision ${decision.id} accepts ${decision.finding}${decision.date === undefined ? '' : ` since ${decision.date}`} with no review date.`,
            `La décision ${decision.id} accepte ${decision.finding}${decision.date === undefined ? '' : ` depuis le ${decision.date}`} sans date de revue.`,
          ),
          withImpact(impactOver(context, [subject], acceptedRiskWithoutReviewDate.impact), {
            related: existing(graph, [subject]),
          }),
        );
      });
  },
};
