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
import type { ArchitectureDiagramResponse } from '../../../../src/platform/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { query, wsPath } from '../../lib/api';
import { Link, useRouter } from '../../lib/router';
import { sanitizeSvg } from '../../lib/sanitize-svg';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../lib/workspace';
import { entityPath, withQuery } from '../explorer/links';
import { TARGET_SELECTOR, attributesOf, readElements } from './svg-elements';
import { collectTargets, flowIds, targetOf } from './targets';
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
                    navigate(withQuery(href('/diagram'), { view: event.target.value }));
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
                label={t('diagram.viewport', { view: viewLabel })}
                onOpen={open}
                onDescribe={describe}
              />
              <p className="diagram-status muted" role="status" aria-live="polite">
                {status === '' ? t('diagram.idle') : status}
              </p>
              <EntityList targets={targets} />
            </>
          )}
        </>
      )}
    </>
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

function DiagramViewport({
  svg,
  content,
  focus,
  label,
  onOpen,
  onDescribe,
}: {
  readonly svg: string;
  readonly content: Size;
  readonly focus: string;
  readonly label: string;
  readonly onOpen: (target: DiagramTarget) => void;
  readonly onDescribe: (element: Element | null) => void;
}) {
  const { t } = useI18n();
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
      const name = element.querySelector('text')?.textContent.trim() ?? '';
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
        </span>
      </div>
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
          className="diagram-canvas"
          style={{ width, height, transform: transformCss(view) }}
          // The server's SVG, sanitised (sanitizeSvg) before it gets here.
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </div>
    </>
  );
}
