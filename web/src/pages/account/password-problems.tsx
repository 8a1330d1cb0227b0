/** The server's refusal of a password, with the policy's reasons listed in the UI language. */
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import { ApiFailure } from '../../lib/api';

interface Problem {
  readonly code: string;
  readonly message: { readonly en: string; readonly fr: string };
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const message = v.message as Record<string, unknown> | null | undefined;
  return (
    typeof v.code === 'string' &&
    typeof message === 'object' &&
    message !== null &&
    typeof message.en === 'string' &&
    typeof message.fr === 'string'
  );
}

/** The policy problems of a `weak_password` failure (empty for any other error). */
export function passwordProblems(error: unknown): readonly Problem[] {
  if (!(error instanceof ApiFailure) || error.body?.code !== 'weak_password') return [];
  const details = error.body.details;
  return Array.isArray(details) ? details.filter(isProblem) : [];
}

export function PasswordError({ error }: { readonly error: unknown }) {
  const { t, lang } = useI18n();
  const problems = passwordProblems(error);
  if (problems.length === 0) return <ErrorMessage error={error} />;
  return (
    <div className="error" role="alert">
      <p>{t('account.password.reasons')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.code}>{p.message[lang]}</li>
        ))}
      </ul>
    </div>
  );
}
