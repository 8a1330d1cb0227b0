/**
 * The workspace's action plan: one action per root cause with its severity and findings, an
 * owner chosen among the model's identities, a due date and a status, each saved as soon as it
 * changes; overdue actions carry an icon and the word, not colour alone. CSV export.
 */
import { ErrorMessage, Empty, Loading, errorText } from '../../components/Status';
import { toast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { api, saveBlob } from '../../lib/api';
import { useRouter } from '../../lib/router';
import { useApi, useApiMutation } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import type {
  AuditPlanItemPatch,
  AuditPlanItemResponse,
  AuditPlanItemView,
  AuditPlanResponse,
} from './api-types';
import { PLAN_STATUSES, overdueCount, planToCsv } from './audit-logic';
import type { PlanStatus } from './audit-logic';
import { AuditPage, AuditSeverityBadge } from './AuditParts';
import { planPath, useEntities } from './use-security-audit';

function PlanRow({
  item,
  owners,
  highlighted,
}: {
  readonly item: AuditPlanItemView;
  readonly owners: readonly { readonly id: string; readonly name: string }[];
  readonly highlighted: boolean;
}) {
  const { t, lang } = useI18n();
  const { workspace, can } = useWorkspace();
  const editable = can('security_audit.run');
  const save = useApiMutation((patch: AuditPlanItemPatch) =>
    api<AuditPlanItemResponse>(planPath(workspace.id, `/${encodeURIComponent(item.check)}`), {
      method: 'PATCH',
      body: patch,
    }),
  );
  const send = (patch: AuditPlanItemPatch) => {
    save.mutate(patch, {
      onSuccess: () => toast.success(t('securityAudit.plan.saved')),
      onError: (error) => toast.error(errorText(error, lang, t('app.networkError'))),
    });
  };
  const action = item.title[lang];
  const knownOwner = item.owner === null || owners.some((o) => o.id === item.owner);
  return (
    <tr id={`plan-${item.check}`} className={highlighted ? 'audit-plan-highlight' : undefined}>
      <th scope="row">
        {action}
        <br />
        <code className="muted">{item.check}</code>
      </th>
      <td>
        <AuditSeverityBadge severity={item.severity} />
      </td>
      <td>{item.findings.length}</td>
      <td>
        <select
          aria-label={t('securityAudit.plan.ownerOf', { action })}
          value={item.owner ?? ''}
          disabled={!editable || save.isPending}
          onChange={(e) => {
            send({ owner: e.target.value === '' ? null : e.target.value });
          }}
        >
          <option value="">{t('securityAudit.plan.noOwner')}</option>
          {knownOwner ? null : <option value={item.owner}>{item.ownerName ?? item.owner}</option>}
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="date"
          aria-label={t('securityAudit.plan.dueOf', { action })}
          value={item.due ?? ''}
          disabled={!editable || save.isPending}
          onChange={(e) => {
            send({ due: e.target.value === '' ? null : e.target.value });
          }}
        />
        {item.overdue ? (
          <span className="audit-overdue">
            {' '}
            <span aria-hidden="true">⚠</span> {t('securityAudit.plan.overdue')}
          </span>
        ) : null}
      </td>
      <td>
        <select
          aria-label={t('securityAudit.plan.statusOf', { action })}
          value={item.status}
          disabled={!editable || save.isPending}
          onChange={(e) => {
            send({ status: e.target.value as PlanStatus });
          }}
        >
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`securityAudit.plan.status.${s}`)}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}

function PlanTable({ items }: { readonly items: readonly AuditPlanItemView[] }) {
  const { t, lang } = useI18n();
  const { location } = useRouter();
  const owners = useEntities('identities');
  const highlighted = location.search.get('check');
  const headers = [
    t('securityAudit.plan.column.action'),
    t('securityAudit.plan.column.severity'),
    t('securityAudit.plan.column.findings'),
    t('securityAudit.plan.column.owner'),
    t('securityAudit.plan.column.due'),
    t('securityAudit.plan.column.status'),
  ];
  const exportCsv = () => {
    const csv = planToCsv(items, [...headers, t('securityAudit.plan.overdue')], {
      status: (s) => t(`securityAudit.plan.status.${s}`),
      overdue: t('securityAudit.plan.overdue'),
      lang,
    });
    saveBlob(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      lang === 'fr' ? 'plan-action.csv' : 'action-plan.csv',
    );
  };
  const late = overdueCount(items);
  return (
    <>
      <p className="toolbar">
        <button type="button" onClick={exportCsv}>
          {t('securityAudit.plan.export')}
        </button>
      </p>
      {late === 0 ? null : (
        <p className="audit-overdue">
          <span aria-hidden="true">⚠</span> {t('securityAudit.plan.overdueCount', { n: late })}
        </p>
      )}
      <div className="table-scroll">
        <table className="plain audit-table audit-plan-table">
          <caption className="visually-hidden">{t('securityAudit.plan.tableLabel')}</caption>
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <PlanRow
                key={item.id}
                item={item}
                owners={owners}
                highlighted={item.check === highlighted}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function PlanPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const { data, error, loading, reload } = useApi<AuditPlanResponse>(planPath(workspace.id));
  return (
    <AuditPage title="securityAudit.plan.title">
      <p>{t('securityAudit.plan.intro')}</p>
      {error !== null ? (
        <ErrorMessage error={error} onRetry={reload} />
      ) : loading && data === null ? (
        <Loading />
      ) : data === null || data.items.length === 0 ? (
        <Empty>{t('securityAudit.plan.none')}</Empty>
      ) : (
        <PlanTable items={data.items} />
      )}
    </AuditPage>
  );
}
