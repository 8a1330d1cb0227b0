/**
 * The interactive architecture diagram (`/diagram?view=`): the server's SVG, sanitised, in a
 * viewport that pans (drag, arrow keys) and zooms (wheel, buttons, + / − / 0) through a CSS
 * transform. Elements open their entity in the explorer (click, or Enter when focused); a list of
 * the elements shown is the text alternative.
 */
import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { ENTITY_KINDS } from '../../../../src/platform/api/types';
import type {
  ArchitectureDiagramResponse,
  EntityDetailResponse,
  EntityKind,
} from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link, useRouter } from '../../lib/router';
import { sanitizeSvg } from '../../lib/sanitize-svg';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { entityPath, withQuery } from '../explorer/links';
import { TARGET_SELECTOR, attributesOf, readElements } from './svg-elements';
import { collectTargets, explorerKind, flowIds, targetOf } from './targets';
import { pathPoints, shouldCollapse, summaryFontSize, zoneSummaries } from './collapse';
import type { Box, Piece, ZoneSummary } from './collapse';
import { download, exportName, exportSvgText, svgToPng } from './export';
import { boxKey, highlightOf, viewFor } from './highlight';
import type { Highlight } from './highlight';
import { Legend } from './Legend';
import type { DiagramTarget, ListedTarget } from './targets';
import {
  PAN_STEP,
  ZOOM_STEP,
  clampView,
  fitView,
  fitWidth,
  panBy,
  revealShift,
  transformCss,
  wheelFactor,
  zoomAt,
} from './transform';
import type { Size, View } from './transform';
import './diagram.css';

/** Pixels a press must move before it becomes a drag (and no longer a click). */
const DRAG_THRESHOLD = 4;

