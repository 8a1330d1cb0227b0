/**
 * The recovery schedule as an interactive Gantt chart drawn in SVG from the plan's tasks: one
 * row per asset in start order, a time axis, the critical path highlighted (colour and a
 * thicker outline, named in the legend), RTO markers of the impacted processes. The chart is one
 * tab stop: arrow keys (Home / End) move between tasks; hovering or focusing a task shows its
 * details below the chart (a live region). A table of the same tasks is the text alternative.
 */
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { formatMinutes, ganttLayout, nextRow } from './simulator-logic';
import type { SimPlan } from './simulator-logic';

export function Gantt({
  plan,
  nameOf,
  rtos,
}: {
  readonly plan: SimPlan;
  readonly nameOf: (id: string) => string;
  readonly rtos: readonly { readonly process: string; readonly rto: number }[];
}) {
  const { t, lang } = useI18n();
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
  const layout = useMemo(
    () => ganttLayout(plan.tasks, plan.criticalPath, { width: 960, labelWidth: 230, rtos }),
    [plan, rtos],
  );
  if (layout.rows.length === 0) return <p className="muted">{t('continuitySim.gantt.empty')}</p>;
  const current = active === null ? null : (layout.rows[active] ?? null);
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const next = nextRow(active ?? -1, event.key, layout.rows.length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
  };
  const teamName = (task: { team: number; teamId?: string }): string =>
    task.teamId ?? t('continuitySim.gantt.teamN', { n: task.team });
  const describe = (row: (typeof layout.rows)[number]): string =>
    t('continuitySim.gantt.task', {
      asset: nameOf(row.task.asset),
      team: teamName(row.task),
      start: formatMinutes(row.task.start, lang),
      end: formatMinutes(row.task.end, lang),
      duration: formatMinutes(row.task.duration, lang),
    }) + (row.critical ? ` ${t('continuitySim.gantt.onCritical')}` : '');

  return (
    <figure className="sim-gantt">
      <div className="sim-gantt-scroll">
        <svg
          ref={svgRef}
          className={focused ? 'sim-gantt-svg focused' : 'sim-gantt-svg'}
          viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
          width={layout.width}
          height={layout.height}
          role="listbox"
          tabIndex={0}
          aria-label={t('continuitySim.gantt.label', {
            n: layout.rows.length,
            makespan: formatMinutes(plan.makespan, lang),
          })}
          aria-activedescendant={active === null ? undefined : `sim-gantt-row-${String(active)}`}
          onKeyDown={onKey}
          onFocus={() => {
            setFocused(true);
            if (active === null) setActive(0);
          }}
          onBlur={() => {
            setFocused(false);
          }}
          onMouseLeave={() => {
            if (!focused) setActive(null);
          }}
        >
          <defs>
            <clipPath id="sim-gantt-labels">
              <rect x={0} y={0} width={layout.labelWidth - 8} height={layout.height} />
            </clipPath>
          </defs>
          {layout.ticks.map((tick) => (
            <g key={tick.minutes} className="sim-gantt-tick" aria-hidden="true">
              <line x1={tick.x} x2={tick.x} y1={layout.top - 6} y2={layout.height - 8} />
              <text x={tick.x} y={layout.top - 10} textAnchor="middle">
                {formatMinutes(tick.minutes, lang)}
              </text>
            </g>
          ))}
          {layout.markers.map((marker) => (
            <g key={marker.process} className="sim-gantt-rto" aria-hidden="true">
              <line x1={marker.x} x2={marker.x} y1={layout.top} y2={layout.height - 8} />
              <title>
                {t('continuitySim.gantt.rtoMarker', {
                  process: nameOf(marker.process),
                  rto: formatMinutes(marker.rto, lang),
                })}
              </title>
            </g>
          ))}
          {layout.rows.map((row, i) => (
            <g
              key={row.task.asset}
              id={`sim-gantt-row-${String(i)}`}
              role="option"
              aria-selected={active === i}
              aria-label={describe(row)}
              className={[
                'sim-gantt-row',
                row.critical ? 'critical' : '',
                active === i ? 'active' : '',
              ].join(' ')}
              onMouseEnter={() => {
                setActive(i);
              }}
              onClick={() => {
                setActive(i);
                svgRef.current?.focus();
              }}
            >
              <rect
                className="sim-gantt-band"
                x={0}
                y={row.y}
                width={layout.width}
                height={layout.rowHeight}
              />
              <text
                x={8}
                y={row.y + layout.rowHeight / 2 + 4}
                className="sim-gantt-label"
                clipPath="url(#sim-gantt-labels)"
              >
                {nameOf(row.task.asset)}
              </text>
              <rect
                className="sim-gantt-bar"
                x={row.x}
                y={row.y + 5}
                width={row.width}
                height={layout.rowHeight - 10}
                rx={3}
              />
            </g>
          ))}
        </svg>
      </div>
      <p className="sim-gantt-detail" aria-live="polite">
        {current === null ? t('continuitySim.gantt.hint') : describe(current)}
      </p>
      <figcaption className="sim-gantt-legend">
        <span>
          <span className="sim-swatch critical" aria-hidden="true" />{' '}
          {t('continuitySim.gantt.legendCritical')}
        </span>
        <span>
          <span className="sim-swatch" aria-hidden="true" /> {t('continuitySim.gantt.legendTask')}
        </span>
        <span>
          <span className="sim-swatch rto" aria-hidden="true" />{' '}
          {t('continuitySim.gantt.legendRto')}
        </span>
      </figcaption>
    </figure>
  );
}
