/**
 * One finding: severity (likelihood × impact), status, subjects, the rule's texts, references,
 * the current risk decision, and the form that records a new one (writers, latest version).
 */
import { useState } from 'react';
import type { FindingDetailResponse, ReferenceView } from '../../../../src/platform/api/types';
import { AnalysisError, EntityLink, formatDay } from '../../components/Analysis';
import { SeverityBadge, StatusBadge } from '../../components/Severity';
import { Empty, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link, useParams } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { DecisionForm } from './DecisionForm';
import { FindingWork } from './FindingWork';
import { familyLabel } from './labels';
import './findings.css';

/** Only absolute http(s) URLs become links. */
export function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function Reference({ reference }: { readonly reference: ReferenceView }) {
  const { t } = useI18n();
  const url = safeUrl(reference.url);
  if (url === null) return <>{reference.label}</>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {reference.label}
      <span className="visually-hidden"> {t('findings.newTab')}</span>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

function TextSection({ title, text }: { readonly title: MessageKey; readonly text: string }) {
  const { t } = useI18n();
  if (text.trim() === '') return null;
  return (
    <section>
      <h2>{t(title)}</h2>
      <p className="finding-text">{text}</p>
    </section>
  );
}

export default function FindingDetailPage() {
  const { t, lang } = useI18n();
  const { workspace, version, latest, can, href, refresh } = useWorkspace();
  const canDecide = can('finding.decide');
  const { findingId = '' } = useParams('/w/:workspaceId/findings/:findingId');
  const [recorded, setRecorded] = useState<number | null>(null);
  const path =
    version === null
      ? null
      : wsPath(
          workspace.id,
          `/versions/${String(version)}/findings/${encodeURIComponent(findingId)}${query({ lang })}`,
        );
  const { data, error, loading, reload } = useApi<FindingDetailResponse>(path);
  const back = (
    <p>
      <Link to={href('/findings')}>← {t('findings.back')}</Link>
    </p>
  );

  if (version === null) {
    return (
      <>
        <h1>{t('findings.detailTitle')}</h1>
        <Empty>{t('app.noVersion')}</Empty>
      </>
    );
  }
  if (data === null) {
    return (
      <>
        <h1>{t('findings.detailTitle')}</h1>
        {back}
        {error === null || loading ? <Loading /> : <AnalysisError error={error} onRetry={reload} />}
      </>
    );
  }

  const f = data.finding;
  const decision = f.decision;
  return (
    <article className="finding" aria-busy={loading}>
      {back}
      <h1>{f.title}</h1>
      <p className="finding-badges">
        <SeverityBadge severity={f.severity} /> <StatusBadge status={f.status} />{' '}
        <span className="muted">
          {t('findings.likelihoodImpact', { likelihood: f.likelihood, impact: f.impact })}
        </span>
      </p>
      {error === null ? null : <AnalysisError error={error} onRetry={reload} />}
      {recorded === null ? null : (
        <div className="success" role="status">
          <p>
            {t('findings.form.recorded', { version: recorded })}{' '}
            {recorded > 1 ? (
              <Link to={href(`/versions/${String(recorded - 1)}/diff/${String(recorded)}`, false)}>
                {t('findings.form.viewDiff')}
              </Link>
            ) : null}
          </p>
        </div>
      )}
      <dl className="fields">
        <dt>{t('findings.field.id')}</dt>
        <dd>
          <code>{f.id}</code>
        </dd>
        <dt>{t('findings.field.rule')}</dt>
        <dd>
          <code>{f.ruleId}</code>
        </dd>
        <dt>{t('findings.field.family')}</dt>
        <dd>{familyLabel(lang, f.family)}</dd>
        <dt>{t('findings.field.rootCause')}</dt>
        <dd>
          <EntityLink entity={f.rootCause.subject} /> <code>{f.rootCause.id}</code>
          {data.sameRootCause.length === 0 ? (
            <span className="muted"> {t('findings.rootCause.alone')}</span>
          ) : (
            <>
              <span className="muted"> {t('findings.rootCause.others')}</span>
              <ul className="finding-subjects">
                {data.sameRootCause.map((other) => (
                  <li key={other.id}>
                    <SeverityBadge severity={other.severity} />{' '}
                    <Link to={href(`/findings/${encodeURIComponent(other.id)}`)}>
                      {other.title}
                    </Link>{' '}
                    <code>{other.id}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
        <dt>{t('findings.field.subjects')}</dt>
        <dd>
          {f.subjects.length === 0 ? (
            '—'
          ) : (
            <ul className="finding-subjects">
              {f.subjects.map((s, i) => (
                <li key={`${s.kind}:${s.id}`}>
                  <EntityLink entity={s} />{' '}
                  <span className="muted">
                    ({t(`kind.${s.kind}`)}
                    {i === 0 ? `, ${t('findings.field.mainSubject')}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      <TextSection title="findings.section.detail" text={f.detail} />
      <TextSection title="findings.section.remediation" text={f.remediation} />
      <TextSection title="findings.section.rationale" text={f.rationale} />
      <TextSection title="findings.section.falsePositives" text={f.falsePositives} />

      {f.references.length === 0 ? null : (
        <section>
          <h2>{t('findings.section.references')}</h2>
          <ul>
            {f.references.map((r, i) => (
              <li key={`${r.label}:${i}`}>
                <Reference reference={r} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h2>{t('findings.section.decision')}</h2>
        {decision === null ? (
          <p>{t('findings.decision.none')}</p>
        ) : (
          <>
            {decision.expired ? (
              <p className="error" role="note">
                ⚠ {t('findings.decision.expired')}
              </p>
            ) : null}
            <dl className="fields">
              <dt>{t('findings.decision.status')}</dt>
              <dd>
                <StatusBadge status={decision.status} />
              </dd>
              <dt>{t('findings.decision.justification')}</dt>
              <dd className="finding-text">{decision.justification}</dd>
              <dt>{t('findings.decision.owner')}</dt>
              <dd>{decision.owner ?? '—'}</dd>
              <dt>{t('findings.decision.date')}</dt>
              <dd>{decision.date === null ? '—' : formatDay(lang, decision.date)}</dd>
              <dt>{t('findings.decision.reviewDate')}</dt>
              <dd>
                {decision.reviewDate === null ? '—' : formatDay(lang, decision.reviewDate)}
                {decision.expired ? ` (${t('findings.expiredShort')})` : ''}
              </dd>
            </dl>
          </>
        )}
      </section>

      <FindingWork
        workspaceId={workspace.id}
        findingId={f.id}
        canAssign={canDecide && latest !== null && version === latest}
        canComment={can('findings.comment') && latest !== null && version === latest}
      />

      {canDecide && latest !== null && version === latest ? (
        <DecisionForm
          key={f.id}
          workspaceId={workspace.id}
          finding={f.id}
          decision={decision}
          latest={latest}
          onRecorded={(n) => {
            setRecorded(n);
            refresh();
          }}
          onReload={() => {
            refresh();
            reload();
          }}
        />
      ) : canDecide ? (
        <p className="muted">
          {t('findings.decision.latestOnly')}{' '}
          <Link to={href(`/findings/${encodeURIComponent(f.id)}`, false)}>
            {t('findings.decision.openLatest')}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
