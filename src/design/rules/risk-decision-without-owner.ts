import { hasLeft } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, findingSubject, impactOver, statusFr, withImpact } from './support-access.js';

export const riskDecisionWithoutOwner: Rule = {
  id: 'risk-decision-without-owner',
  family: 'governance',
  title: text('Risk decision without an owner', 'Décision de risque sans responsable'),
  description: text(
    'A risk decision (accepted risk, mitigation, false positive) names no owner, or names someone who has left.',
    'Une décision de traitement du risque (risque accepté, traité ou faux positif) ne désigne aucun responsable, ou désigne une personne partie.',
  ),
  rationale: text(
    'Accepting a risk is a management decision: without an accountable owner nobody answers for it, follows its compensating measures or reviews it when its date comes.',
    'Accepter un risque est une décision de la direction : sans responsable désigné, personne n’en répond, n’en suit les mesures compensatoires ni ne la revoit à échéance.',
  ),
  remediation: text(
    'Name as owner a current manager with authority over the system concerned (the process or asset owner), who signs the decision and its review.',
    'Désigner comme responsable un responsable en poste ayant autorité sur le système concerné (propriétaire du processus ou de l’actif), qui signe la décision et sa revue.',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:41'],
    iso27002: ['5.2', '5.4'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    return model.decisions.flatMap((decision) => {
      const owner = decision.owner === undefined ? undefined : graph.identity(decision.owner);
      const left = owner !== undefined && hasLeft(owner, today) ? owner.left : undefined;
      if (owner !== undefined && left === undefined) return [];
      const subject = findingSubject(decision.finding);
      const en =
        left === undefined
          ? `Decision ${decision.id} (${decision.status}) on ${decision.finding} has no owner.`
          : `Decision ${decision.id} (${decision.status}) on ${decision.finding} is owned by ${decision.owner ?? ''}, who left on ${left}.`;
      const fr =
        left === undefined
          ? `La décision ${decision.id} (${statusFr(decision.status)}) sur ${decision.finding} n’a pas de responsable.`
          : `La décision ${decision.id} (${statusFr(decision.status)}) sur ${decision.finding} a pour responsable ${decision.owner ?? ''}, parti(e) le ${left}.`;
      return [
        hit(
          decision.id,
          text(en, fr),
          withImpact(impactOver(context, [subject], riskDecisionWithoutOwner.impact), {
            related: existing(graph, [
              subject,
              ...(decision.owner === undefined ? [] : [decision.owner]),
            ]),
            likelihood: decision.status === 'accepted' ? 2 : 1,
          }),
        ),
      ];
    });
  },
};
