import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { svgToPng } from '../src/presentation/raster.js';
import { vigie } from './support/cli.js';

const demo = 'examples/forges-de-l-est';
const scratch = mkdtempSync(join(tmpdir(), 'vigie-diagram-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const ids = (svg: string, kind: string): string[] =>
  [...svg.matchAll(new RegExp(`data-kind="${kind}" data-id="([^"]+)"`, 'g'))].map(
    (m) => m[1] ?? '',
  );

describe('vigie diagram', () => {
  it('prints the zones diagram as SVG by default', async () => {
    const out = await vigie(['diagram', demo]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out.stdout.trimEnd().endsWith('</svg>')).toBe(true);
    expect(ids(out.stdout, 'asset')).toContain('srv-erp');
    expect(out.stdout).toContain('>Zones, assets and flows<');
    // resvg parses it (it rejects malformed XML)
    expect(svgToPng(out.stdout, { width: 300 }).length).toBeGreaterThan(1000);
  });

  it('draws a site, a zone or a process, in the language asked for', async () => {
    const site = await vigie(['diagram', demo, '--view', 'site:site-nancy', '--lang', 'fr']);
    expect(site.code).toBe(0);
    expect(ids(site.stdout, 'zone')).toContain('lan-siege');
    expect(ids(site.stdout, 'zone')).not.toContain('ot-usine');
    expect(site.stdout).toContain('>Hors du site<');
    const zone = await vigie(['diagram', demo, '--view', 'zone:ot-usine']);
    expect(ids(zone.stdout, 'zone').sort()).toEqual(['ot-cellules', 'ot-supervision', 'ot-usine']);
    const process = await vigie(['diagram', demo, '--view', 'process:proc-paie']);
    expect(process.code).toBe(0);
    expect(process.stdout).toMatch(/>Data flows of process [^<]*\(RTO [^<]*\)</);
  });

  it('draws zones alone above --max-assets', async () => {
    const out = await vigie(['diagram', demo, '--max-assets', '20']);
    expect(out.code).toBe(0);
    expect(ids(out.stdout, 'asset')).toEqual([]);
    expect(out.stdout).toContain('>Zones and flows between zones<');
    const bad = await vigie(['diagram', demo, '--max-assets', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-assets expects a whole number');
  });

  it('writes SVG or PNG files', async () => {
    const svgFile = join(scratch, 'zones.svg');
    const svg = await vigie(['diagram', demo, '--view', 'site:site-pompey', '-o', svgFile]);
    expect(svg.code).toBe(0);
    expect(svg.stdout).toBe('');
    expect(svg.stderr).toContain(`${svgFile} written`);
    expect(readFileSync(svgFile, 'utf8')).toContain('data-id="srv-mes"');
    const pngFile = join(scratch, 'zones.PNG');
    const png = await vigie(['diagram', demo, '--view', 'zone:dmz-siege', '-o', pngFile]);
    expect(png.code).toBe(0);
    expect(readFileSync(pngFile).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it('refuses an unknown view, an unknown id, a bad output name', async () => {
    const view = await vigie(['diagram', demo, '--view', 'network']);
    expect(view.code).toBe(2);
    expect(view.stderr).toContain('unknown view "network"');
    const empty = await vigie(['diagram', demo, '--view', 'site:']);
    expect(empty.code).toBe(2);
    const id = await vigie(['diagram', demo, '--view', 'process:nope']);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('no process with id "nope" in the model.');
    const idFr = await vigie(['diagram', demo, '--view', 'site:nope', '--lang', 'fr']);
    expect(idFr.stderr).toContain('aucun élément « site » d’id « nope »');
    const output = await vigie(['diagram', demo, '-o', join(scratch, 'zones.pdf')]);
    expect(output.code).toBe(2);
    expect(output.stderr).toContain('must end in .svg or .png');
    const date = await vigie(['diagram', demo, '--today', '28/11/2026']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('is not a date');
  });

  it('refuses an invalid model with its diagnostics', async () => {
    const dir = join(scratch, 'invalid');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'model.yaml'),
      'organisation: { name: X }\nassets:\n  - { id: a, kind: server, zone: nowhere }\n',
    );
    const out = await vigie(['diagram', dir]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/model\.yaml:3:\d+ error unknown-reference/);
  });
});
