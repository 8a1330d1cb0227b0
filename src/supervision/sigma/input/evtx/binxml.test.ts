import { describe, expect, it } from 'vitest';
import { EvtxFormatError } from './bytes.js';
import { newChunkContext, parseFragment, type ChunkContext } from './binxml.js';
import { renderRecord } from './render-json.js';

/** Writes BinXML into a 64 KiB chunk buffer at chunk-relative offsets. */
class Writer {
  readonly bytes = new Uint8Array(0x10000);
  pos: number;
  constructor(start = 512) {
    this.pos = start;
  }
  u8(...values: number[]): this {
    for (const v of values) this.bytes[this.pos++] = v & 0xff;
    return this;
  }
  u16(v: number): this {
    return this.u8(v, v >> 8);
  }
  u32(v: number): this {
    return this.u8(v, v >> 8, v >> 16, v >>> 24);
  }
  utf16(s: string): this {
    for (let i = 0; i < s.length; i++) this.u16(s.charCodeAt(i));
    return this;
  }
  /** A name reference with the name stored inline (offset = position after the reference). */
  name(s: string): this {
    this.u32(this.pos + 4);
    return this.u32(0).u16(0).u16(s.length).utf16(s).u16(0);
  }
  open(name: string, withAttrs = false, depId = true): this {
    this.u8(withAttrs ? 0x41 : 0x01);
    if (depId) this.u16(0xffff);
    this.u32(0).name(name);
    return withAttrs ? this.u32(0) : this;
  }
  attr(name: string): this {
    return this.u8(0x06).name(name);
  }
  text(s: string): this {
    return this.u8(0x05, 0x01).u16(s.length).utf16(s);
  }
  subst(index: number, type: number, optional = false): this {
    return this.u8(optional ? 0x0e : 0x0d)
      .u16(index)
      .u8(type);
  }
  fragmentHeader(): this {
    return this.u8(0x0f, 0x01, 0x01, 0x00);
  }
  /** Starts an inline template definition; returns a function that ends it. */
  instance(inlineBody: ((w: Writer) => void) | number): this {
    this.u8(0x0c, 0x01).u32(0);
    if (typeof inlineBody === 'number') return this.u32(inlineBody);
    this.u32(this.pos + 4);
    this.u32(0).u8(...new Array<number>(16).fill(0xab));
    const sizeAt = this.pos;
    this.u32(0);
    const start = this.pos;
    inlineBody(this);
    const size = this.pos - start;
    this.bytes.set([size & 0xff, (size >> 8) & 0xff, 0, 0], sizeAt);
    return this;
  }
  values(values: readonly (readonly [number, number[]])[]): this {
    this.u32(values.length);
    for (const [type, data] of values) this.u16(data.length).u8(type, 0);
    for (const [, data] of values) this.u8(...data);
    return this;
  }
}

function utf16Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return out;
}

/** `<Event><System><EventID>%0</EventID><Provider Name="%1"/></System><EventData>…</EventData></Event>` */
function eventTemplate(w: Writer): void {
  w.fragmentHeader();
  w.open('Event').u8(0x02);
  w.open('System').u8(0x02);
  w.open('EventID').u8(0x02).subst(0, 0x06).u8(0x04);
  w.open('Provider', true).attr('Name').subst(1, 0x01).u8(0x03);
  w.u8(0x04);
  w.open('EventData').u8(0x02);
  w.open('Data', true).attr('Name').text('A').u8(0x02).subst(2, 0x01).u8(0x04);
  w.open('Data', true).attr('Name').text('B').u8(0x02).subst(3, 0x01, true).u8(0x04);
  w.u8(0x04, 0x04, 0x00);
}

function parse(ctx: ChunkContext, start: number, end: number): Record<string, unknown> | null {
  return renderRecord(parseFragment(ctx, start, end, false, 0).nodes);
}

