/** Severity and status badges: colour plus text (never colour alone). */
import type { FindingStatus, Severity } from '../../../src/platform/api/types';
import { useI18n } from '../i18n';

export function SeverityBadge({ severity }: { readonly severity: Severity | null }) {
  const { t } = useI18n();
  if (severity === null) return <span className="badge badge-none">{t('severity.none')}</span>;
  return <span className={`badge badge-${severity}`}>{t(`severity.${severity}`)}</span>;
}

export function StatusBadge({ status }: { readonly status: FindingStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
