/**
 * Records the risk decision on a finding (accept, mitigate, false positive): a new model version
 * through POST /decisions with optimistic concurrency.
 */
import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type {
  BulkDecisionRequest,
  DecisionRequest,
  DecisionStatus,
  DecisionView,
  EntityListResponse,
  SaveResponse,
} from '../../../../src/platform/api/types';
import { ErrorDetails } from '../../components/Analysis';
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { ApiFailure, api, query, wsPath } from '../../lib/api';
import { useApi } from '../../lib/use-api';

export const MAX_JUSTIFICATION = 5000;
const STATUSES: readonly DecisionStatus[] = ['accepted', 'mitigated', 'false-positive'];

/** Today as `YYYY-MM-DD` in local time (the date input's format). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface DecisionDraft {
  readonly status: DecisionStatus;
  readonly justification: string;
  readonly reviewDate: string;
  readonly owner: string;
}

/** Client-side checks; the server checks again. Keys of the problems, by field. */
export function checkDraft(draft: DecisionDraft): Partial<Record<keyof DecisionDraft, MessageKey>> {
  const problems: Partial<Record<keyof DecisionDraft, MessageKey>> = {};
  const justification = draft.justification.trim();
  if (justification === '') problems.justification = 'findings.form.justificationRequired';
  else if (justification.length > MAX_JUSTIFICATION) {
    problems.justification = 'findings.form.justificationTooLong';
  }
  if (draft.status === 'accepted' && draft.reviewDate === '') {
    problems.reviewDate = 'findings.form.reviewDateRequired';
  } else if (draft.reviewDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.reviewDate)) {
    problems.reviewDate = 'findings.form.reviewDateInvalid';
  }
  return problems;
}

/** The request body for a draft. */
export function decisionRequest(
  draft: DecisionDraft,
  finding: string,
  expectedLatest: number,
): DecisionRequest {
  const owner = draft.owner.trim();
  return {
    expectedLatest,
    finding,
    status: draft.status,
    justification: draft.justification.trim(),
    ...(draft.reviewDate === '' ? {} : { reviewDate: draft.reviewDate }),
    ...(owner === '' ? {} : { owner }),
  };
}

