/**
 * How diagrams look: sizes (px, chosen so that a diagram scaled to an A4 text width keeps its
 * text readable), colours (severity, trust, OT, exposure) and line styles, in one place.
 */
import type { FindingSeverity } from '../design/findings.js';

export const FONT = {
  /** Box titles (asset names). */
  name: 11,
  /** Group titles (zones, sites). */
  group: 11.5,
  /** Second lines (kind, trust, counts). */
  detail: 9.5,
  /** Edge labels (protocol/port, counts). */
  edge: 9.5,
  legend: 9.5,
  heading: 13,
} as const;

/** Line height as a multiple of the font size. */
export const LINE = 1.25;

export const SPACING = {
  /** Inner padding of a leaf box. */
  box: 6,
  /** Inner padding of a group, around its children. */
  group: 10,
  /** Between sibling nodes (ELK `spacing.nodeNode`). */
  node: 14,
  /** Between layers (ELK `spacing.nodeNodeBetweenLayers`). */
  layer: 28,
  /** Between parallel edges. */
  edge: 8,
  /** Around the whole drawing. */
  margin: 12,
} as const;

export const BOX = {
  minWidth: 84,
  maxWidth: 150,
  /** Widest a group title may be before it is cut. */
  groupTitleMax: 300,
  radius: 4,
} as const;

export const COLOUR = {
  text: '#1a1a1a',
  muted: '#5a5a5a',
  boxStroke: '#5b6b7b',
  boxFill: '#ffffff',
  otFill: '#fff3dc',
  otStroke: '#a86400',
  exposed: '#7b1fa2',
  outsideFill: '#ececec',
  outsideStroke: '#8a8a8a',
  siteStroke: '#6d6d6d',
  labelBackground: '#ffffff',
  legendStroke: '#b0b0b0',
} as const;

/** Edge colours by the worst open finding concerning the flow or its endpoints. */
export const SEVERITY_COLOUR: Readonly<Record<FindingSeverity | 'none', string>> = {
  critical: '#c62828',
  high: '#c62828',
  medium: '#ef6c00',
  low: '#d4a600',
  none: '#7d7d7d',
};

/** Zone fills by trust level (unknown: neutral). */
export const TRUST_FILL: Readonly<Record<string, string>> = {
  untrusted: '#fbe4e2',
  low: '#fff0dc',
  medium: '#e8f0fa',
  high: '#e4f3e8',
  unknown: '#f3f3f3',
};

export const TRUST_STROKE: Readonly<Record<string, string>> = {
  untrusted: '#c0675f',
  low: '#c9924a',
  medium: '#6f8fb8',
  high: '#5f9b6e',
  unknown: '#9a9a9a',
};

/** Dash pattern of an unencrypted flow. */
export const DASH = '6 4';
