/**
 * The workspace dashboard (latest version): open findings by severity, their trend across
 * versions, the most likely attack paths, the ANSSI hygiene baseline, the model's size, its
 * validation state and the latest documents.
 *
 * The exemplary page of docs/ui-conventions.md: one <h1> first, data through `useApi` (the
 * query key is the API path, so the workspace's `refresh()` and mutations refresh it), the
 * three states in order — nothing yet (Loading, or the error with Retry), empty (a sentence and
 * the next action), data (cards, each a <section> labelled by its <h2>) —, every string from
 * the i18n area, every colour a theme variable (dashboard.css).
 */
import { ENTITY_KINDS } from '../../../../src/platform/api/types';
import type {
  AnalysisSummary,
  DashboardResponse,
  DocumentView,
  HygieneChapterView,
} from '../../../../src/platform/api/types';
import { AnalysisError, formatPercent, withQuery } from '../../components/Analysis';
import { SeverityBadge } from '../../components/Severity';
import { Empty, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { ContinuityCard } from './ContinuityCard';
import { SEVERITIES, TrendChart } from './TrendChart';
import './dashboard.css';

function SeverityCard({ latest }: { readonly latest: AnalysisSummary }) {
  const { t, formatNumber } = useI18n();
  const { href } = useWorkspace();
  const findings = href('/findings', false);
  const open = SEVERITIES.reduce((sum, s) => sum + latest.open[s], 0);
  return (
    <section className="card" aria-labelledby="dash-open">
      <h2 id="dash-open">{t('dashboard.open.title')}</h2>
      <ul className="dash-severities">
        {SEVERITIES.map((severity) => (
          <li key={severity}>
            <Link to={withQuery(findings, { severity, status: 'open' })}>
              <span className="dash-count">{formatNumber(latest.open[severity])}</span>{' '}
              <SeverityBadge severity={severity} />
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={withQuery(findings, { status: 'open' })}>
          {t('dashboard.open.total', { n: formatNumber(open) })}
        </Link>
        {' · '}
        {t('dashboard.open.decided', {
          n: formatNumber(latest.decided),
          total: formatNumber(latest.total),
        })}
      </p>
      {latest.rootCauses === undefined ? null : (
        <p className="dash-root-causes">
          {t('dashboard.open.rootCauses', {
            n: formatNumber(
              SEVERITIES.reduce((sum, s) => sum + (latest.rootCauses?.open[s] ?? 0), 0),
            ),
            total: formatNumber(latest.rootCauses.total),
          })}
        </p>
      )}
    </section>
  );
}

function PathsCard({ data }: { readonly data: DashboardResponse }) {
  const { t, lang, formatNumber } = useI18n();
  const { href } = useWorkspace();
  const paths = href('/paths', false);
  return (
    <section className="card" aria-labelledby="dash-paths">
      <h2 id="dash-paths">{t('dashboard.paths.title')}</h2>
      {data.topPaths.length === 0 ? (
        <Empty>{t('dashboard.paths.none')}</Empty>
      ) : (
        <ol className="dash-paths">
          {data.topPaths.map((path) => (
            <li key={path.id}>
              <Link to={withQuery(paths, { path: path.id })}>
                {t('dashboard.paths.item', { source: path.source.name, target: path.target.name })}
              </Link>{' '}
              <span className="muted">
                {t('dashboard.paths.score', { score: formatPercent(lang, path.score, 1) })}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to={paths}>
          {t('dashboard.paths.all', { n: formatNumber(data.latest?.attackPaths ?? 0) })}
        </Link>
      </p>
    </section>
  );
}

function chapterRatio(chapter: HygieneChapterView): number | null {
  return chapter.applicable > 0 ? chapter.implemented / chapter.applicable : null;
}

function HygieneCard({
  score,
  chapters,
}: {
  readonly score: number;
  readonly chapters: readonly HygieneChapterView[];
}) {
  const { t, lang, formatNumber } = useI18n();
  return (
    <section className="card" aria-labelledby="dash-hygiene">
      <h2 id="dash-hygiene">{t('dashboard.hygiene.title')}</h2>
      <p className="dash-big">
        {formatPercent(lang, score / 100)}{' '}
        <span className="muted">{t('dashboard.hygiene.overall')}</span>
      </p>
      {chapters.length === 0 ? null : (
        <ul className="dash-chapters">
          {chapters.map((chapter) => {
            const ratio = chapterRatio(chapter);
            return (
              <li key={chapter.chapter}>
                <span className="dash-chapter-title">
                  {chapter.chapter}. {chapter.title}
                </span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${String(Math.round((ratio ?? 0) * 100))}%` }} />
                </span>
                <span className="dash-chapter-value">
                  {ratio === null
                    ? t('dashboard.hygiene.notApplicable')
                    : t('dashboard.hygiene.value', {
                        implemented: formatNumber(chapter.implemented),
                        applicable: formatNumber(chapter.applicable),
                        score: formatPercent(lang, ratio),
                      })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ModelCard({ latest }: { readonly latest: AnalysisSummary }) {
  const { t, formatNumber } = useI18n();
  const { href } = useWorkspace();
  return (
    <section className="card" aria-labelledby="dash-model">
      <h2 id="dash-model">{t('dashboard.model.title')}</h2>
      <ul className="dash-kinds">
        {ENTITY_KINDS.map((kind) => (
          <li key={kind}>
            <Link to={href(`/explore/${kind}`, false)}>
              <span className="dash-count">{formatNumber(latest.counts[kind])}</span>{' '}
              {t(`kind.${kind}`)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ValidationCard({ validation }: { readonly validation: DashboardResponse['validation'] }) {
  const { t, formatNumber } = useI18n();
  const { href, canEdit } = useWorkspace();
  const clean = validation.errors === 0 && validation.warnings === 0;
  return (
    <section className="card" aria-labelledby="dash-validation">
      <h2 id="dash-validation">{t('dashboard.validation.title')}</h2>
      {clean ? (
        <p className="dash-ok">✓ {t('dashboard.validation.clean')}</p>
      ) : (
        <ul className="dash-validation">
          <li>
            <span className="badge diag-error">{formatNumber(validation.errors)}</span>{' '}
            {t('dashboard.validation.errors')}
          </li>
          <li>
            <span className="badge diag-warning">{formatNumber(validation.warnings)}</span>{' '}
            {t('dashboard.validation.warnings')}
          </li>
        </ul>
      )}
      {canEdit && !clean ? (
        <p>
          <Link to={href('/edit', false)}>{t('dashboard.openEditor')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function DocumentsCard({ documents }: { readonly documents: readonly DocumentView[] }) {
  const { t, formatDate } = useI18n();
  const { href } = useWorkspace();
  const page = href('/documents', false);
  return (
    <section className="card" aria-labelledby="dash-documents">
      <h2 id="dash-documents">{t('dashboard.documents.title')}</h2>
      {documents.length === 0 ? (
        <Empty>{t('dashboard.documents.none')}</Empty>
      ) : (
        <ul className="dash-documents">
          {documents.map((doc) => (
            <li key={doc.id}>
              <Link to={page}>
                {t('dashboard.documents.item', {
                  kind: t(`dashboard.documents.kind.${doc.kind}`),
                  format: doc.format.toUpperCase(),
                  lang: doc.lang.toUpperCase(),
                  version: doc.version,
                })}
              </Link>{' '}
              <span className={`badge doc-${doc.status}`}>
                {t(`dashboard.documents.status.${doc.status}`)}
              </span>{' '}
              <span className="muted">{formatDate(doc.created)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={page}>{t('dashboard.documents.all')}</Link>
      </p>
    </section>
  );
}

export default function DashboardPage() {
  const { t, lang } = useI18n();
  const { workspace, href, canEdit, latest, version } = useWorkspace();
  const { data, error, loading, reload } = useApi<DashboardResponse>(
    wsPath(workspace.id, `/dashboard${query({ lang })}`),
  );

  let body;
  if (data === null) {
    body =
      error === null || loading ? <Loading /> : <AnalysisError error={error} onRetry={reload} />;
  } else if (data.latest === null) {
    body = (
      <div className="card">
        <Empty>{t('dashboard.empty')}</Empty>
        {canEdit ? (
          <p>
            <Link to={href('/start', false)}>{t('onboarding.dashboardAction')}</Link>
          </p>
        ) : (
          <p>{t('dashboard.emptyReader')}</p>
        )}
      </div>
    );
  } else {
    body = (
      <>
        {error === null ? null : <AnalysisError error={error} onRetry={reload} />}
        <div className="grid dash-grid">
          <SeverityCard latest={data.latest} />
          <PathsCard data={data} />
          <section className="card dash-wide" aria-labelledby="dash-trend">
            <h2 id="dash-trend">{t('dashboard.trend.title')}</h2>
            {data.trend.length === 0 ? (
              <Empty>{t('dashboard.trend.empty')}</Empty>
            ) : (
              <TrendChart trend={data.trend} />
            )}
          </section>
          <HygieneCard score={data.latest.hygieneScore} chapters={data.hygiene} />
          <ModelCard latest={data.latest} />
          <ValidationCard validation={data.validation} />
          <ContinuityCard continuity={data.continuity} />
          <DocumentsCard documents={data.documents} />
        </div>
      </>
    );
  }

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      {data?.latest != null ? (
        <p className="muted">
          {t('dashboard.subtitle', { name: workspace.name, version: data.latest.version })}
          {version !== null && version !== latest ? ` ${t('dashboard.latestOnly')}` : ''}
        </p>
      ) : null}
      {body}
    </>
  );
}
