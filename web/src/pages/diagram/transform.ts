/**
 * Pan and zoom of the diagram as pure math on a view `{ x, y, scale }`: the content point `p` is
 * drawn at `x + p * scale` in the viewport (CSS `translate(x, y) scale(scale)`, origin top left).
 */

export interface View {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 8;
/** Zoom factor of one button press or key press. */
export const ZOOM_STEP = 1.25;
/** Pixels moved by one arrow key press. */
export const PAN_STEP = 48;
/** Content kept visible when panning (pixels of the viewport). */
const KEEP_VISIBLE = 48;

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Zooms by `factor` keeping the viewport point `at` (e.g. the mouse) over the same content. */
export function zoomAt(
  view: View,
  factor: number,
  at: { readonly x: number; readonly y: number },
): View {
  const scale = clampScale(view.scale * factor);
  const ratio = scale / view.scale;
  return { x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio, scale };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Keeps at least a strip of the content inside the viewport, so it cannot be lost. */
export function clampView(view: View, content: Size, viewport: Size): View {
  const width = content.width * view.scale;
  const height = content.height * view.scale;
  const keepX = Math.min(KEEP_VISIBLE, width);
  const keepY = Math.min(KEEP_VISIBLE, height);
  const x = Math.min(viewport.width - keepX, Math.max(keepX - width, view.x));
  const y = Math.min(viewport.height - keepY, Math.max(keepY - height, view.y));
  return { x, y, scale: view.scale };
}

/** The whole content, centred, at most at its natural size. */
export function fitView(content: Size, viewport: Size): View {
  if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0) {
    return { x: 0, y: 0, scale: 1 };
  }
  const scale = clampScale(
    Math.min(1, viewport.width / content.width, viewport.height / content.height),
  );
  return {
    x: (viewport.width - content.width * scale) / 2,
    y: (viewport.height - content.height * scale) / 2,
    scale,
  };
}

/** The content as wide as the viewport (at most its natural size), from its top when taller. */
export function fitWidth(content: Size, viewport: Size): View {
  if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0) {
    return { x: 0, y: 0, scale: 1 };
  }
  const scale = clampScale(Math.min(1, viewport.width / content.width));
  const height = content.height * scale;
  return {
    x: (viewport.width - content.width * scale) / 2,
    y: height > viewport.height ? 0 : (viewport.height - height) / 2,
    scale,
  };
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Margin kept around an element brought into view. */
const REVEAL_MARGIN = 16;

/**
 * The pan that brings `box` into `area` (both in screen pixels): none when it is fully visible,
 * else it is centred, or its top-left corner shown when it is larger than the area.
 */
export function revealShift(box: Box, area: Box): { x: number; y: number } {
  const axis = (start: number, size: number, areaStart: number, areaSize: number): number => {
    if (start >= areaStart && start + size <= areaStart + areaSize) return 0;
    if (size + 2 * REVEAL_MARGIN > areaSize) return areaStart + REVEAL_MARGIN - start;
    return areaStart + areaSize / 2 - (start + size / 2);
  };
  return {
    x: axis(box.left, box.width, area.left, area.width),
    y: axis(box.top, box.height, area.top, area.height),
  };
}

/** Zoom factor of a wheel event (`deltaY` in pixels): smooth, one notch ≈ 10 %. */
export function wheelFactor(deltaY: number): number {
  const clamped = Math.max(-200, Math.min(200, deltaY));
  return Math.exp(-clamped * 0.001);
}

export function transformCss(view: View): string {
  return `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
}
