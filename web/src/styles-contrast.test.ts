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

type Vars = ReadonlyMap<string, string>;

function declarations(body: string): Map<string, string> {
  return new Map(
    [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]),
  );
}

/** The light theme: the variables of `:root`. */
const LIGHT: Vars = declarations(/:root\s*\{([^}]*)\}/.exec(styles)?.[1] ?? '');
/** The dark theme chosen by the user (`<html data-theme="dark">`) over the light one. */
const DARK_CHOSEN = declarations(
  /:root\[data-theme='dark'\]\s*\{([^}]*)\}/.exec(styles)?.[1] ?? '',
);
/** The dark theme from the system setting (prefers-color-scheme). */
const DARK_SYSTEM = declarations(
  /@media \(prefers-color-scheme: dark\)\s*\{\s*:root:not\(\[data-theme='light'\]\)\s*\{([^}]*)\}/.exec(
    styles,
  )?.[1] ?? '',
);
const DARK: Vars = new Map([...LIGHT, ...DARK_CHOSEN]);
const THEMES: readonly (readonly [string, Vars])[] = [
  ['light', LIGHT],
  ['dark', DARK],
];

/** The declarations of a rule whose selector list is exactly `selector`, resolved in `vars`. */
function rule(selector: string, vars: Vars = LIGHT): Map<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\})\\s*${escaped}\\s*\\{([^}]*)\\}`, 'm').exec(css);
  if (match === null) throw new Error(`no rule ${selector}`);
  const body = match[1] ?? '';
  return new Map(
    [...body.matchAll(/([\w-]+):\s*([^;]+);/g)].map((m) => [
      m[1] ?? '',
      resolve((m[2] ?? '').trim(), vars),
    ]),
  );
}

function resolve(value: string, vars: Vars = LIGHT): string {
  const v = /^var\((--[\w-]+)\)$/.exec(value);
  const next = v === null ? undefined : vars.get(v[1] ?? '');
  return next === undefined ? value : resolve(next, vars);
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

/** Text pairs (foreground, background) every theme must keep at 4.5:1. */
const TEXT_PAIRS: readonly (readonly [string, string])[] = [
  ['--text', '--bg'],
  ['--text', '--surface'],
  ['--muted', '--bg'],
  ['--muted', '--surface'],
  ['--accent', '--bg'],
  ['--accent', '--surface'],
  ['--accent', '--notice-bg'],
  ['--accent-text', '--accent'],
  ['--danger', '--surface'],
  ['--danger', '--error-bg'],
  ['--danger-text', '--danger'],
  ['--ok', '--surface'],
  ['--text', '--error-bg'],
  ['--text', '--success-bg'],
  ['--text', '--notice-bg'],
  ['--text', '--nav-current-bg'],
  ['--text', '--nav-hover-bg'],
  ['--text', '--table-head-bg'],
  ['--text', '--row-hover-bg'],
  ['--text', '--input-bg'],
  ['--text', '--diff-add-bg'],
  ['--text', '--diff-del-bg'],
  ['--text', '--surface-hover'],
  ['--topbar-text', '--topbar-bg'],
  ['--topbar-muted', '--topbar-bg'],
];

/** Non-text pairs (WCAG 1.4.11, 3:1): field borders and focus rings. */
const UI_PAIRS: readonly (readonly [string, string])[] = [
  ['--input-border', '--input-bg'],
  ['--input-border', '--surface'],
  ['--border-strong', '--surface'],
  ['--focus', '--bg'],
  ['--focus', '--surface'],
  ['--focus', '--nav-current-bg'],
  ['--focus', '--table-head-bg'],
  ['--focus-on-dark', '--topbar-bg'],
];

describe('colour contrast', () => {
  it('reads the stylesheets', () => {
    expect(LIGHT.get('--text')).toMatch(/^#/);
    expect(DARK_CHOSEN.get('--text')).toMatch(/^#/);
  });

  it('computes the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('the dark theme is the same whether the system or the user chose it', () => {
    expect(DARK_SYSTEM.size).toBeGreaterThan(10);
    expect([...DARK_SYSTEM]).toEqual([...DARK_CHOSEN]);
  });

  it('the dark theme redefines every colour of the light one', () => {
    const colours = [...LIGHT].filter(([, v]) => /^(#|rgba?\()/.test(v)).map(([k]) => k);
    expect(colours.filter((name) => !DARK_CHOSEN.has(name))).toEqual([]);
  });

  it('no colour is written outside the theme variables in styles.css', () => {
    const outside = styles
      .replace(/:root\s*\{[^}]*\}/, '')
      .replace(/:root\[data-theme='dark'\]\s*\{[^}]*\}/, '')
      .replace(/:root:not\(\[data-theme='light'\]\)\s*\{[^}]*\}/, '')
      .replace(/\/\*[\s\S]*?\*\//g, '');
    expect(outside.match(/#[0-9a-f]{3,8}\b|rgba?\(/gi) ?? []).toEqual([]);
  });

  describe.each(THEMES)('%s theme', (_name, vars) => {
    it.each(BADGES)('%s text is at least 4.5:1 on its background', (selector) => {
      const decl = rule(selector, vars);
      const color = decl.get('color') ?? resolve('var(--text)', vars);
      const background = decl.get('background') ?? '';
      expect(background, selector).toMatch(/^#[0-9a-f]{3,6}$/i);
      expect(contrast(color, background), selector).toBeGreaterThanOrEqual(4.5);
    });

    it.each(TEXT_PAIRS)('text %s on %s is at least 4.5:1', (fg, bg) => {
      expect(
        contrast(resolve(`var(${fg})`, vars), resolve(`var(${bg})`, vars)),
      ).toBeGreaterThanOrEqual(4.5);
    });

    it.each(UI_PAIRS)('%s against %s is at least 3:1', (fg, bg) => {
      expect(
        contrast(resolve(`var(${fg})`, vars), resolve(`var(${bg})`, vars)),
      ).toBeGreaterThanOrEqual(3);
    });

    it('the top bar draws its focus ring in --focus-on-dark', () => {
      const ring = resolve('var(--focus-on-dark)', vars);
      expect(contrast(ring, rule('.topbar', vars).get('background') ?? '')).toBeGreaterThanOrEqual(
        3,
      );
    });
  });
});
