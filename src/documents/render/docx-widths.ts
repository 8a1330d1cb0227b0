/**
 * Column widths of DOCX tables. Tables have a fixed layout (fast to open, same in Word and
 * LibreOffice), so widths are decided here: shared in proportion to each column's `width`, but
 * no column narrower than its longest word (a header such as "Authentification" in a narrow
 * column would otherwise break inside the word). Words are measured with DejaVu Sans advance
 * widths. Pure.
 */
import type { Inlines, TableColumn } from '../model.js';

/** Advance widths of DejaVu Sans for U+0020…U+007E, in hundredths of an em, base 36 (2 digits each). */
const ASCII_WIDTHS =
  '0w141a2c1s2n260r13131e2c0w100w0y1s1s1s1s1s1s1s1s1s1s0y0y2c2c2c1h2s1w1x1y251r1m25230t0t1u1k2e23271o271x1r1p211w2r1x1p1x130y132c1e1e1p1r1j1r1q0z1r1r0s0s1m0s2p1r1p1r1r151g131r1n2a1n1n1g1s0y1s2c';
const EM: readonly number[] = Array.from(
  { length: 95 },
  (_, i) => parseInt(ASCII_WIDTHS.slice(i * 2, i * 2 + 2), 36) / 100,
);
const OTHER_EM = 0.62;
const MONO_EM = 0.602;
const BOLD = 1.12;

/** Width of a word in twips at `size` points. */
function wordTwips(word: string, size: number, bold: boolean, mono: boolean): number {
  let em = 0;
  for (const char of word) {
    const code = char.charCodeAt(0);
    em += mono ? MONO_EM : code >= 32 && code < 127 ? (EM[code - 32] ?? OTHER_EM) : OTHER_EM;
  }
  return em * size * 20 * (bold && !mono ? BOLD : 1);
}

/** Where a line may break: spaces, and after hyphens and dashes. */
const BREAKS = /\s+|(?<=[-‐–—/])/u;

function longestWord(text: string, size: number, bold: boolean, mono: boolean): number {
  let longest = 0;
  for (const word of text.split(BREAKS)) {
    if (word.length > 0) longest = Math.max(longest, wordTwips(word, size, bold, mono));
  }
  return longest;
}

function cellMinimum(cell: Inlines, size: number, bold: boolean): number {
  let longest = 0;
  for (const i of cell) {
    if (typeof i === 'string') longest = Math.max(longest, longestWord(i, size, bold, false));
    else {
      const strong = bold || (i.kind === 'text' && i.bold === true);
      const mono = i.kind === 'text' && i.code === true;
      longest = Math.max(longest, longestWord(i.text, size, strong, mono));
    }
  }
  return longest;
}

export interface WidthOptions {
  /** Text width available (twips). */
  readonly total: number;
  /** Type size of body cells and header (points). */
  readonly size: number;
  /** Left + right cell margins and a little slack (twips). */
  readonly padding: number;
  /** Rows measured (the first ones; enough to know a column's words). */
  readonly sample?: number;
}

/** No column claims more than this share of the width for its longest word (long URLs wrap). */
const MAX_MINIMUM_SHARE = 0.3;

export interface ColumnLayout {
  /** Twips, summing to the total width. */
  readonly widths: number[];
  /** Whether every column is as wide as its longest word (else all were narrowed alike). */
  readonly fits: boolean;
}

/** Column widths for a table of this width. */
export function columnWidths(
  columns: readonly TableColumn[],
  rows: readonly (readonly Inlines[])[],
  options: WidthOptions,
): ColumnLayout {
  const { total, size, padding } = options;
  const weights = columns.map((c) =>
    c.width !== undefined && Number.isFinite(c.width) && c.width > 0 ? c.width : 1,
  );
  const minimums = columns.map((c) => longestWord(c.title, size, true, false));
  const sample = Math.min(rows.length, options.sample ?? 5000);
  for (let r = 0; r < sample; r++) {
    const row = rows[r] ?? [];
    for (let i = 0; i < columns.length; i++) {
      minimums[i] = Math.max(minimums[i] ?? 0, cellMinimum(row[i] ?? [], size, false));
    }
  }
  const mins = minimums.map((m) => Math.min(Math.ceil(m + padding), total * MAX_MINIMUM_SHARE));
  return {
    widths: integral(distribute(weights, mins, total), total),
    fits: mins.reduce((a, b) => a + b, 0) <= total,
  };
}

/** Shares in proportion to the weights, raising columns below their minimum to it. */
function distribute(weights: readonly number[], mins: readonly number[], total: number): number[] {
  const sumMins = mins.reduce((a, b) => a + b, 0);
  if (sumMins >= total) return mins.map((m) => (m / sumMins) * total);
  const fixed = weights.map(() => false);
  // Each pass fixes at least one more column at its minimum, or ends.
  for (let pass = 0; pass <= weights.length; pass++) {
    let free = total;
    let weight = 0;
    weights.forEach((w, i) => {
      if (fixed[i] === true) free -= mins[i] ?? 0;
      else weight += w;
    });
    const shares = weights.map((w, i) =>
      fixed[i] === true ? (mins[i] ?? 0) : (w / weight) * free,
    );
    const short = shares.findIndex((share, i) => fixed[i] !== true && share < (mins[i] ?? 0));
    if (short === -1) return shares;
    shares.forEach((share, i) => {
      if (share < (mins[i] ?? 0)) fixed[i] = true;
    });
  }
  return mins.map((m) => m);
}

/** Whole twips summing exactly to `total` (the rounding rest goes to the widest column). */
function integral(widths: readonly number[], total: number): number[] {
  const out = widths.map((w) => Math.floor(w));
  const rest = total - out.reduce((a, b) => a + b, 0);
  const widest = out.indexOf(Math.max(...out));
  if (widest >= 0) out[widest] = (out[widest] ?? 0) + rest;
  return out;
}
