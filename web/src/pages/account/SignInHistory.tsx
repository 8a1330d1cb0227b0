/**
 * Sign-in history: the caller's own (`/api/auth/sign-ins`) or, for administrators, one account's
 * or everyone's with why failures failed (`/api/admin/sign-ins`).
 */
import type { SignInsResponse } from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { useApi } from '../../lib/use-api';

export function SignInHistory({
  path,
  admin = false,
}: {
  readonly path: string;
  readonly admin?: boolean;
}) {
  const { t, formatDate } = useI18n();
  const list = useApi<SignInsResponse>(path);
  return (
    <section className="card" aria-labelledby="sign-in-history">
      <h2 id="sign-in-history">{t('account.history.title')}</h2>
      {list.error === null ? null : <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data === null ? (
        list.error === null ? (
          <Loading />
        ) : null
      ) : list.data.signIns.length === 0 ? (
        <p className="empty">{t('account.history.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="sign-in-history" tabIndex={0}>
          <table className="plain">
            <thead>
              <tr>
                <th scope="col">{t('account.history.time')}</th>
                {admin ? <th scope="col">{t('account.history.user')}</th> : null}
                <th scope="col">{t('account.history.result')}</th>
                {admin ? <th scope="col">{t('account.history.reason')}</th> : null}
                <th scope="col">{t('account.history.ip')}</th>
                <th scope="col">{t('account.history.agent')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.signIns.map((s) => (
                <tr key={`${s.at}-${s.user.id}-${s.ip}`}>
                  <td>
                    <time dateTime={s.at}>{formatDate(s.at)}</time>
                  </td>
                  {admin ? <td>{s.user.email}</td> : null}
                  <td>{s.success ? t('account.history.ok') : t('account.history.failed')}</td>
                  {admin ? <td>{s.reason ?? ''}</td> : null}
                  <td className="mono">{s.ip}</td>
                  <td title={s.userAgent}>{s.userAgent.slice(0, 60)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
