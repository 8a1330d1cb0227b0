/**
 * The findings of a finished campaign, grouped by severity, filtered by domain, severity, model
 * entity and text; each unfolds to its detail and evidence. Report and results downloads.
 */
import { useMemo } from 'react';
import { ErrorMessage, Empty, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { useSearchState } from '../../lib/router';
import type { AuditCampaignView, AuditFindingsResponse } from './api-types';
import {
  DOMAINS,
  SEVERITY_ORDER,
  entitiesOf,
  groupBySeverity,
  isDomain,
  isSeverity,
  matchesFinding,
} from './audit-logic';
import { AuditPage, Downloads, FindingItem } from './AuditParts';
import { WithCampaign } from './CampaignChooser';
import { useFindings } from './use-security-audit';

function Filters({ data }: { readonly data: AuditFindingsResponse }) {
  const { t } = useI18n();
  const [domain, setDomain] = useSearchState<string>('domain', '');
  const [severity, setSeverity] = useSearchState<string>('severity', '');
  const [entity, setEntity] = useSearchState<string>('entity', '');
  const [text, setText] = useSearchState<string>('q', '');
  const entities = useMemo(() => entitiesOf(data.findings), [data]);
  const all = t('securityAudit.findings.filter.all');
  return (
    <div className="toolbar" role="search" aria-label={t('securityAudit.findings.filter.label')}>
      <label>
        {t('securityAudit.findings.filter.domain')}
        <select
          value={domain}
          onChange={(e) => {
            setDomain(e.target.value);
          }}
        >
          <option value="">{all}</option>
          {DOMAINS.map((d) => (
            <option key={d} value={d}>
              {t(`securityAudit.domain.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('securityAudit.findings.filter.severity')}
        <select
          value={severity}
          onChange={(e) => {
            setSeverity(e.target.value);
          }}
        >
          <option value="">{all}</option>
          {SEVERITY_ORDER.map((s) => (
            <option key={s} value={s}>
              {t(`securityAudit.severity.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('securityAudit.findings.filter.entity')}
        <select
          value={entity}
          onChange={(e) => {
            setEntity(e.target.value);
          }}
        >
          <option value="">{all}</option>
          {entities.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('securityAudit.findings.filter.text')}
        <input
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </label>
    </div>
  );
}

function FindingList({ data }: { readonly data: AuditFindingsResponse }) {
  const { t, lang } = useI18n();
  const [domain] = useSearchState<string>('domain', '');
  const [severity] = useSearchState<string>('severity', '');
  const [entity] = useSearchState<string>('entity', '');
  const [text] = useSearchState<string>('q', '');
  const filter = {
    domain: isDomain(domain) ? domain : null,
    severity: isSeverity(severity) ? severity : null,
    entity: entity === '' ? null : entity,
    text,
  };
  const shown = data.findings.filter((f) => matchesFinding(f, filter, lang));
  const groups = groupBySeverity(shown);
  return (
    <>
      <p role="status">
        {t('securityAudit.findings.count', { shown: shown.length, total: data.total })}
      </p>
      {groups.length === 0 ? <Empty>{t('securityAudit.findings.none')}</Empty> : null}
      {groups.map((group) => (
        <section
          key={group.severity}
          className="audit-section"
          aria-labelledby={`sev-${group.severity}`}
        >
          <h2 id={`sev-${group.severity}`}>
            {t('securityAudit.findings.group', {
              severity: t(`securityAudit.severity.${group.severity}`),
              n: group.findings.length,
            })}
          </h2>
          {group.findings.map((f) => (
            <FindingItem key={f.id} finding={f} />
          ))}
        </section>
      ))}
      {data.refused.length === 0 ? null : (
        <details className="audit-section">
          <summary>{t('securityAudit.findings.refused', { n: data.refused.length })}</summary>
          <ul>
            {data.refused.map((r, i) => (
              <li key={`${r.address}:${r.port}:${i}`}>
                <code>
                  {r.address}:{r.port}
                </code>{' '}
                {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {data.errors.length === 0 ? null : (
        <details className="audit-section">
          <summary>{t('securityAudit.findings.errors', { n: data.errors.length })}</summary>
          <ul>
            {data.errors.map((e, i) => (
              <li key={`${e.target}:${e.probe}:${i}`}>
                <code>{e.target}</code> ({e.probe}) {e.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function CampaignFindings({ campaign }: { readonly campaign: AuditCampaignView }) {
  const { data, error, reload } = useFindings(campaign);
  return (
    <>
      <Downloads campaign={campaign} />
      {error !== null ? (
        <ErrorMessage error={error} onRetry={reload} />
      ) : data === null ? (
        <Loading />
      ) : (
        <>
          <Filters data={data} />
          <FindingList data={data} />
        </>
      )}
    </>
  );
}

export default function FindingsPage() {
  return (
    <AuditPage title="securityAudit.findings.title">
      <WithCampaign>{(campaign) => <CampaignFindings campaign={campaign} />}</WithCampaign>
    </AuditPage>
  );
}
