/**
 * Shown instead of every page while the signed-in person holds a one-time password an
 * administrator gave them: the API refuses everything else (403 `password_change_required`)
 * until they choose their own.
 */
import type { UserView } from '../../../../src/platform/api/types';
import { useI18n } from '../../i18n';
import { PasswordForm } from './AccountPage';
import './account.css';

export default function ForcedPasswordChange({
  user,
  onChanged,
  onSignOut,
}: {
  readonly user: UserView;
  readonly onChanged: () => void;
  readonly onSignOut: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('account.forced.title')}</h1>
      <p role="alert">{t('account.forced.intro', { name: user.displayName })}</p>
      <PasswordForm onChanged={onChanged} />
      <button type="button" onClick={onSignOut}>
        {t('account.forced.signOut')}
      </button>
    </>
  );
}
