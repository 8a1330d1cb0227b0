import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import {
  daysBetween,
  existing,
  findingSubject,
  impactOver,
  statusFr,
  withImpact,
} from './support-access.js';

export const riskDecisionReviewOverdue: Rule = {
  id: 'risk-decision-review-overdue',
  family: 'governance',
  title: text('Risk decision past its review date', 'Décision de risque dont la revue est échue'),
  description: text(
    'A risk decision (accepted risk, mitigation, false positive) was due for review and the review date has passed without the decision being renewed.',
    'Une décision de traitement du risque (risque accepté, traité ou faux positif) devait être revue et sa date de revue est passée sans qu’elle soit renouvelée.',
  ),
  rationale: text(
    'A risk is accepted under conditions (compensating measures, planned replacement, threat level) that change; past its review date the acceptance no longer proves anything and the finding counts as open again.',
    'Un risque est accepté dans des conditions (mesures compensatoires, remplacement prévu, niveau de menace) qui évoluent ; passé sa date de revue, l’acceptation ne prouve plus rien et le constat redevient ouvert.',
  ),
  remediation: text(
    'Review the decision with its owner: check that its justification still holds, then renew it with a new review date, or treat the risk.',
    'Revoir la décision avec son responsable : vérifier que sa justification tient toujours, puis la renouveler avec une nouvelle date de revue, ou traiter le risque.',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:38', 'hygiene:41'],
    iso27002: ['5.35', '5.36'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    return model.decisions.flatMap((decision) => {
      const review = decision.reviewDate;
      if (review === undefined || review >= today) return [];
      const subject = findingSubject(decision.finding);
      const related = existing(graph, [
        subject,
        ...(decision.owner === undefined ? [] : [decision.owner]),
      ]);
      const days = daysBetween(review, today);
      const owner = decision.owner === undefined ? '' : `; owner ${decision.owner}`;
      const ownerFr = decision.owner === undefined ? '' : ` ; responsable ${decision.owner}`;
      return [
        hit(
          decision.id,
          text(
            `Decision ${decision.id} (${decision.status}) on ${decision.finding} was due for review on ${review}, ${days} days ago${owner}.`,
            `La décision ${decision.id} (${statusFr(decision.status)}) sur ${decision.finding} devait être revue le ${review}, il y a ${days} jours${ownerFr}.`,
          ),
          withImpact(impactOver(context, [subject], riskDecisionReviewOverdue.impact), { related }),
        ),
      ];
    });
  },
};
