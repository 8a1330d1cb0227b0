/** What happened to the last save in the editor, with the conflict's ways out. */
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import { saveBlob } from '../../lib/api';
import { Link } from '../../lib/router';
import { bundleFiles } from './files';
import { failureDetails } from './save-failure';
import type { SaveFailure } from './save-failure';

export type Outcome =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'saved'; readonly number: number }
  | {
      readonly kind: 'failed';
      readonly failure: SaveFailure;
      readonly files: Readonly<Record<string, string>>;
      readonly base: number | null;
    };

export interface KeptCopy {
  readonly base: number | null;
  readonly files: Readonly<Record<string, string>>;
}

/** Saves the edited files as one `.yaml` bundle (see `bundleFiles`). */
export function downloadCopy(copy: KeptCopy): void {
  const blob = new Blob([bundleFiles(copy.files)], { type: 'application/yaml' });
  saveBlob(blob, `vigie-edits-from-v${copy.base ?? 0}.yaml`);
}

export function OutcomeView({
  outcome,
  onOpenLatest,
  diffHref,
}: {
  readonly outcome: Outcome;
  readonly onOpenLatest: (copy: KeptCopy, actual: number | null) => void;
  readonly diffHref: (a: number, b: number) => string;
}) {
  const { t } = useI18n();
  if (outcome.kind === 'nothing') return <p className="card">{t('editor.nothingChanged')}</p>;
  if (outcome.kind === 'saved') {
    const n = outcome.number;
    return (
      <div className="success" role="status">
        <p>{t('editor.saved', { n })}</p>
        {n > 1 ? <Link to={diffHref(n - 1, n)}>{t('editor.showDiff')}</Link> : null}
      </div>
    );
  }
  const { failure } = outcome;
  const copy: KeptCopy = { base: outcome.base, files: outcome.files };
  if (failure.kind === 'invalid') {
    return (
      <div className="error" role="alert">
        <p>{t('editor.invalid')}</p>
      </div>
    );
  }
  if (failure.kind === 'conflict') {
    const { actual } = failure;
    return (
      <div className="error" role="alert">
        <p>
          {actual === null
            ? t('editor.conflictUnknown')
            : t('editor.conflict', { actual, expected: failure.expected ?? outcome.base ?? 0 })}
        </p>
        <div className="toolbar">
          <button
            type="button"
            onClick={() => {
              onOpenLatest(copy, actual);
            }}
          >
            {t('editor.openLatest')}
          </button>
          <button
            type="button"
            onClick={() => {
              downloadCopy(copy);
            }}
          >
            {t('editor.downloadCopy')}
          </button>
          {actual !== null && outcome.base !== null ? (
            <a href={diffHref(outcome.base, actual)} target="_blank" rel="noopener noreferrer">
              {t('editor.showConflictDiff')}
            </a>
          ) : null}
        </div>
      </div>
    );
  }
  const details = failureDetails(failure.error);
  return (
    <ErrorMessage error={failure.error}>
      {details.length === 0 ? null : (
        <ul>
          {details.map((line) => (
            <li key={line} className="mono">
              {line}
            </li>
          ))}
        </ul>
      )}
    </ErrorMessage>
  );
}
