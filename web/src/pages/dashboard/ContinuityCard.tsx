/**
 * The dashboard's continuity card: the processes whose RTO the recovery schedule misses and the
 * saved disaster scenarios a model change broke, each linking to the continuity pages.
 */
import type { DashboardContinuityView } from '../../../../src/platform/api/types';
import { withQuery } from '../../components/Analysis';
import { useI18n } from '../../i18n';
import { Link } from '../../lib/router';
import { useWorkspace } from '../../lib/workspace';
import { useMinutes } from '../continuity/ContinuityParts';
import { useEntityNames } from '../continuity/use-continuity';

export function ContinuityCard({
  continuity,
}: {
  readonly continuity: DashboardContinuityView | null;
}) {
  const { t, lang, formatNumber } = useI18n();
  const { href } = useWorkspace();
  const minutes = useMinutes();
  const names = useEntityNames(continuity === null ? [] : ['processes']);
  const bia = href('/continuity', false);
  const simulator = href('/continuity/simulator', false);
  return (
    <section className="card" aria-labelledby="dash-continuity">
      <h2 id="dash-continuity">{t('continuity.dashboard.title')}</h2>
      {continuity === null ? (
        <p className="muted">{t('continuity.dashboard.unavailable')}</p>
      ) : (
        <>
          {continuity.missedRto.length === 0 ? (
            <p className="dash-ok">
              <span aria-hidden="true">✓</span> {t('continuity.dashboard.rtoMet')}
            </p>
          ) : (
            <>
              <p>
                {t('continuity.dashboard.rtoMissed', {
                  n: formatNumber(continuity.missedRto.length),
                })}
              </p>
              <ul>
                {continuity.missedRto.map((p) => (
                  <li key={p.process}>
                    <Link to={withQuery(bia, { process: p.process })}>
                      {names('processes', p.process)}
                    </Link>{' '}
                    <span className="muted">
                      {t('continuity.dashboard.rtoVersus', {
                        achievable: minutes(p.achievable),
                        rto: minutes(p.rto),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {continuity.scenarios === 0 ? (
            <p className="muted">{t('continuity.dashboard.noScenario')}</p>
          ) : continuity.brokenScenarios.length === 0 ? (
            <p className="dash-ok">
              <span aria-hidden="true">✓</span>{' '}
              {t('continuity.dashboard.scenariosHold', {
                n: formatNumber(continuity.scenarios),
              })}
            </p>
          ) : (
            <>
              <p>
                {t('continuity.dashboard.scenariosBroken', {
                  n: formatNumber(continuity.brokenScenarios.length),
                  total: continuity.scenarios,
                })}
              </p>
              <ul>
                {continuity.brokenScenarios.map((s) => (
                  <li key={s.id}>
                    <Link to={withQuery(simulator, { scenario: s.scenario })}>
                      {s.name ?? s.scenario}
                    </Link>{' '}
                    <span className="muted">
                      {s.summary.status === 'error'
                        ? (s.error?.[lang] ?? t('continuity.dashboard.scenarioError'))
                        : t('continuity.dashboard.scenarioMissed', {
                            n: s.summary.missedRto,
                          })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <p>
        <Link to={bia}>{t('continuity.dashboard.open')}</Link>
        {' · '}
        <Link to={simulator}>{t('continuity.dashboard.openSimulator')}</Link>
      </p>
    </section>
  );
}
