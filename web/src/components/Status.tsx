/** Loading, error and empty states shared by every page. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ApiFailure } from '../lib/api';

export function Loading({ label }: { readonly label?: string }) {
  const { t } = useI18n();
  return (
    <p className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('app.loading')}
    </p>
  );
}

/**
 * The server's message in the UI language (it says which limit or quota, and when to retry).
 * Without one (an answer from a proxy in front of Vigie), `statusText` may explain the status.
 */
export function errorText(
  error: unknown,
  lang: 'fr' | 'en',
  networkText: string,
  statusText: (failure: ApiFailure) => string | null = () => null,
): string {
  if (error instanceof ApiFailure) {
    if (error.status === 0) return networkText;
    if (error.body !== null) return error.body.message[lang];
    return statusText(error) ?? `HTTP ${error.status}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorMessage({
  error,
  onRetry,
  children,
}: {
  readonly error: unknown;
  readonly onRetry?: () => void;
  readonly children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const statusText = (failure: ApiFailure): string | null => {
    if (failure.status === 413) return t('app.tooLarge');
    if (failure.status !== 429 && failure.status !== 503) return null;
    return failure.retryAfterSeconds === null
      ? t('app.busy')
      : t('app.busyRetry', { n: failure.retryAfterSeconds });
  };
  return (
    <div className="error" role="alert">
      <p>{errorText(error, lang, t('app.networkError'), statusText)}</p>
      {children}
      {onRetry === undefined ? null : (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { readonly children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
