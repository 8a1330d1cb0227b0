/** The result of an import: the new version (with its diff), or why nothing was imported. */
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import { DiagnosticList } from '../editor/DiagnosticList';
import { failureDetails } from '../editor/save-failure';
import type { SaveFailure } from '../editor/save-failure';

export type ImportOutcome =
  | { readonly kind: 'saved'; readonly number: number }
  | { readonly kind: 'failed'; readonly failure: SaveFailure };

export function ImportOutcomeView({ outcome }: { readonly outcome: ImportOutcome }) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  if (outcome.kind === 'saved') {
    const n = outcome.number;
    return (
      <div className="success" role="status">
        <p>{t('versions.imported', { n })}</p>
        {n > 1 ? (
          <Link to={href(`/versions/${n - 1}/diff/${n}`, false)}>{t('versions.showDiff')}</Link>
        ) : null}
      </div>
    );
  }
  const { failure } = outcome;
  if (failure.kind === 'invalid') {
    return (
      <div className="error" role="alert">
        <p>{t('versions.invalid')}</p>
        <DiagnosticList diagnostics={failure.diagnostics} />
      </div>
    );
  }
  if (failure.kind === 'conflict') {
    return (
      <div className="error" role="alert">
        <p>{t('versions.conflict', { actual: failure.actual ?? '?' })}</p>
      </div>
    );
  }
  const details = failureDetails(failure.error);
  return (
    <ErrorMessage error={failure.error}>
      {details.length === 0 ? null : (
        <>
          <p>{t('versions.details')}</p>
          <ul>
            {details.map((line) => (
              <li key={line} className="mono">
                {line}
              </li>
            ))}
          </ul>
        </>
      )}
    </ErrorMessage>
  );
}
