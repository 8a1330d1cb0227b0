/** Two finished campaigns side by side: findings added, fixed and persisting. */
import { ErrorMessage, Empty, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useSearchState } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import type { AuditComparisonResponse, AuditFinding } from './api-types';
import { AuditPage, CampaignSelect, FindingItem } from './AuditParts';
import { campaignPath, useCampaigns } from './use-security-audit';

function Column({
  id,
  label,
  findings,
}: {
  readonly id: string;
  readonly label: MessageKey;
  readonly findings: readonly AuditFinding[];
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(label, { n: findings.length })}</h2>
      {findings.length === 0 ? (
        <p className="muted">{t('securityAudit.compare.empty')}</p>
      ) : (
        findings.map((f) => <FindingItem key={f.id} finding={f} />)
      )}
    </section>
  );
}

export default function ComparePage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const campaigns = useCampaigns();
  const done = (campaigns.data?.campaigns ?? []).filter((c) => c.status === 'done');
  const [previousId, setPrevious] = useSearchState<string>('previous', '');
  const [currentId, setCurrent] = useSearchState<string>('current', '');
  const current = done.find((c) => c.id === currentId) ?? done[0] ?? null;
  const previous = done.find((c) => c.id === previousId) ?? done[1] ?? null;
  const ready = current !== null && previous !== null && current.id !== previous.id;
  const comparison = useApi<AuditComparisonResponse>(
    ready
      ? campaignPath(workspace.id, current.id, `/compare?with=${encodeURIComponent(previous.id)}`)
      : null,
  );
  let body;
  if (campaigns.error !== null)
    body = <ErrorMessage error={campaigns.error} onRetry={campaigns.reload} />;
  else if (campaigns.data === null) body = <Loading />;
  else if (done.length < 2) body = <Empty>{t('securityAudit.compare.needTwo')}</Empty>;
  else {
    body = (
      <>
        <div className="toolbar">
          <CampaignSelect
            id="audit-compare-previous"
            label={t('securityAudit.compare.previous')}
            campaigns={done}
            value={previous?.id ?? null}
            onChange={setPrevious}
          />
          <CampaignSelect
            id="audit-compare-current"
            label={t('securityAudit.compare.current')}
            campaigns={done}
            value={current?.id ?? null}
            onChange={setCurrent}
          />
        </div>
        {!ready ? (
          <p role="status">{t('securityAudit.compare.same')}</p>
        ) : comparison.error !== null ? (
          <ErrorMessage error={comparison.error} onRetry={comparison.reload} />
        ) : comparison.data === null ? (
          <Loading />
        ) : (
          <div className="audit-compare">
            <Column
              id="cmp-added"
              label="securityAudit.compare.added"
              findings={comparison.data.added}
            />
            <Column
              id="cmp-fixed"
              label="securityAudit.compare.fixed"
              findings={comparison.data.fixed}
            />
            <Column
              id="cmp-persisting"
              label="securityAudit.compare.persisting"
              findings={comparison.data.persisting}
            />
          </div>
        )}
      </>
    );
  }
  return <AuditPage title="securityAudit.compare.title">{body}</AuditPage>;
}
