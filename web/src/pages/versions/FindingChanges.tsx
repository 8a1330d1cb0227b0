/**
 * Findings as a compact list (severity, status, title, subject), each linking to its detail in
 * a given version. Used by the version page and the diff's findings tab.
 */
import type { FindingView } from '../../../../src/platform/api/types';
import { SeverityBadge, StatusBadge } from '../../components/Severity';
import { useI18n } from '../../i18n';
import { Link } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';

export function FindingList({
  findings,
  version,
  label,
  note,
}: {
  readonly findings: readonly FindingView[];
  /** The version whose finding detail the links open. */
  readonly version: number;
  readonly label: string;
  /** Extra text after a finding's title (how it was closed…). */
  readonly note?: (finding: FindingView) => string | null;
}) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  if (findings.length === 0) return <p className="muted">{t('versions.findings.none')}</p>;
  return (
    <ul className="finding-changes" aria-label={label}>
      {findings.map((f) => {
        const subject = f.subjects[0];
        const extra = note?.(f) ?? null;
        return (
          <li key={f.id}>
            <SeverityBadge severity={f.severity} /> <StatusBadge status={f.status} />{' '}
            <Link to={`${href(`/findings/${encodeURIComponent(f.id)}`, false)}?v=${version}`}>
              {f.title}
            </Link>
            {subject === undefined ? null : (
              <span className="muted"> — {subject.name === '' ? subject.id : subject.name}</span>
            )}
            {extra === null ? null : <span className="muted"> ({extra})</span>}
          </li>
        );
      })}
    </ul>
  );
}
