/**
 * Pieces the security audit pages share: the area's tab bar (links, each page its own URL),
 * severity badges with words (the audit adds `info`), the campaign chooser, one finding
 * folded under its title (detail, evidence, CVSS, remediation, references, model entities) and
 * the download links of a finished campaign.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { Link, useRouter } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import type { AuditCampaignView, AuditFinding, AuditSeverity } from './api-types';
import { REPORT_FORMATS } from './audit-logic';
import { campaignPath, reportPath } from './use-security-audit';
import './security-audit.css';

export const AUDIT_TABS: readonly { readonly path: string; readonly key: MessageKey }[] = [
  { path: '/security-audit', key: 'securityAudit.tabs.campaigns' },
  { path: '/security-audit/findings', key: 'securityAudit.tabs.findings' },
  { path: '/security-audit/drift', key: 'securityAudit.tabs.drift' },
  { path: '/security-audit/compare', key: 'securityAudit.tabs.compare' },
  { path: '/security-audit/plan', key: 'securityAudit.tabs.plan' },
];

export function AuditTabs() {
  const { t } = useI18n();
  const { workspace, href } = useWorkspace();
  const { location } = useRouter();
  const base = `/w/${encodeURIComponent(workspace.id)}`;
  const campaign = location.search.get('campaign');
  const suffix = campaign === null ? '' : `?campaign=${encodeURIComponent(campaign)}`;
  return (
    <nav className="audit-tabs" aria-label={t('securityAudit.tabs.label')}>
      <ul>
        {AUDIT_TABS.map((tab) => (
          <li key={tab.path}>
            <Link
              to={`${href(tab.path, false)}${suffix}`}
              aria-current={location.path === `${base}${tab.path}` ? 'page' : undefined}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page frame: heading, tabs, then the page. */
export function AuditPage({
  title,
  children,
}: {
  readonly title: MessageKey;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="audit-page">
      <h1>{t(title)}</h1>
      <AuditTabs />
      {children}
    </div>
  );
}

const BADGE: Readonly<Record<AuditSeverity, string>> = {
  critical: 'badge-critical',
  high: 'badge-high',
  medium: 'badge-medium',
  low: 'badge-low',
  info: 'badge-none',
};

export function AuditSeverityBadge({ severity }: { readonly severity: AuditSeverity }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${BADGE[severity]}`}>{t(`securityAudit.severity.${severity}`)}</span>
  );
}

/** A native select of campaigns (by name and start), labelled. */
export function CampaignSelect({
  id,
  label,
  campaigns,
  value,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly campaigns: readonly AuditCampaignView[];
  readonly value: string | null;
  readonly onChange: (id: string) => void;
}) {
  const { formatDate } = useI18n();
  return (
    <p className="audit-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} — {formatDate(c.started ?? c.created)}
          </option>
        ))}
      </select>
    </p>
  );
}

/** Links to the entities' explorer pages (the campaign maps findings to model assets). */
export function EntityLinks({ ids }: { readonly ids: readonly string[] }) {
  const { href } = useWorkspace();
  return (
    <ul className="audit-inline-list">
      {ids.map((id) => (
        <li key={id}>
          <Link to={href(`/explore/assets/${encodeURIComponent(id)}`)}>{id}</Link>
        </li>
      ))}
    </ul>
  );
}

/** One finding folded under its severity and title; `actions` go under the detail. */
export function FindingItem({
  finding,
  actions,
}: {
  readonly finding: AuditFinding;
  readonly actions?: ReactNode;
}) {
  const { t, lang } = useI18n();
  return (
    <details className="audit-finding">
      <summary>
        <AuditSeverityBadge severity={finding.severity} />{' '}
        <span className="audit-finding-title">{finding.title[lang]}</span>{' '}
        <span className="mono muted">{finding.subject}</span>
      </summary>
      <dl className="audit-finding-detail">
        <dt>{t('securityAudit.findings.detail')}</dt>
        <dd>{finding.detail[lang]}</dd>
        <dt>{t('securityAudit.findings.evidence')}</dt>
        <dd>
          <pre
            className="audit-evidence"
            tabIndex={0}
            aria-label={t('securityAudit.findings.evidenceLabel', { id: finding.id })}
          >
            {finding.evidence}
          </pre>
        </dd>
        <dt>{t('securityAudit.findings.cvss')}</dt>
        <dd>
          <strong>{finding.cvss.score.toFixed(1)}</strong>{' '}
          <code className="audit-wrap">{finding.cvss.vector}</code>
        </dd>
        <dt>{t('securityAudit.findings.remediation')}</dt>
        <dd>{finding.remediation[lang]}</dd>
        <dt>{t('securityAudit.findings.check')}</dt>
        <dd>
          <code>{finding.check}</code> ({t(`securityAudit.domain.${finding.domain}`)})
        </dd>
        {finding.references.length === 0 ? null : (
          <>
            <dt>{t('securityAudit.findings.references')}</dt>
            <dd>
              <ul className="audit-inline-list">
                {finding.references.map((ref) => (
                  <li key={`${ref.source}:${ref.id}`}>
                    {ref.url === undefined ? (
                      `${ref.source.toUpperCase()} ${ref.id}`
                    ) : (
                      <a href={ref.url} rel="noreferrer noopener" target="_blank">
                        {ref.source.toUpperCase()} {ref.id}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {finding.entities.length === 0 ? null : (
          <>
            <dt>{t('securityAudit.findings.entities')}</dt>
            <dd>
              <EntityLinks ids={finding.entities} />
            </dd>
          </>
        )}
      </dl>
      {actions === undefined ? null : <div className="audit-actions">{actions}</div>}
    </details>
  );
}

const FORMAT_LABEL = {
  html: 'HTML',
  pdf: 'PDF',
  docx: 'DOCX',
  md: 'Markdown',
  sarif: 'SARIF',
  csv: 'CSV',
} as const;

/** The report in every format (in the UI's language) and the results file, as plain links. */
export function Downloads({ campaign }: { readonly campaign: AuditCampaignView }) {
  const { t, lang } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <nav className="audit-downloads" aria-label={t('securityAudit.download.label')}>
      <ul className="audit-inline-list">
        {REPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              className="button"
              href={reportPath(workspace.id, campaign.id, format, lang)}
              download
            >
              {t('securityAudit.download.report', { format: FORMAT_LABEL[format] })}
            </a>
          </li>
        ))}
        <li>
          <a className="button" href={campaignPath(workspace.id, campaign.id, '/results')} download>
            {t('securityAudit.download.results')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
