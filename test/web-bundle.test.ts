/**
 * The built web UI (dist/web, from `npm run build`): the JavaScript the browser must load before
 * the first page (the entry script and the chunks it imports statically) stays under 400 KB
 * gzipped (issue #5), heavy editors are lazy chunks, and nothing points outside the origin.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const WEB = join(import.meta.dirname, '..', 'dist', 'web');
const LIMIT_GZIP_BYTES = 400 * 1024;

/** Files reachable from `entry` through static `import … from "./x.js"` statements. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(WEB, 'assets', file), 'utf8');
    // static imports only: `import{a}from"./x.js"` / `import"./x.js"` (dynamic import() excluded)
    for (const match of code.matchAll(
      /(?<![.\w])import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([\w.-]+\.js)["']/g,
    )) {
      if (match[1] !== undefined) visit(match[1]);
    }
  };
  visit(entry);
  return [...seen];
}

describe('web UI bundle', () => {
  it('is built', () => {
    expect(existsSync(join(WEB, 'index.html')), 'run npm run build').toBe(true);
  });

  it('loads under 400 KB of gzipped JavaScript before the first page, editors lazily', () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const files = staticClosure(entry ?? '');
    const gzipped = files.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(WEB, 'assets', file)), { level: 9 }).length,
      0,
    );
    expect(gzipped).toBeLessThan(LIMIT_GZIP_BYTES);
    expect(gzipped).toBeGreaterThan(10 * 1024); // React is in there: the measure is real
    const initial = files.map((f) => readFileSync(join(WEB, 'assets', f), 'utf8')).join('\n');
    // CodeMirror (its `cm-editor` class is in its code) only in the lazy editor chunk
    expect(initial).not.toContain('cm-editor');
    const assets = readdirSync(join(WEB, 'assets'));
    const editor = assets.find((f) => /^EditorPage-[\w-]+\.js$/.test(f));
    expect(editor).toBeDefined();
    expect(readFileSync(join(WEB, 'assets', editor ?? ''), 'utf8')).toContain('cm-editor');
  });

  it('references nothing outside the origin', () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
