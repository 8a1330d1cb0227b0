/**
 * Drift between the model and the network: each drift finding with the entity, what was
 * observed and what the model says; "Update the model" previews the proposed change as a diff
 * of the model's files and applies it as a new version; "Open an action" goes to its action in
 * the plan (one action per check, made when the campaign finished).
 */
import { useState } from 'react';
import { ErrorMessage, Empty, Loading } from '../../components/Status';
import { Modal } from '../../components/ui';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { Link } from '../../lib/router';
import { useApiMutation } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { diffLines } from '../versions/diff-lines';
import type { AuditCampaignView, AuditDriftPreviewResponse, AuditFinding } from './api-types';
import type { SaveResponse } from '../../../../src/platform/api/types';
import { driftFindings } from './audit-logic';
import { AuditPage, EntityLinks, FindingItem } from './AuditParts';
import { WithCampaign } from './CampaignChooser';
import { campaignPath, useFindings } from './use-security-audit';

const LINE_CLASS = { add: 'diff-add', del: 'diff-del', hunk: 'diff-hunk', context: 'diff-ctx' };

function Preview({
  preview,
  onApply,
  applying,
  applied,
  error,
}: {
  readonly preview: AuditDriftPreviewResponse;
  readonly onApply: () => void;
  readonly applying: boolean;
  readonly applied: number | null;
  readonly error: unknown;
}) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  return (
    <div className="audit-preview">
      <p>{t('securityAudit.drift.previewBase', { version: preview.baseVersion })}</p>
      {preview.changes.map((change) => (
        <section
          key={change.file}
          aria-label={t('securityAudit.drift.diffLabel', { file: change.file })}
        >
          <h3>
            <span className="mono">{change.file}</span>{' '}
            <span className={`badge diff-status-${change.status}`}>
              {t(`securityAudit.drift.status.${change.status}`)}
            </span>
          </h3>
          <pre
            className="diff"
            tabIndex={0}
            aria-label={t('securityAudit.drift.diffLabel', { file: change.file })}
          >
            {diffLines(change.diff).map((line, i) => (
              <span key={i} className={LINE_CLASS[line.kind]}>
                {line.text === '' ? ' ' : line.text}
              </span>
            ))}
          </pre>
        </section>
      ))}
      {error === null ? null : <ErrorMessage error={error} />}
      {applied === null ? (
        <button type="button" className="primary" onClick={onApply} disabled={applying}>
          {t('securityAudit.drift.apply')}
        </button>
      ) : (
        <div className="success" role="status">
          <p>{t('securityAudit.drift.applied', { version: applied })}</p>
          <Link to={href(`/versions/${String(applied)}`, false)}>
            {t('securityAudit.drift.openVersion', { version: applied })}
          </Link>
        </div>
      )}
    </div>
  );
}

function DriftItem({
  campaign,
  finding,
}: {
  readonly campaign: AuditCampaignView;
  readonly finding: AuditFinding;
}) {
  const { t } = useI18n();
  const { workspace, can, href, refresh } = useWorkspace();
  const [open, setOpen] = useState(false);
  const path = campaignPath(workspace.id, campaign.id, '/drift');
  const preview = useApiMutation(
    () =>
      api<AuditDriftPreviewResponse>(`${path}/preview`, {
        method: 'POST',
        body: { findingId: finding.id },
      }),
    { invalidate: [] },
  );
  const apply = useApiMutation((baseVersion: number) =>
    api<SaveResponse>(`${path}/apply`, {
      method: 'POST',
      body: { findingId: finding.id, baseVersion },
    }),
  );
  const previewData = preview.data;
  const actions = (
    <>
      {finding.proposal !== undefined && can('security_audit.run') ? (
        <button
          type="button"
          onClick={() => {
            apply.reset();
            preview.mutate();
            setOpen(true);
          }}
        >
          {t('securityAudit.drift.update')}
        </button>
      ) : null}
      <Link
        className="button"
        to={`${href('/security-audit/plan', false)}?check=${encodeURIComponent(finding.check)}`}
      >
        {t('securityAudit.drift.openAction')}
      </Link>
    </>
  );
  return (
    <li>
      <FindingItem finding={finding} actions={actions} />
      {finding.entities.length === 0 ? null : <EntityLinks ids={finding.entities} />}
      <Modal title={t('securityAudit.drift.previewTitle')} isOpen={open} onOpenChange={setOpen}>
        {preview.error !== null ? (
          <ErrorMessage error={preview.error} />
        ) : previewData === undefined ? (
          <Loading />
        ) : (
          <Preview
            preview={previewData}
            applying={apply.isPending}
            applied={apply.data?.version.number ?? null}
            error={apply.error}
            onApply={() => {
              apply.mutate(previewData.baseVersion, { onSuccess: refresh });
            }}
          />
        )}
      </Modal>
    </li>
  );
}

function CampaignDrift({ campaign }: { readonly campaign: AuditCampaignView }) {
  const { t } = useI18n();
  const { data, error, reload } = useFindings(campaign);
  if (error !== null) return <ErrorMessage error={error} onRetry={reload} />;
  if (data === null) return <Loading />;
  const drift = driftFindings(data.findings);
  if (drift.length === 0) return <Empty>{t('securityAudit.drift.none')}</Empty>;
  return (
    <ul className="audit-drift-list">
      {drift.map((f) => (
        <DriftItem key={f.id} campaign={campaign} finding={f} />
      ))}
    </ul>
  );
}

export default function DriftPage() {
  const { t } = useI18n();
  return (
    <AuditPage title="securityAudit.drift.title">
      <p>{t('securityAudit.drift.intro')}</p>
      <WithCampaign>{(campaign) => <CampaignDrift campaign={campaign} />}</WithCampaign>
    </AuditPage>
  );
}
