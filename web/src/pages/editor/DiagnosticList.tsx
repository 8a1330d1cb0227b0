/**
 * Located diagnostics as a list: `file:line:column severity message`. With `onSelect`, each
 * position is a button that jumps to it in the editor.
 */
import type { DiagnosticView } from '../../../../src/platform/api/types';
import { useI18n } from '../../i18n';
import { orderForDisplay } from './diagnostics';

export function DiagnosticList({
  diagnostics,
  onSelect,
  label,
}: {
  readonly diagnostics: readonly DiagnosticView[];
  readonly onSelect?: (diagnostic: DiagnosticView) => void;
  readonly label?: string;
}) {
  const { t } = useI18n();
  if (diagnostics.length === 0) return <p className="muted">{t('editor.noDiagnostics')}</p>;
  return (
    <ul className="diagnostics" aria-label={label}>
      {orderForDisplay(diagnostics).map((d, i) => {
        const position = t('editor.position', { file: d.file, line: d.line, column: d.column });
        return (
          <li key={`${d.file}:${d.line}:${d.column}:${d.code}:${i}`}>
            {onSelect === undefined ? (
              <span className="mono">{position}</span>
            ) : (
              <button
                type="button"
                className="link-button mono"
                aria-label={t('editor.goTo', { file: d.file, line: d.line, column: d.column })}
                onClick={() => {
                  onSelect(d);
                }}
              >
                {position}
              </button>
            )}{' '}
            <span className={`badge diag-${d.severity}`}>{t(`editor.severity.${d.severity}`)}</span>{' '}
            {d.message}
            {d.code === '' ? null : <span className="muted mono"> ({d.code})</span>}
          </li>
        );
      })}
    </ul>
  );
}
