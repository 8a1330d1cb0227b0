import { FINDING_ID_PATTERN, type Decision } from '../../domain/model/index.js';
import { kebabId, type ImportContext } from './context.js';
import type { Entry } from './entries.js';
import { DECISION_STATUSES } from './mappings.js';
import type { ThreagileRiskTracking } from './threagile-schema.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOf(value: ThreagileRiskTracking['date']): string | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
    ? value
    : undefined;
}

/** The entity a Threagile risk key names, in any section (assets first). */
function subjectOf(context: ImportContext, id: string): string | undefined {
  for (const namespace of ['asset', 'data', 'boundary', 'runtime']) {
    const found = context.idOf(namespace, id);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Risk tracking → risk decisions, when the status is a decision and the key names one finding
 * (`rule@asset`). Threagile keys with wildcards or link parts (`rule@a@b@c`) name several
 * findings or parts Vigie does not have: they are reported and dropped.
 */
export function convertRiskTracking(
  context: ImportContext,
  entries: readonly Entry<ThreagileRiskTracking>[],
): Decision[] {
  const decisions: Decision[] = [];
  const rules = new Set<string>();
  for (const entry of entries) {
    const key = entry.title;
    const status = DECISION_STATUSES[entry.value.status as keyof typeof DECISION_STATUSES] as
      Decision['status'] | undefined;
    if (status === undefined) {
      context.say('risk-status-dropped', 'warning', [...entry.path, 'status'], {
        key,
        status: entry.value.status,
      });
      continue;
    }
    const [rule, subject, ...rest] = key.split('@');
    const subjectId = subject === undefined ? undefined : subjectOf(context, subject);
    const finding = `${rule ?? ''}@${subjectId ?? ''}`;
    if (rest.length > 0 || subjectId === undefined || !FINDING_ID_PATTERN.test(finding)) {
      context.say('risk-key-dropped', 'warning', entry.path, { key }, true);
      continue;
    }
    rules.add(rule ?? '');
    const notes = [
      entry.value.ticket == null ? '' : `ticket: ${String(entry.value.ticket)}`,
      entry.value.checked_by == null ? '' : `checked_by: ${entry.value.checked_by}`,
    ].filter((note) => note !== '');
    const justification =
      entry.value.justification?.trim() || 'Imported from Threagile risk tracking.';
    const date = dateOf(entry.value.date);
    decisions.push({
      id: context.unique(kebabId(`decision-${finding.replace('@', '-')}`)),
      finding,
      status,
      justification: notes.length === 0 ? justification : `${justification} [${notes.join('; ')}]`,
      ...(date === undefined ? {} : { date }),
    });
  }
  if (rules.size > 0) {
    context.say(
      'risk-rule-ids',
      'info',
      ['risk_tracking'],
      { rules: [...rules].sort().join(', ') },
      true,
    );
  }
  return decisions;
}