describe('parseFragment + renderRecord', () => {
  it('renders a template instance with inline names, attributes and Data by Name', () => {
    const w = new Writer();
    w.fragmentHeader().instance(eventTemplate);
    w.values([
      [0x06, [0x10, 0x12]],
      [0x01, utf16Bytes('Prov')],
      [0x01, utf16Bytes('  hi \0')],
      [0x00, []],
    ]);
    w.u8(0x00);
    const ctx = newChunkContext(w.bytes);
    expect(parse(ctx, 512, w.pos)).toEqual({
      Event: {
        System: { EventID: 4624, Provider: { '#attributes': { Name: 'Prov' } } },
        EventData: { A: 'hi', B: '' },
      },
    });
    expect(ctx.templates.size).toBe(1);
  });

  it('reuses a template defined by an earlier record through its offset', () => {
    const w = new Writer();
    w.fragmentHeader().instance(eventTemplate);
    const defOffset = 512 + 4 + 10;
    w.values([
      [0x06, [1, 0]],
      [0x01, []],
      [0x01, []],
      [0x00, []],
    ]).u8(0x00);
    const second = w.pos;
    w.fragmentHeader().instance(defOffset);
    w.values([
      [0x06, [2, 0]],
      [0x01, utf16Bytes('P2')],
      [0x01, utf16Bytes('x')],
      [0x01, utf16Bytes('y')],
    ]).u8(0x00);
    const ctx = newChunkContext(w.bytes);
    parse(ctx, 512, second);
    expect(parse(ctx, second, w.pos)).toEqual({
      Event: {
        System: { EventID: 2, Provider: { '#attributes': { Name: 'P2' } } },
        EventData: { A: 'x', B: 'y' },
      },
    });
    expect(ctx.templates.size).toBe(1);
  });

  it('expands a nested BinXml value (UserData) with its own template', () => {
    const w = new Writer();
    w.fragmentHeader().instance((t) => {
      t.fragmentHeader()
        .open('Event')
        .u8(0x02)
        .open('UserData')
        .u8(0x02)
        .subst(0, 0x21)
        .u8(0x04, 0x04, 0x00);
    });
    const inner = new Writer(0);
    inner.pos = w.pos + 4 + 4; // value position: after the count and one descriptor
    const start = inner.pos;
    inner.fragmentHeader().instance((t) => {
      t.fragmentHeader().open('Op', true).attr('xmlns').text('urn:x').u8(0x02);
      t.open('Pid').u8(0x02).subst(0, 0x08).u8(0x04).u8(0x04, 0x00);
    });
    inner.values([[0x08, [7, 0, 0, 0]]]).u8(0x00);
    const value = Array.from(inner.bytes.subarray(start, inner.pos));
    w.values([[0x21, value]]).u8(0x00);
    expect(parse(newChunkContext(w.bytes), 512, w.pos)).toEqual({
      Event: { UserData: { Op: { '#attributes': { xmlns: 'urn:x' }, Pid: 7 } } },
    });
  });

  it('turns CDATA, character and entity references into text and skips processing instructions', () => {
    const w = new Writer();
    w.fragmentHeader().open('Msg', false, false).u8(0x02);
    w.text('a');
    w.u8(0x07).u16(2).utf16('<b');
    w.u8(0x08).u16(0x41);
    w.u8(0x09).name('amp');
    w.u8(0x09).name('nbsp');
    w.u8(0x0a).name('pi').u8(0x0b).u16(1).utf16('z');
    w.u8(0x04, 0x00);
    expect(parse(newChunkContext(w.bytes), 512, w.pos)).toEqual({ Msg: 'a<bA&&nbsp;' });
  });

  it('rejects an unknown token with a located error', () => {
    const w = new Writer();
    w.fragmentHeader().u8(0x1f);
    expect(() => parseFragment(newChunkContext(w.bytes), 512, w.pos, false, 0)).toThrow(
      EvtxFormatError,
    );
    try {
      parseFragment(newChunkContext(w.bytes), 512, w.pos, false, 0);
    } catch (error) {
      expect((error as EvtxFormatError).code).toBe('evtx-binxml-token');
      expect((error as EvtxFormatError).offset).toBe(516);
    }
  });

  it('bounds element nesting', () => {
    const w = new Writer();
    w.fragmentHeader();
    for (let i = 0; i < 200; i++) w.open('E', false, false).u8(0x02);
    expect(() => parseFragment(newChunkContext(w.bytes), 512, w.pos, false, 0)).toThrow(/too deep/);
  });

  it('bounds template nesting through BinXml values', () => {
    // A template whose body is an instance of itself: parsing must stop, not recurse forever.
    const w = new Writer();
    w.fragmentHeader();
    const selfOffset = w.pos + 10;
    w.u8(0x0c, 0x01).u32(0).u32(selfOffset);
    w.u32(0)
      .u8(...new Array<number>(16).fill(0))
      .u32(30);
    w.fragmentHeader().u8(0x0c, 0x01).u32(0).u32(selfOffset).u32(0).u8(0x00);
    w.u32(0).u8(0x00);
    expect(() => parseFragment(newChunkContext(w.bytes), 512, w.pos, false, 0)).toThrow(/too deep/);
  });

  it('reports a fragment cut inside an element', () => {
    const w = new Writer();
    w.fragmentHeader().open('Event', false, false).u8(0x02).text('x');
    expect(() => parseFragment(newChunkContext(w.bytes), 512, w.pos, false, 0)).toThrow(
      /inside an element/,
    );
    expect(() => parseFragment(newChunkContext(w.bytes), 512, w.pos - 3, false, 0)).toThrow(
      /need 2 bytes/,
    );
  });
});
