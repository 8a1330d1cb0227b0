/**
 * Security audit campaigns: the list (status, start, duration, findings by severity; live
 * progress of a running campaign, polled), cancel and delete, and the new-campaign form.
 */
import { useState } from 'react';
import { ErrorMessage, Empty, Loading, errorText } from '../../components/Status';
import { ConfirmDialog, toast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { formatDuration } from '../../lib/format';
import { Link } from '../../lib/router';
import { useApiMutation } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import type { AuditCampaignView } from './api-types';
import { SEVERITY_ORDER, durationSeconds, isActive, progressPercent } from './audit-logic';
import { AuditPage, AuditSeverityBadge } from './AuditParts';
import { NewCampaignForm } from './NewCampaignForm';
import { campaignPath, useCampaigns } from './use-security-audit';

function Progress({ campaign }: { readonly campaign: AuditCampaignView }) {
  const { t, lang } = useI18n();
  const progress = campaign.progress;
  if (progress === null) return null;
  const percent = progressPercent(progress);
  const phase = ['scan', 'identify', 'probe', 'judge', 'done'].includes(progress.phase)
    ? t(`securityAudit.phase.${progress.phase as 'scan'}`)
    : progress.phase;
  return (
    <div className="audit-progress">
      <progress
        max={100}
        {...(percent === null ? {} : { value: percent })}
        aria-label={t('securityAudit.campaigns.progressLabel', { name: campaign.name })}
      />
      <span role="status">
        {t('securityAudit.campaigns.progress', {
          phase,
          done: progress.done,
          total: progress.total,
        })}
      </span>
      {progress.message[lang] === '' ? null : (
        <span className="muted">{progress.message[lang]}</span>
      )}
    </div>
  );
}

function Counts({ campaign }: { readonly campaign: AuditCampaignView }) {
  const counts = campaign.counts;
  if (counts === null) return <>—</>;
  return (
    <ul className="audit-counts">
      {SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => (
        <li key={s}>
          <AuditSeverityBadge severity={s} /> {counts[s]}
        </li>
      ))}
    </ul>
  );
}

function RowActions({ campaign }: { readonly campaign: AuditCampaignView }) {
  const { t, lang } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const path = campaignPath(workspace.id, campaign.id);
  const cancel = useApiMutation(() => api(`${path}/cancel`, { method: 'POST' }));
  const remove = useApiMutation(() => api(path, { method: 'DELETE' }));
  const failed = (error: unknown) => toast.error(errorText(error, lang, t('app.networkError')));
  return (
    <div className="audit-actions">
      {campaign.status === 'done' ? (
        <Link
          to={`${href('/security-audit/findings', false)}?campaign=${encodeURIComponent(campaign.id)}`}
        >
          {t('securityAudit.campaigns.results')}
          <span className="visually-hidden"> — {campaign.name}</span>
        </Link>
      ) : null}
      {can('security_audit.run') && isActive(campaign) ? (
        <button
          type="button"
          disabled={cancel.isPending}
          onClick={() => {
            cancel.mutate(undefined, {
              onSuccess: () =>
                toast.success(t('securityAudit.campaigns.cancelled', { name: campaign.name })),
              onError: failed,
            });
          }}
        >
          {t('securityAudit.campaigns.cancel')}
          <span className="visually-hidden"> — {campaign.name}</span>
        </button>
      ) : null}
      {can('security_audit.run') ? (
        <button
          type="button"
          className="danger"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('securityAudit.campaigns.delete')}
          <span className="visually-hidden"> — {campaign.name}</span>
        </button>
      ) : null}
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t('securityAudit.campaigns.deleteTitle')}
        confirmLabel={t('securityAudit.campaigns.delete')}
        destructive
        onConfirm={() => {
          remove.mutate(undefined, {
            onSuccess: () =>
              toast.success(t('securityAudit.campaigns.deleted', { name: campaign.name })),
            onError: failed,
          });
        }}
      >
        {t('securityAudit.campaigns.deleteBody', { name: campaign.name })}
      </ConfirmDialog>
    </div>
  );
}

function CampaignTable({ campaigns }: { readonly campaigns: readonly AuditCampaignView[] }) {
  const { t, lang, formatDate } = useI18n();
  const now = Date.now();
  return (
    <div className="table-scroll">
      <table className="plain audit-table">
        <caption className="visually-hidden">{t('securityAudit.campaigns.listLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('securityAudit.column.name')}</th>
            <th scope="col">{t('securityAudit.column.status')}</th>
            <th scope="col">{t('securityAudit.column.started')}</th>
            <th scope="col">{t('securityAudit.column.duration')}</th>
            <th scope="col">{t('securityAudit.column.findings')}</th>
            <th scope="col">{t('securityAudit.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => {
            const seconds = durationSeconds(c, now);
            return (
              <tr key={c.id}>
                <th scope="row">
                  {c.name}
                  <br />
                  <span className="muted">
                    {t('securityAudit.campaigns.version', { version: c.version })}
                    {c.createdBy === null ? null : (
                      <> · {t('securityAudit.campaigns.by', { name: c.createdBy })}</>
                    )}
                  </span>
                </th>
                <td>
                  {t(`securityAudit.status.${c.status}`)}
                  {isActive(c) ? <Progress campaign={c} /> : null}
                  {c.error === null ? null : (
                    <p className="error">
                      {t('securityAudit.campaigns.error', { error: c.error })}
                    </p>
                  )}
                </td>
                <td>
                  {c.started === null
                    ? t('securityAudit.campaigns.notStarted')
                    : formatDate(c.started)}
                </td>
                <td>{seconds === null ? '—' : formatDuration(lang, seconds)}</td>
                <td>
                  <Counts campaign={c} />
                </td>
                <td>
                  <RowActions campaign={c} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default function CampaignsPage() {
  const { t } = useI18n();
  const { can } = useWorkspace();
  const { data, error, loading, reload } = useCampaigns();
  return (
    <AuditPage title="securityAudit.campaigns.title">
      <p>{t('securityAudit.campaigns.intro')}</p>
      <section className="audit-section" aria-labelledby="audit-campaigns-list">
        <h2 id="audit-campaigns-list">{t('securityAudit.tabs.campaigns')}</h2>
        {error !== null ? (
          <ErrorMessage error={error} onRetry={reload} />
        ) : loading || data === null ? (
          <Loading />
        ) : data.campaigns.length === 0 ? (
          <Empty>{t('securityAudit.campaigns.none')}</Empty>
        ) : (
          <CampaignTable campaigns={data.campaigns} />
        )}
      </section>
      <section className="audit-section" aria-labelledby="audit-new-campaign">
        <h2 id="audit-new-campaign">{t('securityAudit.form.title')}</h2>
        {can('security_audit.run') ? (
          <NewCampaignForm />
        ) : (
          <p>{t('securityAudit.form.noPermission')}</p>
        )}
      </section>
    </AuditPage>
  );
}
