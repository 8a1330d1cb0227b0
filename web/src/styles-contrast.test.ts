/**
 * WCAG contrast of the colour pairs the stylesheets declare: every badge and notice (text,
 * 4.5:1) and the focus rings (non-text, 3:1). Reads the CSS itself, so a colour change that
 * breaks contrast fails here.
 */
import { describe, expect, it } from 'vitest';

// Vitest empties CSS imports (even `?raw`), and the web tsconfig has no Node types: load `fs`
// through a dynamic import with a minimal type.
interface FileSystem {
  readFileSync(path: URL, encoding: 'utf8'): string;
}
const FS_MODULE = 'node:fs';
const fs = (await import(/* @vite-ignore */ FS_MODULE)) as FileSystem;
const read = (path: string): string => fs.readFileSync(new URL(path, import.meta.url), 'utf8');
const styles = read('./styles.css');
const css = [styles, read('./pages/documents/documents.css'), read('./pages/audit/audit.css')].join(
  '\n',
);

function variables(): Map<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(styles)?.[1] ?? '';
  return new Map(
    [...root.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]),
  );
}

const VARS = variables();

/** The declarations of a rule whose selector list is exactly `selector`. */
function rule(selector: string): Map<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\})\\s*${escaped}\\s*\\{([^}]*)\\}`, 'm').exec(css);
  if (match === null) throw new Error(`no rule ${selector}`);
  const body = match[1] ?? '';
  return new Map(
    [...body.matchAll(/([\w-]+):\s*([^;]+);/g)].map((m) => [
      m[1] ?? '',
      resolve((m[2] ?? '').trim()),
    ]),
  );
}

function resolve(value: string): string {
  const v = /^var\((--[\w-]+)\)$/.exec(value);
  const next = v === null ? undefined : VARS.get(v[1] ?? '');
  return next === undefined ? value : resolve(next);
}

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.replace(/./g, '$&$&') : h;
  const [r = 0, g = 0, b = 0] = [0, 2, 4]
    .map((i) => parseInt(full.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const BADGES = [
  '.badge-critical',
  '.badge-high',
  '.badge-medium',
  '.badge-low',
  '.badge-none',
  '.badge-version',
  '.status-open',
  '.status-accepted',
  '.status-mitigated',
  '.status-false-positive',
  '.doc-status-queued',
  '.doc-status-running',
  '.doc-status-done',
  '.doc-status-failed',
  '.notice',
];

describe('colour contrast', () => {
  it('reads the stylesheets', () => {
    expect(VARS.get('--text')).toMatch(/^#/);
  });

  it('computes the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(BADGES)('%s text is at least 4.5:1 on its background', (selector) => {
    const decl = rule(selector);
    const color = decl.get('color') ?? resolve('var(--text)');
    const background = decl.get('background') ?? '';
    expect(background, selector).toMatch(/^#[0-9a-f]{3,6}$/i);
    expect(contrast(color, background), selector).toBeGreaterThanOrEqual(4.5);
  });

  it('focus rings are at least 3:1 against the surfaces they are drawn on', () => {
    const light = resolve('var(--focus)');
    for (const surface of ['var(--bg)', 'var(--surface)', '#e3edf8', '#eef2f6']) {
      expect(contrast(light, resolve(surface)), surface).toBeGreaterThanOrEqual(3);
    }
    const dark = resolve('var(--focus-on-dark)');
    expect(contrast(dark, rule('.topbar').get('background') ?? '')).toBeGreaterThanOrEqual(3);
  });
});
