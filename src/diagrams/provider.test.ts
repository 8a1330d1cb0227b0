import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { demoInput } from '../../test/support/documents.js';
import { modelFrom } from '../../test/support/model.js';
import { BUILTIN_RULES } from '../design/rules/index.js';
import { hasDeclaredEncryption } from '../domain/model/index.js';
import { prepareDocumentInput } from '../presentation/input.js';
import { createTranslator } from '../i18n/index.js';
import { generateModel } from '../model/generate.js';
import { loadModel } from '../model/load.js';
import { createDiagramProvider } from './provider.js';
import { svgToPng } from '../presentation/raster.js';

/** A strict little XML checker: balanced tags, quoted attributes, known entities, one root. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let roots = 0;
  for (const match of xml.trim().matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray !== undefined) throw new Error(`stray < at ${String(match.index)}`);
    if (text !== undefined) {
      const bad = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(text);
      if (bad !== null) throw new Error(`bad entity near ${text.slice(0, 40)}`);
      if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root');
      continue;
    }
    if (name === undefined) continue;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${String(open)}>`);
    } else if (selfClosing !== '/') {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('><')}>`);
  if (roots !== 1) throw new Error(`${String(roots)} root elements`);
}

const dataIds = (svg: string, kind: string): string[] =>
  [...svg.matchAll(new RegExp(`data-kind="${kind}" data-id="([^"]+)"`, 'g'))].map(
    (m) => m[1] ?? '',
  );

describe('zones diagram of the demo', async () => {
  const input = demoInput('en');
  const provider = createDiagramProvider(input);
  const diagram = await provider.zones();

  it('is a well-formed standalone SVG that resvg renders', () => {
    assertWellFormed(diagram.svg);
    expect(diagram.svg).toContain(
      `viewBox="0 0 ${String(diagram.width)} ${String(diagram.height)}"`,
    );
    expect(diagram.svg).toContain('font-family="DejaVu Sans"');
    expect(diagram.svg).not.toMatch(/href=|url\(|<image|<script/);
    const png = svgToPng(diagram.svg, { width: 400 });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('draws every zone and every asset', () => {
    expect(dataIds(diagram.svg, 'zone').sort()).toEqual(input.model.zones.map((z) => z.id).sort());
    expect(dataIds(diagram.svg, 'asset').sort()).toEqual(
      input.model.assets.map((a) => a.id).sort(),
    );
    expect(diagram.svg).toContain('>Serveur MES<');
  });

  it('draws every flow, dashed exactly when it is not encrypted', () => {
    const drawn = new Map<string, boolean>();
    for (const [element = ''] of diagram.svg.matchAll(/<path [^>]*data-flows="[^>]*>/g)) {
      const flows = /data-flows="([^"]+)"/.exec(element)?.[1] ?? '';
      const dashed = /data-dashed="(true|false)"/.exec(element)?.[1];
      expect(element.includes('stroke-dasharray=')).toBe(dashed === 'true');
      for (const id of flows.split(' ')) drawn.set(id, dashed === 'true');
    }
    expect([...drawn.keys()].sort()).toEqual(input.model.flows.map((f) => f.id).sort());
    for (const flow of input.model.flows)
      expect(drawn.get(flow.id)).toBe(!hasDeclaredEncryption(flow));
    // the demo has both kinds
    expect([...drawn.values()]).toContain(true);
    expect([...drawn.values()]).toContain(false);
  });

  it('colours flows by their worst open finding and says what it shows', () => {
    expect(diagram.svg).toContain('stroke="#c62828"');
    expect(diagram.svg).toContain('stroke="#7d7d7d"');
    expect(diagram.title).toBe('Zones, assets and flows');
    expect(diagram.alt).toMatch(
      /^Zones, assets and flows\. 17 zones, 65 assets and 57 flows \(\d+ unencrypted/,
    );
    expect(diagram.svg).toContain('>Encrypted flow<');
  });

  it('is deterministic', async () => {
    const again = await createDiagramProvider(input).zones();
    expect(again.svg).toBe(diagram.svg);
  });
});

describe('views of a part of the demo', () => {
  const input = demoInput('fr');
  const provider = createDiagramProvider(input, { heading: true });

  it('restricts to a site, with what lies outside in a grey box', async () => {
    const site = await provider.zones({ siteId: 'site-pompey' });
    assertWellFormed(site.svg);
    const zones = dataIds(site.svg, 'zone');
    expect(zones).toContain('ot-cellules');
    expect(zones).not.toContain('lan-siege');
    expect(dataIds(site.svg, 'asset')).toContain('srv-mes');
    expect(dataIds(site.svg, 'asset')).not.toContain('srv-erp');
    expect(site.svg).toContain('data-kind="outside"');
    expect(site.svg).toContain('>Hors du site<');
    expect(site.title).toBe('Usine de Pompey : zones, actifs et flux');
    expect(site.svg).toContain('>Usine de Pompey : zones, actifs et flux<');
    expect(site.width).toBeLessThanOrEqual(1100);
  });

  it('restricts to a zone and its sub-zones', async () => {
    const zone = await provider.zones({ zoneId: 'ot-usine' });
    expect(dataIds(zone.svg, 'zone').sort()).toEqual(['ot-cellules', 'ot-supervision', 'ot-usine']);
    expect(zone.svg).toContain('>Hors de la zone<');
  });

  it('draws zones alone above maxAssets, flows counted per pair of zones', async () => {
    const zones = await provider.zones({ maxAssets: 10 });
    assertWellFormed(zones.svg);
    expect(dataIds(zones.svg, 'asset')).toEqual([]);
    expect(dataIds(zones.svg, 'zone')).toHaveLength(input.model.zones.length);
    expect(zones.svg).toMatch(/\d+ actifs/);
    expect(zones.title).toBe('Zones et flux entre zones');
    // every flow is still accounted for, in a link or inside a zone
    const counted = [...zones.svg.matchAll(/data-flows="([^"]+)"/g)].flatMap((m) =>
      (m[1] ?? '').split(' '),
    );
    expect(counted.length).toBeGreaterThan(0);
    expect(zones.svg).toContain('Étiquette : nombre de flux (dont en clair)');
  });

  it('draws a process with its supporting assets, its data and its objectives', async () => {
    const process = await provider.process('proc-production');
    assertWellFormed(process.svg);
    expect(process.title).toBe(
      'Flux de données du processus Production (forge, traitement thermique, usinage) (RTO 8h, RPO 1h)',
    );
    const assets = dataIds(process.svg, 'asset');
    for (const id of input.model.processes.find((p) => p.id === 'proc-production')?.assets ?? [])
      expect(assets).toContain(id);
    expect(assets).not.toContain('srv-paie');
    expect(process.alt).toMatch(/données : /);
    expect(process.svg).toContain('Dépend de : ');
  });

  it('draws an attack path from its source to its target, step by step', async () => {
    const path = input.attack?.paths.find((p) => p.steps.length >= 3);
    expect(path).toBeDefined();
    if (path === undefined) return;
    const drawing = await provider.attackPath(path);
    assertWellFormed(drawing.svg);
    expect(drawing.svg).toContain('data-kind="source"');
    expect(drawing.svg).toContain(`data-kind="target" data-id="${path.target}"`);
    for (const step of path.steps) expect(drawing.svg).toContain(`>${step.technique.id} `);
    expect(drawing.svg).toMatch(/p = \d,\d\d/);
    expect(drawing.alt).toContain(`en ${String(path.steps.length)} étapes`);
    expect(drawing.title.startsWith('Chemin d’attaque : ')).toBe(true);
  });

  it('rejects an unknown id', async () => {
    await expect(provider.zones({ siteId: 'nowhere' })).rejects.toThrow(/nowhere/);
    await expect(provider.process('nothing')).rejects.toThrow(/nothing/);
  });
});

describe('escaping', () => {
  it('keeps markup in model names as text', async () => {
    const loaded = modelFrom(`
organisation: { name: "Org <i>" }
zones:
  - { id: z1, name: "<script>alert(1)</script>", kind: server, trust: high }
  - { id: z2, name: "Users & <b>guests</b>", kind: user }
assets:
  - { id: a1, name: "<img src=x onerror=alert(1)>", kind: server, zone: z1 }
  - { id: a2, name: "PC \\"q\\" & 'x'", kind: workstation, zone: z2 }
flows:
  - { id: f1, from: a2, to: a1, protocol: https, port: 443, encryption: tls1.3 }
  - { id: f2, from: a2, to: a1, protocol: smb, port: 445 }
`);
    const input = prepareDocumentInput(loaded.graph, BUILTIN_RULES, {
      locale: 'en',
      today: '2026-11-28',
      k: 0,
    });
    const { svg } = await createDiagramProvider(input).zones();
    assertWellFormed(svg);
    expect(svg).not.toMatch(/<script|<img|<b>/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('Users &amp; &lt;b&gt;guests&lt;/b&gt;');
    expect(svg).toContain('>PC &quot;q&quot; &amp; &apos;x&apos;<');
    svgToPng(svg, { width: 200 });
  });
});

describe('a large model', () => {
  it('is drawn as zones with counts and links between zones, quickly', async () => {
    const files = generateModel({ assets: 2000, flows: 10_000, seed: 5 });
    const sources = Object.entries(files).map(([file, content]) => ({
      file,
      text: dump(content, { lineWidth: -1, noRefs: true }),
    }));
    const loaded = loadModel(sources, { t: createTranslator('en') });
    const input = prepareDocumentInput(loaded.graph, BUILTIN_RULES, {
      locale: 'en',
      today: '2026-11-28',
      k: 0,
    });
    const started = performance.now();
    const diagram = await createDiagramProvider(input).zones();
    const elapsed = performance.now() - started;
    assertWellFormed(diagram.svg);
    expect(dataIds(diagram.svg, 'asset')).toEqual([]);
    expect(dataIds(diagram.svg, 'zone')).toHaveLength(loaded.graph.model.zones.length);
    expect(dataIds(diagram.svg, 'site')).toEqual(['site-1', 'site-2']);
    expect(diagram.svg).toMatch(/>200 assets, \d+ internal flows</);
    expect(diagram.title).toBe('Zones and flows between zones');
    const links = [...diagram.svg.matchAll(/data-flows="([^"]+)"/g)];
    expect(links.length).toBeLessThan(200);
    expect(elapsed).toBeLessThan(15_000);
    const site = await createDiagramProvider(input).zones({ siteId: 'site-2' });
    expect(dataIds(site.svg, 'zone')).toHaveLength(5);
  });
});
