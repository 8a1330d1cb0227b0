/**
 * Open findings per severity across versions: stacked bars drawn as inline SVG (no chart
 * library). The SVG has a title and a description; the numbers are also in a data table.
 */
import { useId } from 'react';
import type { AnalysisSummary, Severity } from '../../../../src/platform/api/types';
import { useI18n } from '../../i18n';

/** Bottom to top: the most severe at the base of each bar. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

const HEIGHT = 220;
const TOP = 18;
const BOTTOM = 30;
const LEFT = 40;
const RIGHT = 10;
const SLOT = 46;

function openTotal(point: AnalysisSummary): number {
  return SEVERITIES.reduce((sum, s) => sum + point.open[s], 0);
}

/** A round axis maximum at or above `value`. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value) return candidate;
  }
  return 10 * magnitude;
}

export function TrendChart({ trend }: { readonly trend: readonly AnalysisSummary[] }) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const max = niceMax(Math.max(0, ...trend.map(openTotal)));
  const width = Math.max(320, LEFT + RIGHT + SLOT * trend.length);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const barWidth = SLOT * 0.6;
  const first = trend[0];
  const last = trend.at(-1);
  const describe = (point: AnalysisSummary) =>
    SEVERITIES.map((s) => `${formatNumber(point.open[s])} ${t(`severity.${s}`)}`).join(', ');

  return (
    <figure className="trend">
      <svg
        className="trend-chart"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width={width}
        height={HEIGHT}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{t('dashboard.trend.title')}</title>
        <desc id={descId}>
          {first === undefined || last === undefined
            ? t('dashboard.trend.empty')
            : t('dashboard.trend.desc', {
                from: first.version,
                to: last.version,
                latest: describe(last),
              })}
        </desc>
        {[0, max / 2, max].map((tick) => (
          <g key={tick} className="trend-grid">
            <line x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {trend.map((point, index) => {
          const x = LEFT + index * SLOT + (SLOT - barWidth) / 2;
          let base = 0;
          return (
            <g key={point.version}>
              <title>
                {t('dashboard.trend.barTitle', { version: point.version, counts: describe(point) })}
              </title>
              {SEVERITIES.map((severity) => {
                const count = point.open[severity];
                const top = base + count;
                const rect =
                  count === 0 ? null : (
                    <rect
                      key={severity}
                      className={`trend-${severity}`}
                      x={x}
                      width={barWidth}
                      y={y(top)}
                      height={y(base) - y(top)}
                    />
                  );
                base = top;
                return rect;
              })}
              <text
                className="trend-total"
                x={x + barWidth / 2}
                y={y(base) - 4}
                textAnchor="middle"
              >
                {formatNumber(base)}
              </text>
              <text
                className="trend-label"
                x={x + barWidth / 2}
                y={HEIGHT - BOTTOM + 16}
                textAnchor="middle"
              >
                {t('dashboard.trend.versionShort', { n: point.version })}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="trend-legend" aria-label={t('dashboard.trend.legend')}>
          {SEVERITIES.map((s) => (
            <li key={s}>
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <rect className={`trend-${s}`} width="12" height="12" />
              </svg>{' '}
              {t(`severity.${s}`)}
            </li>
          ))}
        </ul>
        <details>
          <summary>{t('dashboard.trend.showData')}</summary>
          <table className="plain">
            <caption className="visually-hidden">{t('dashboard.trend.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.trend.version')}</th>
                {SEVERITIES.map((s) => (
                  <th key={s} scope="col">
                    {t(`severity.${s}`)}
                  </th>
                ))}
                <th scope="col">{t('dashboard.trend.totalOpen')}</th>
                <th scope="col">{t('dashboard.trend.decided')}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((point) => (
                <tr key={point.version}>
                  <th scope="row">{t('dashboard.trend.versionShort', { n: point.version })}</th>
                  {SEVERITIES.map((s) => (
                    <td key={s}>{formatNumber(point.open[s])}</td>
                  ))}
                  <td>{formatNumber(openTotal(point))}</td>
                  <td>{formatNumber(point.decided)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