export function DecisionForm({
  workspaceId,
  finding,
  findings,
  decision,
  latest,
  onRecorded,
  onReload,
}: {
  readonly workspaceId: string;
  readonly finding: string;
  /** Several findings: one decision on all of them (POST /decisions/bulk, one version). */
  readonly findings?: readonly string[];
  readonly decision: DecisionView | null;
  readonly latest: number;
  readonly onRecorded: (version: number) => void;
  readonly onReload: () => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const id = useId();
  // Suggestions for the owner field: the model's identities (the server checks the reference).
  const identities = useApi<EntityListResponse>(
    wsPath(workspaceId, `/versions/${String(latest)}/entities/identities${query({ lang })}`),
  );
  const [draft, setDraft] = useState<DecisionDraft>({
    status: decision?.status ?? 'accepted',
    justification: decision?.justification ?? '',
    reviewDate: decision?.reviewDate ?? '',
    owner: decision?.owner ?? '',
  });
  const [problems, setProblems] = useState<Partial<Record<keyof DecisionDraft, MessageKey>>>({});
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const update = (patch: Partial<DecisionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found = checkDraft(draft);
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      if (first !== undefined) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setSubmitting(true);
    const single = decisionRequest(draft, finding, latest);
    const request =
      findings === undefined
        ? api<SaveResponse>(wsPath(workspaceId, '/decisions'), { method: 'POST', body: single })
        : api<SaveResponse>(wsPath(workspaceId, '/decisions/bulk'), {
            method: 'POST',
            body: {
              expectedLatest: single.expectedLatest,
              findings,
              status: single.status,
              justification: single.justification,
              ...(single.reviewDate === undefined ? {} : { reviewDate: single.reviewDate }),
              ...(single.owner === undefined ? {} : { owner: single.owner }),
            } satisfies BulkDecisionRequest,
          });
    request
      .then((saved) => {
        setSubmitting(false);
        onRecorded(saved.version.number);
      })
      .catch((reason: unknown) => {
        setSubmitting(false);
        setFailure(reason);
      });
  };

  const conflict = failure instanceof ApiFailure && failure.status === 409;
  const describedBy = (field: keyof DecisionDraft, hint?: string) =>
    [problems[field] === undefined ? null : `${id}-${field}-error`, hint ?? null]
      .filter((x) => x !== null)
      .join(' ') || undefined;
  const fieldError = (field: keyof DecisionDraft) => {
    const key = problems[field];
    return key === undefined ? null : (
      <p id={`${id}-${field}-error`} className="field-error">
        {t(key, { max: formatNumber(MAX_JUSTIFICATION) })}
      </p>
    );
  };

  return (
    <form
      className="card decision-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      {findings === undefined ? (
        <h2 id={`${id}-title`}>
          {decision === null ? t('findings.form.title') : t('findings.form.titleReplace')}
        </h2>
      ) : (
        <h2 id={`${id}-title`} className="visually-hidden">
          {t('findings.bulk.decideTitle', { n: findings.length })}
        </h2>
      )}
      <fieldset>
        <legend>{t('findings.form.status')}</legend>
        {STATUSES.map((status) => (
          <div key={status} className="decision-radio">
            <input
              type="radio"
              id={`${id}-status-${status}`}
              name={`${id}-status`}
              value={status}
              checked={draft.status === status}
              onChange={() => {
                update({ status });
              }}
              aria-describedby={`${id}-status-${status}-hint`}
            />
            <label htmlFor={`${id}-status-${status}`}>{t(`findings.form.status.${status}`)}</label>
            <span id={`${id}-status-${status}-hint`} className="muted">
              {' '}
              — {t(`findings.form.statusHint.${status}`)}
            </span>
          </div>
        ))}
      </fieldset>

      <label htmlFor={`${id}-justification`}>{t('findings.form.justification')}</label>
      <textarea
        id={`${id}-justification`}
        rows={5}
        maxLength={MAX_JUSTIFICATION}
        required
        aria-required="true"
        aria-invalid={problems.justification !== undefined}
        aria-describedby={describedBy('justification', `${id}-justification-count`)}
        value={draft.justification}
        onChange={(e) => {
          update({ justification: e.target.value });
        }}
      />
      <p id={`${id}-justification-count`} className="muted field-hint">
        {t('findings.form.justificationCount', {
          n: formatNumber(draft.justification.length),
          max: formatNumber(MAX_JUSTIFICATION),
        })}
      </p>
      {fieldError('justification')}

      <label htmlFor={`${id}-reviewDate`}>
        {draft.status === 'accepted'
          ? t('findings.form.reviewDateRequiredLabel')
          : t('findings.form.reviewDate')}
      </label>
      <input
        id={`${id}-reviewDate`}
        type="date"
        min={today()}
        required={draft.status === 'accepted'}
        aria-required={draft.status === 'accepted'}
        aria-invalid={problems.reviewDate !== undefined}
        aria-describedby={describedBy('reviewDate')}
        value={draft.reviewDate}
        onChange={(e) => {
          update({ reviewDate: e.target.value });
        }}
      />
      {fieldError('reviewDate')}

      <label htmlFor={`${id}-owner`}>{t('findings.form.owner')}</label>
      <input
        id={`${id}-owner`}
        type="text"
        autoComplete="off"
        list={`${id}-identities`}
        aria-describedby={`${id}-owner-hint`}
        value={draft.owner}
        onChange={(e) => {
          update({ owner: e.target.value });
        }}
      />
      <datalist id={`${id}-identities`}>
        {(identities.data?.rows ?? []).map((row) => (
          <option key={row.id} value={row.id} label={row.name} />
        ))}
      </datalist>
      <p id={`${id}-owner-hint`} className="muted field-hint">
        {t('findings.form.ownerHint')}
      </p>

      {failure === null ? null : conflict ? (
        <div className="error" role="alert">
          <p>{t('findings.form.conflict')}</p>
          <button type="button" onClick={onReload}>
            {t('findings.form.reload')}
          </button>
        </div>
      ) : (
        <ErrorMessage error={failure}>
          <ErrorDetails error={failure} />
        </ErrorMessage>
      )}

      <button type="submit" className="primary" disabled={submitting}>
        {submitting ? t('findings.form.submitting') : t('findings.form.submit')}
      </button>
    </form>
  );
}
