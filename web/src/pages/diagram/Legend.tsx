/**
 * The diagram's legend, beside the drawing: zone fills by trust level, asset boxes (OT, reachable
 * from the Internet, open findings), flow lines (encrypted, unencrypted, by the worst finding)
 * and the highlight colours of "show on diagram". Colours come from the drawing's own palette.
 */
import type { ReactNode } from 'react';
import {
  COLOUR,
  DASH,
  SEVERITY_COLOUR,
  TRUST_FILL,
  TRUST_STROKE,
} from '../../../../src/diagrams/styles';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';

function Swatch({ children }: { readonly children: ReactNode }) {
  return (
    <svg className="legend-swatch" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true">
      {children}
    </svg>
  );
}

const box = (fill: string, stroke: string, width = 1, dash?: string) => (
  <rect
    x="1"
    y="1"
    width="26"
    height="14"
    rx="3"
    fill={fill}
    stroke={stroke}
    strokeWidth={width}
    strokeDasharray={dash}
  />
);
const line = (colour: string, dashed: boolean, width = 1.6) => (
  <line
    x1="1"
    y1="8"
    x2="27"
    y2="8"
    stroke={colour}
    strokeWidth={width}
    strokeDasharray={dashed ? DASH : undefined}
  />
);

const TRUSTS = ['untrusted', 'low', 'medium', 'high', 'unknown'] as const;

export function Legend() {
  const { t } = useI18n();
  const item = (key: MessageKey, swatch: ReactNode) => (
    <li key={key}>
      <Swatch>{swatch}</Swatch> {t(key)}
    </li>
  );
  return (
    <details className="card diagram-legend" open>
      <summary>{t('diagram.legend.title')}</summary>
      <div className="diagram-legend-groups">
        <section>
          <h2>{t('diagram.legend.zones')}</h2>
          <ul>
            {TRUSTS.map((trust) =>
              item(
                `diagram.legend.trust.${trust}`,
                box(TRUST_FILL[trust] ?? COLOUR.boxFill, TRUST_STROKE[trust] ?? COLOUR.boxStroke),
              ),
            )}
            {item('diagram.legend.site', box(COLOUR.boxFill, COLOUR.siteStroke, 1, '5 3'))}
          </ul>
        </section>
        <section>
          <h2>{t('diagram.legend.assets')}</h2>
          <ul>
            {item('diagram.legend.asset', box(COLOUR.boxFill, COLOUR.boxStroke))}
            {item('diagram.legend.ot', box(COLOUR.otFill, COLOUR.otStroke))}
            {item('diagram.legend.exposed', box(COLOUR.boxFill, COLOUR.exposed, 2))}
            {item(
              'diagram.legend.findings',
              <>
                {box(COLOUR.boxFill, COLOUR.boxStroke)}
                <circle cx="21" cy="5.5" r="3" fill={SEVERITY_COLOUR.high} />
              </>,
            )}
            {item('diagram.legend.outside', box(COLOUR.outsideFill, COLOUR.outsideStroke))}
          </ul>
        </section>
        <section>
          <h2>{t('diagram.legend.flows')}</h2>
          <ul>
            {item('diagram.legend.encrypted', line(SEVERITY_COLOUR.none, false))}
            {item('diagram.legend.cleartext', line(SEVERITY_COLOUR.none, true))}
            {item('diagram.legend.severe', line(SEVERITY_COLOUR.high, false))}
            {item('diagram.legend.medium', line(SEVERITY_COLOUR.medium, false))}
            {item('diagram.legend.low', line(SEVERITY_COLOUR.low, false))}
          </ul>
        </section>
        <section>
          <h2>{t('diagram.legend.highlights')}</h2>
          <ul>
            {item(
              'diagram.legend.highlight',
              <rect
                x="2"
                y="2"
                width="24"
                height="12"
                rx="3"
                className="legend-highlight"
                strokeWidth="3"
              />,
            )}
            {item(
              'diagram.legend.highlightWithin',
              <rect
                x="2"
                y="2"
                width="24"
                height="12"
                rx="3"
                className="legend-highlight"
                strokeWidth="3"
                strokeDasharray="5 3"
              />,
            )}
            {item(
              'diagram.legend.highlightFlow',
              <line
                x1="1"
                y1="8"
                x2="27"
                y2="8"
                className="legend-highlight-flow"
                strokeWidth="4"
              />,
            )}
            {item(
              'diagram.legend.summary',
              box(TRUST_FILL.medium ?? COLOUR.boxFill, TRUST_STROKE.medium ?? COLOUR.boxStroke),
            )}
          </ul>
        </section>
      </div>
    </details>
  );
}
