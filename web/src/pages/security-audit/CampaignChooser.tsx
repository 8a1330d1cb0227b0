/**
 * The campaign a results page shows (`?campaign=`, default the newest finished one): its chooser,
 * and what to say when there is none or it has no results yet.
 */
import type { ReactNode } from 'react';
import { ErrorMessage, Empty, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { AuditCampaignView } from './api-types';
import { CampaignSelect } from './AuditParts';
import { useChosenCampaign } from './use-security-audit';

export function WithCampaign({
  children,
}: {
  readonly children: (campaign: AuditCampaignView) => ReactNode;
}) {
  const { t } = useI18n();
  const { campaigns, chosen, choose } = useChosenCampaign();
  if (campaigns.error !== null) {
    return <ErrorMessage error={campaigns.error} onRetry={campaigns.reload} />;
  }
  if (campaigns.data === null) return <Loading />;
  if (chosen === null) return <Empty>{t('securityAudit.pick.none')}</Empty>;
  const listed = campaigns.data.campaigns.filter((c) => c.status === 'done' || c.id === chosen.id);
  return (
    <>
      <CampaignSelect
        id="audit-campaign"
        label={t('securityAudit.pick.campaign')}
        campaigns={listed}
        value={chosen.id}
        onChange={choose}
      />
      {chosen.status === 'done' ? (
        children(chosen)
      ) : (
        <Empty>
          {t('securityAudit.pick.notDone', { status: t(`securityAudit.status.${chosen.status}`) })}
        </Empty>
      )}
    </>
  );
}
