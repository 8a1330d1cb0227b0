/** The problems of a preview: each with its place in the source (row and column, or answer). */
import type { DiagnosticView, ValidationSummary } from '../../../../src/platform/api/types';
import { useI18n } from '../../i18n';

export function DiagnosticList({
  diagnostics,
  validation,
}: {
  readonly diagnostics: readonly DiagnosticView[];
  readonly validation?: ValidationSummary;
}) {
  const { t } = useI18n();
  // The model's own errors come first: they block the creation.
  const all = [
    ...(validation?.diagnostics.filter((d) => d.severity === 'error') ?? []),
    ...diagnostics,
  ];
  const count = (severity: DiagnosticView['severity']) =>
    all.filter((d) => d.severity === severity).length;
  return (
    <section className="card onboarding-diagnostics" aria-labelledby="onboarding-diag-title">
      <h2 id="onboarding-diag-title">{t('onboarding.diagnostics.title')}</h2>
      {validation === undefined ? null : (
        <p className={validation.errors > 0 ? 'error' : 'success'}>
          {validation.errors > 0
            ? t('onboarding.validation.invalid')
            : t('onboarding.validation.valid')}
        </p>
      )}
      {all.length === 0 ? (
        <p>{t('onboarding.diagnostics.none')}</p>
      ) : (
        <>
          <p>
            {t('onboarding.diagnostics.summary', {
              errors: count('error'),
              warnings: count('warning'),
              infos: count('info'),
            })}
          </p>
          <ul className="onboarding-diag-list">
            {all.slice(0, 300).map((d, i) => (
              <li key={`${d.file}:${String(d.line)}:${String(d.column)}:${d.code}:${String(i)}`}>
                <span className={`onboarding-sev onboarding-sev-${d.severity}`}>
                  {t(`onboarding.severity.${d.severity}`)}
                </span>{' '}
                {d.file === '' || d.file === 'wizard' ? null : <strong>{d.file}</strong>}
                {d.line > 0 ? (
                  <>
                    {' '}
                    (
                    {d.column > 0
                      ? t('onboarding.diagnostics.where', { line: d.line, column: d.column })
                      : t('onboarding.diagnostics.whereRow', { line: d.line })}
                    )
                  </>
                ) : null}
                {d.path === undefined ? null : <code> {d.path}</code>} {d.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The located diagnostics an `inventory_unreadable` error carries, if any. */
export function diagnosticsOf(error: unknown): DiagnosticView[] | null {
  if (typeof error !== 'object' || error === null || !('body' in error)) return null;
  const body = (error as { body: { code?: string; details?: unknown } | null }).body;
  if (body?.code !== 'inventory_unreadable') return null;
  const details = body.details as { diagnostics?: DiagnosticView[] } | undefined;
  return details?.diagnostics ?? null;
}

/** A file as base64 (for the JSON body of the inventory routes). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