export default function DiagramPage() {
  const { t, lang } = useI18n();
  const { workspace, version, href } = useWorkspace();
  const { location, navigate } = useRouter();
  const view = location.search.get('view') ?? '';
  const focus = location.search.get('focus') ?? '';
  const show = parseShow(location.search.get('show') ?? '');
  const shown = useApi<EntityDetailResponse>(
    version === null || show === null
      ? null
      : wsPath(
          workspace.id,
          `/versions/${String(version)}/entities/${show.kind}/${encodeURIComponent(show.id)}${query({ lang })}`,
        ),
  );
  const highlight = useMemo(
    () => (shown.data === null || show === null ? null : highlightOf(shown.data)),
    [shown.data, show],
  );
  const { data, error, loading, reload } = useApi<ArchitectureDiagramResponse>(
    version === null
      ? null
      : wsPath(workspace.id, `/versions/${String(version)}/diagram${query({ view, lang })}`),
  );
  const clean = useMemo(() => (data === null ? '' : sanitizeSvg(data.svg)), [data]);
  const targets = useMemo(() => collectTargets(readElements(clean), ENTITY_KINDS), [clean]);
  const [status, setStatus] = useState('');

  const open = useCallback(
    (target: DiagramTarget) => {
      const path = entityPath(target.kind, target.id);
      if (path !== null) navigate(href(path));
    },
    [navigate, href],
  );
  const describe = useCallback(
    (element: Element | null) => {
      if (element === null) {
        setStatus('');
        return;
      }
      const attributes = attributesOf(element);
      const target = targetOf(attributes);
      if (target === null) setStatus('');
      else if (target.kind === 'flows' && attributes.id === null) {
        setStatus(t('diagram.hoverFlows', { ids: flowIds(attributes.flows).join(', ') }));
      } else setStatus(t('diagram.hover', { kind: t(`kind.${target.kind}`), id: target.id }));
    },
    [t],
  );

  const viewLabel = data?.views.find((v) => v.view === data.view)?.label ?? data?.view ?? '';
  const [matched, setMatched] = useState<number | null>(null);
  const rawShow = location.search.get('show') ?? '';

  return (
    <>
      <h1>{t('diagram.title')}</h1>
      <p className="muted">{t('diagram.intro')}</p>
      {version === null ? (
        <p className="empty">{t('app.noVersion')}</p>
      ) : (
        <>
          {data !== null && data.views.length > 0 ? (
            <div className="toolbar">
              <label>
                {t('diagram.view')}
                <select
                  value={data.view}
                  onChange={(event) => {
                    navigate(
                      withQuery(href('/diagram'), { view: event.target.value, show: rawShow }),
                    );
                  }}
                >
                  {data.views.some((v) => v.view === data.view) ? null : (
                    <option value={data.view}>{data.view}</option>
                  )}
                  {data.views.map((option) => (
                    <option key={option.view} value={option.view}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : null}
          {rawShow === '' ? null : (
            <ShowMessage
              valid={show !== null}
              detail={shown.data}
              failed={shown.error !== null}
              highlight={highlight}
              matched={matched}
              view={data?.view ?? ''}
            />
          )}
          {error !== null ? <ErrorMessage error={error} onRetry={reload} /> : null}
          {data === null ? (
            loading ? (
              <Loading />
            ) : null
          ) : clean === '' ? (
            <p className="error" role="alert">
              {t(data.svg.trim() === '' ? 'diagram.empty' : 'diagram.unsafe')}
            </p>
          ) : (
            <>
              <DiagramViewport
                key={clean}
                svg={clean}
                content={{ width: data.width, height: data.height }}
                focus={focus}
                highlight={highlight}
                exportAs={exportName(data.view)}
                label={t('diagram.viewport', { view: viewLabel })}
                onOpen={open}
                onDescribe={describe}
                onHighlighted={setMatched}
              />
              <p className="diagram-status muted" role="status" aria-live="polite">
                {status === '' ? t('diagram.idle') : status}
              </p>
              <Legend />
              <EntityList targets={targets} />
            </>
          )}
        </>
      )}
    </>
  );
}

const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);

/** `show=<kind>:<id>` (an explorer kind), else null. */

/**
 * The text lines a diagram box shows (a summarised zone: its summary), for its accessible name,
 * which must begin with the visible text (label in name). The lines get a space between them in
 * the DOM too, so that they do not read as one word.
 */
function visibleLines(element: Element): string[] {
  const summary = element.classList.contains('diagram-summarised')
    ? element.querySelector(':scope > text.diagram-summary')
    : null;
  const lines =
    summary === null
      ? [...element.querySelectorAll(':scope > text:not(.diagram-summary)')]
      : [...summary.querySelectorAll('tspan')];
  for (const line of lines.slice(1)) {
    if (line.previousSibling?.nodeType !== Node.TEXT_NODE) {
      line.before(document.createTextNode(' '));
    }
  }
  return lines.map((line) => line.textContent.trim()).filter((text) => text !== '');
}
export function parseShow(value: string): { kind: EntityKind; id: string } | null {
  const colon = value.indexOf(':');
  if (colon <= 0) return null;
  const kind = value.slice(0, colon);
  const id = value.slice(colon + 1);
  return KINDS.has(kind) && id !== '' ? { kind: kind as EntityKind, id } : null;
}

/** What "show on diagram" found: how many elements are highlighted, or why none can be. */
function ShowMessage({
  valid,
  detail,
  failed,
  highlight,
  matched,
  view,
}: {
  readonly valid: boolean;
  readonly detail: EntityDetailResponse | null;
  readonly failed: boolean;
  readonly highlight: Highlight | null;
  readonly matched: number | null;
  readonly view: string;
}) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  const { location } = useRouter();
  const clear = withQuery(`${location.path}?${location.search.toString()}`, { show: '' });
  const clearLink = <Link to={clear}>{t('diagram.show.clear')}</Link>;
  if (!valid || failed) {
    return (
      <p className="diagram-show card" role="status">
        {t('diagram.show.unknown')} {clearLink}
      </p>
    );
  }
  if (detail === null || highlight === null) return null;
  const name = detail.name === '' ? detail.id : detail.name;
  const kind = t(`kind.${detail.kind}`);
  if (highlight.reason === 'no-placement') {
    return (
      <p className="diagram-show card" role="status">
        {t('diagram.show.noPlacement', { name, kind })} {clearLink}
      </p>
    );
  }
  if (matched === null) return null;
  if (matched === 0) {
    const better = viewFor(detail) ?? 'zones';
    return (
      <p className="diagram-show card" role="status">
        {t('diagram.show.notInView', { name, kind })}{' '}
        {better === view ? null : (
          <>
            <Link
              to={withQuery(href('/diagram'), {
                view: better,
                show: `${detail.kind}:${detail.id}`,
              })}
            >
              {t('diagram.show.otherView')}
            </Link>{' '}
          </>
        )}
        {clearLink}
      </p>
    );
  }
  return (
    <p className="diagram-show card" role="status">
      {t('diagram.show.shown', { name, kind, n: matched })} {clearLink}
    </p>
  );
}

function EntityList({ targets }: { readonly targets: readonly ListedTarget[] }) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  const groups = ENTITY_KINDS.map((kind) => ({
    kind,
    items: targets.filter((target) => target.kind === kind),
  })).filter((group) => group.items.length > 0);
  return (
    <details className="card diagram-entities">
      <summary>{t('diagram.entities', { count: targets.length })}</summary>
      {groups.length === 0 ? (
        <p className="empty">{t('diagram.noEntities')}</p>
      ) : (
        groups.map((group) => (
          <Fragment key={group.kind}>
            <h2>{t(`kind.${group.kind}`)}</h2>
            <ul>
              {group.items.map((item) => (
                <li key={item.id}>
                  <Link to={href(entityPath(item.kind, item.id) ?? '')}>{item.label}</Link>
                  {item.label === item.id ? null : <span className="muted mono"> {item.id}</span>}
                </li>
              ))}
            </ul>
          </Fragment>
        ))
      )}
    </details>
  );
}

interface Drag {
  readonly pointer: number;
  readonly startX: number;
  readonly startY: number;
  lastX: number;
  lastY: number;
  moved: boolean;
}

/** The drawing's boxes, edges and loose labels, for collapsing zones (see collapse.ts). */
function readLayout(root: SVGSVGElement): {
  readonly parent: Element | null;
  readonly elements: Element[];
  readonly boxes: Box[];
  readonly pieces: Piece[];
} {
  const parent = root.querySelector('[data-kind="zone"]')?.parentElement ?? null;
  const elements = parent === null ? [] : Array.from(parent.children);
  const boxes: Box[] = [];
  const pieces: Piece[] = [];
  const num = (element: Element | null | undefined, name: string): number =>
    Number(element?.getAttribute(name) ?? 'NaN');
  elements.forEach((element, index) => {
    const kind = element.getAttribute('data-kind');
    const rect = element.localName === 'rect' ? element : element.querySelector(':scope > rect');
    const path = element.querySelector('path[data-flows]');
    if (path !== null) {
      pieces.push({ index, points: pathPoints(path.getAttribute('d') ?? '') });
    } else if (rect !== null) {
      const box = {
        x: num(rect, 'x'),
        y: num(rect, 'y'),
        width: num(rect, 'width'),
        height: num(rect, 'height'),
      };
      if ([box.x, box.y, box.width, box.height].some((n) => Number.isNaN(n))) return;
      const id = element.getAttribute('data-id');
      if (kind !== null && id !== null) boxes.push({ kind, id, ...box });
      pieces.push({
        index,
        points: [
          { x: box.x, y: box.y },
          { x: box.x + box.width, y: box.y + box.height },
        ],
        ...(kind !== null && id !== null ? { box: { kind, id } } : {}),
      });
    } else if (element.localName === 'text') {
      pieces.push({ index, points: [{ x: num(element, 'x'), y: num(element, 'y') }] });
    }
  });
  return { parent, elements, boxes, pieces };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function DiagramViewport({
  svg,
  content,
  focus,
  highlight,
  exportAs,
  label,
  onOpen,
  onDescribe,
  onHighlighted,
}: {
  readonly svg: string;
  readonly content: Size;
  readonly focus: string;
  readonly highlight: Highlight | null;
  readonly exportAs: string;
  readonly label: string;
  readonly onOpen: (target: DiagramTarget) => void;
  readonly onDescribe: (element: Element | null) => void;
  readonly onHighlighted: (count: number | null) => void;
}) {
  const { t } = useI18n();
  const [summaries, setSummaries] = useState<readonly ZoneSummary[]>([]);
  const [exportError, setExportError] = useState(false);
  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 1 });
  const [dragging, setDragging] = useState(false);
  const { width, height } = content;

  const viewportSize = useCallback((): Size => {
    const element = viewport.current;
    return element === null
      ? { width: 0, height: 0 }
      : { width: element.clientWidth, height: element.clientHeight };
  }, []);
  const update = useCallback(
    (change: (view: View) => View) => {
      setView((current) => clampView(change(current), { width, height }, viewportSize()));
    },
    [width, height, viewportSize],
  );
  const fit = useCallback(() => {
    setView(fitView({ width, height }, viewportSize()));
  }, [width, height, viewportSize]);
  const zoomCentre = useCallback(
    (factor: number) => {
      const size = viewportSize();
      update((current) => zoomAt(current, factor, { x: size.width / 2, y: size.height / 2 }));
    },
    [update, viewportSize],
  );

  // Start as wide as the viewport (readable even when tall), before the first paint.
  useLayoutEffect(() => {
    setView(fitWidth({ width, height }, viewportSize()));
  }, [width, height, viewportSize]);

  // Make the entity boxes keyboard reachable and named; mark the focused entity.
  useEffect(() => {
    const root = canvas.current;
    if (root === null) return;
    // role=img would hide the focusable elements inside from assistive technologies.
    root.querySelector('svg')?.setAttribute('role', 'group');
    for (const element of root.querySelectorAll(TARGET_SELECTOR)) {
      const attributes = attributesOf(element);
      const target = targetOf(attributes);
      if (target === null) continue;
      element.classList.add('diagram-link');
      if (attributes.id === null) continue;
      const name = visibleLines(element).join(' ');
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'link');
      element.setAttribute(
        'aria-label',
        t('diagram.elementLabel', {
          kind: t(`kind.${target.kind}`),
          name: name === '' ? target.id : name,
        }),
      );
      element.classList.toggle('diagram-focus', focus !== '' && attributes.id === focus);
    }
  }, [svg, focus, t]);

  // Zones collapse to summaries when zoomed out (collapse.ts): mark what each one hides.
  useEffect(() => {
    const root = canvas.current?.querySelector('svg');
    if (root === null || root === undefined) return;
    const layout = readLayout(root);
    const found = zoneSummaries(layout.boxes, layout.pieces);
    for (const summary of found) {
      for (const index of summary.hidden) {
        layout.elements[index]?.setAttribute('data-collapsible', summary.id);
      }
    }
    setSummaries(found);
  }, [svg]);

  const collapsed = shouldCollapse(view.scale) && summaries.length > 0;
  useEffect(() => {
    const root = canvas.current?.querySelector('svg');
    if (root === null || root === undefined) return;
    for (const old of root.querySelectorAll('.diagram-summary')) old.remove();
    for (const zone of root.querySelectorAll('.diagram-summarised')) {
      zone.classList.remove('diagram-summarised');
    }
    // A summarised zone shows its summary only: its name follows (label in name).
    const relabel = () => {
      for (const zone of root.querySelectorAll('[data-kind="zone"][aria-label]')) {
        const id = zone.getAttribute('data-id') ?? '';
        const visible = visibleLines(zone).join(' ');
        zone.setAttribute(
          'aria-label',
          t('diagram.elementLabel', { kind: t('kind.zones'), name: visible === '' ? id : visible }),
        );
      }
    };
    if (!collapsed) {
      relabel();
      return;
    }
    for (const summary of summaries) {
      const zone = root.querySelector(`[data-kind="zone"][data-id="${CSS.escape(summary.id)}"]`);
      if (zone === null) continue;
      const name = zone.querySelector('text')?.textContent.trim() ?? summary.id;
      const lines = [name, t('diagram.summary', { assets: summary.assets, zones: summary.zones })];
      const size = summaryFontSize(summary.box, view.scale, lines);
      const text = document.createElementNS(SVG_NS, 'text');
      text.setAttribute('class', 'diagram-summary');
      text.setAttribute('font-size', String(size));
      lines.forEach((line, i) => {
        const span = document.createElementNS(SVG_NS, 'tspan');
        span.setAttribute('x', String(summary.box.x + 6));
        span.setAttribute('y', String(summary.box.y + 4 + size * (1.05 + i * 1.3)));
        if (i === 0) span.setAttribute('font-weight', 'bold');
        span.textContent = line;
        text.append(span);
      });
      zone.append(text);
      zone.classList.add('diagram-summarised');
    }
    relabel();
  }, [collapsed, summaries, view.scale, t]);

  // "Show on diagram": mark the boxes and flows the entity concerns, and the collapsed zones
  // holding some of them.
  useEffect(() => {
    const root = canvas.current;
    if (root === null) return;
    for (const name of [
      'diagram-highlight',
      'diagram-highlight-flow',
      'diagram-highlight-within',
    ]) {
      for (const element of root.querySelectorAll(`.${name}`)) element.classList.remove(name);
    }
    if (highlight === null) {
      onHighlighted(null);
      return;
    }
    let count = 0;
    const zones = new Set<string>();
    for (const element of root.querySelectorAll('[data-kind][data-id]')) {
      const kind = explorerKind(element.getAttribute('data-kind') ?? '');
      const id = element.getAttribute('data-id') ?? '';
      if (kind === null || !highlight.boxes.has(boxKey(kind, id))) continue;
      element.classList.add('diagram-highlight');
      count += 1;
      const inZone = element.getAttribute('data-collapsible');
      if (inZone !== null) zones.add(inZone);
    }
    for (const path of root.querySelectorAll('path[data-flows]')) {
      if (!flowIds(path.getAttribute('data-flows')).some((id) => highlight.flows.has(id))) continue;
      const edge = path.parentElement ?? path;
      edge.classList.add('diagram-highlight-flow');
      count += 1;
      const inZone = edge.getAttribute('data-collapsible');
      if (inZone !== null) zones.add(inZone);
    }
    for (const id of zones) {
      root
        .querySelector(`[data-kind="zone"][data-id="${CSS.escape(id)}"]`)
        ?.classList.add('diagram-highlight-within');
    }
    onHighlighted(count);
  }, [svg, highlight, summaries, onHighlighted]);

  const exportSvg = () => {
    const root = canvas.current?.querySelector('svg');
    if (root === null || root === undefined) return;
    const text = exportSvgText(root);
    setExportError(text === '');
    if (text !== '') download(new Blob([text], { type: 'image/svg+xml' }), `${exportAs}.svg`);
  };
  const exportPng = () => {
    const root = canvas.current?.querySelector('svg');
    if (root === null || root === undefined) return;
    const text = exportSvgText(root);
    svgToPng(text, { width, height }).then(
      (blob) => {
        setExportError(false);
        download(blob, `${exportAs}.png`);
      },
      () => {
        setExportError(true);
      },
    );
  };

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      const at = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      update((current) => zoomAt(current, wheelFactor(delta), at));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('wheel', onWheel);
    };
  }, [update]);

  const targetElement = (node: EventTarget | null): Element | null => {
    if (!(node instanceof Element) || canvas.current === null) return null;
    const element = node.closest(TARGET_SELECTOR);
    return element !== null && canvas.current.contains(element) ? element : null;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    suppressClick.current = false;
    if (event.button !== 0) return;
    drag.current = {
      pointer: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      lastX: event.clientX,
      lastY: event.clientY,
      moved: false,
    };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current?.pointer !== event.pointerId) return;
    if (!current.moved) {
      const distance = Math.hypot(event.clientX - current.startX, event.clientY - current.startY);
      if (distance < DRAG_THRESHOLD) return;
      current.moved = true;
      setDragging(true);
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    const dx = event.clientX - current.lastX;
    const dy = event.clientY - current.lastY;
    current.lastX = event.clientX;
    current.lastY = event.clientY;
    update((view) => panBy(view, dx, dy));
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current?.pointer !== event.pointerId) return;
    suppressClick.current = current.moved;
    drag.current = null;
    setDragging(false);
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
  };

  const openElement = (element: Element | null): boolean => {
    if (element === null) return false;
    const target = targetOf(attributesOf(element));
    if (target === null) return false;
    onOpen(target);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Readonly<Record<string, readonly [number, number]>> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const move = moves[event.key];
    if (move !== undefined) {
      update((view) => panBy(view, move[0], move[1]));
    } else if (event.key === '+' || event.key === '=') {
      zoomCentre(ZOOM_STEP);
    } else if (event.key === '-' || event.key === '_') {
      zoomCentre(1 / ZOOM_STEP);
    } else if (event.key === '0') {
      fit();
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (!openElement(targetElement(event.target))) return;
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <>
      <div className="toolbar diagram-controls">
        <button
          type="button"
          aria-label={t('diagram.zoomOut')}
          title={t('diagram.zoomOut')}
          onClick={() => {
            zoomCentre(1 / ZOOM_STEP);
          }}
        >
          −
        </button>
        <button
          type="button"
          aria-label={t('diagram.zoomIn')}
          title={t('diagram.zoomIn')}
          onClick={() => {
            zoomCentre(ZOOM_STEP);
          }}
        >
          +
        </button>
        <button type="button" onClick={fit}>
          {t('diagram.reset')}
        </button>
        <span className="muted">
          {t('diagram.zoomLevel', { percent: Math.round(view.scale * 100) })}
          {collapsed ? ` · ${t('diagram.collapsed')}` : ''}
        </span>
        <span className="diagram-export">
          <button type="button" onClick={exportSvg}>
            {t('diagram.export.svg')}
          </button>
          <button type="button" onClick={exportPng}>
            {t('diagram.export.png')}
          </button>
        </span>
      </div>
      {exportError ? (
        <p className="error" role="alert">
          {t('diagram.export.failed')}
        </p>
      ) : null}
      <p id="diagram-help" className="muted">
        {t('diagram.help')}
      </p>
      <div
        ref={viewport}
        className={dragging ? 'diagram-viewport dragging' : 'diagram-viewport'}
        role="group"
        aria-label={label}
        aria-describedby="diagram-help"
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onPointerOver={(event) => {
          onDescribe(targetElement(event.target));
        }}
        onPointerLeave={() => {
          onDescribe(null);
        }}
        onFocus={(event) => {
          const element = targetElement(event.target);
          onDescribe(element);
          const frame = viewport.current;
          // Pointer focus (a click or a drag) must not move the diagram; keyboard focus does.
          if (element === null || frame === null || drag.current !== null) return;
          // Focus may scroll the clipped viewport: undo it and pan instead.
          frame.scrollLeft = 0;
          frame.scrollTop = 0;
          const shift = revealShift(element.getBoundingClientRect(), frame.getBoundingClientRect());
          if (shift.x !== 0 || shift.y !== 0) update((current) => panBy(current, shift.x, shift.y));
        }}
        onClick={(event) => {
          if (suppressClick.current) {
            suppressClick.current = false;
            return;
          }
          openElement(targetElement(event.target));
        }}
        onKeyDown={onKeyDown}
      >
        <div
          ref={canvas}
          className={collapsed ? 'diagram-canvas collapsed' : 'diagram-canvas'}
          style={{ width, height, transform: transformCss(view) }}
          // The server's SVG, sanitised (sanitizeSvg) before it gets here.
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </div>
    </>
  );
}
