/**
 * BinXML token parser: turns a fragment (record body, template definition or nested BinXml
 * value) into a small tree. Template definitions are parsed once per chunk and shared by every
 * record that references them by offset; substitution values are decoded per record.
 */
import { fail, need, u16, u32, u8, utf16At } from './bytes.js';
import type { AttrNode, BxNode, ElementNode, EvtxValue, Fragment, TextNode } from './nodes.js';
import { decodeScalar, fixedSize } from './values.js';

/** Per-chunk state: the chunk bytes (offsets are chunk-relative) and its caches. */
export interface ChunkContext {
  readonly bytes: Uint8Array;
  readonly names: Map<number, string>;
  readonly templates: Map<number, readonly BxNode[]>;
}

/** Nesting bound for templates inside BinXml values inside templates. */
const MAX_FRAGMENT_DEPTH = 16;
/** Nesting bound for elements inside one fragment. */
const MAX_ELEMENT_DEPTH = 128;

export function newChunkContext(bytes: Uint8Array): ChunkContext {
  return { bytes, names: new Map(), templates: new Map() };
}

interface Open {
  readonly name: string;
  readonly attrs: AttrNode[];
  readonly children: BxNode[];
  dynamic: boolean;
  hasElementChild: boolean;
  /** Value list of the attribute being read, null once the start tag is closed. */
  attrValue: BxNode[] | null;
}

function nameAt(ctx: ChunkContext, offset: number): string {
  const cached = ctx.names.get(offset);
  if (cached !== undefined) return cached;
  need(ctx.bytes.length, offset, 8);
  const count = u16(ctx.bytes, offset + 6);
  need(ctx.bytes.length, offset + 8, 2 * count);
  const name = utf16At(ctx.bytes, offset + 8, count);
  ctx.names.set(offset, name);
  return name;
}

/** Reads a name reference at `pos`; returns the name and the position after it (inline or not). */
function readNameRef(ctx: ChunkContext, pos: number, end: number): [string, number] {
  need(end, pos, 4);
  const offset = u32(ctx.bytes, pos);
  const after = pos + 4;
  const name = nameAt(ctx, offset);
  if (offset !== after) return [name, after];
  const inlineEnd = after + 8 + 2 * name.length + 2;
  need(end, after, inlineEnd - after);
  return [name, inlineEnd];
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function closeElement(open: Open): ElementNode {
  return {
    kind: 'element',
    name: open.name,
    attrs: open.attrs,
    children: open.children,
    dynamic: open.dynamic,
    hasElementChild: open.hasElementChild,
  };
}

/**
 * Reads a content token at `pos` (value text, CDATA, character or entity reference, processing
 * instruction); returns its text node (null for processing instructions) and the next position.
 */
function readContentToken(
  ctx: ChunkContext,
  token: number,
  pos: number,
  end: number,
): [TextNode | null, number] {
  const b = ctx.bytes;
  switch (token) {
    case 0x05: {
      need(end, pos, 2);
      const type = u8(b, pos + 1);
      if (type === 0x01) {
        need(end, pos + 2, 2);
        const count = u16(b, pos + 2);
        need(end, pos + 4, 2 * count);
        return [{ kind: 'text', text: utf16At(b, pos + 4, count) }, pos + 4 + 2 * count];
      }
      const size = fixedSize(type);
      if (size === 0) fail('evtx-binxml-value-type', pos, `unsupported value token type ${type}`);
      need(end, pos + 2, size);
      const v = decodeScalar(b, pos + 2, size, type);
      const text = v === null || typeof v === 'object' ? '' : String(v);
      return [{ kind: 'text', text }, pos + 2 + size];
    }
    case 0x07:
    case 0x0b: {
      need(end, pos, 3);
      const count = u16(b, pos + 1);
      need(end, pos + 3, 2 * count);
      const next = pos + 3 + 2 * count;
      return [token === 0x07 ? { kind: 'text', text: utf16At(b, pos + 3, count) } : null, next];
    }
    case 0x08:
      need(end, pos, 3);
      return [{ kind: 'text', text: String.fromCharCode(u16(b, pos + 1)) }, pos + 3];
    default: {
      const [name, after] = readNameRef(ctx, pos + 1, end);
      if (token === 0x0a) return [null, after];
      return [{ kind: 'text', text: ENTITIES[name] ?? `&${name};` }, after];
    }
  }
}

/** Result of parsing one fragment: its top-level nodes and where parsing stopped. */
export interface ParsedFragment {
  readonly nodes: BxNode[];
  readonly end: number;
}

/**
 * Parses BinXML tokens in `[start, end)` until the end-of-stream token or `end`.
 * `hasDepId`: element starts carry a dependency id (template definitions do, record bodies and
 * nested BinXml values do not). Throws EvtxFormatError on malformed bytes.
 */
export function parseFragment(
  ctx: ChunkContext,
  start: number,
  end: number,
  hasDepId: boolean,
  depth: number,
): ParsedFragment {
  if (depth > MAX_FRAGMENT_DEPTH) fail('evtx-binxml-too-deep', start, 'fragment nesting too deep');
  const b = ctx.bytes;
  const top: BxNode[] = [];
  const stack: Open[] = [];
  let pos = start;

  const add = (node: BxNode): void => {
    const cur = stack[stack.length - 1];
    if (cur === undefined) {
      top.push(node);
    } else if (cur.attrValue !== null) {
      cur.attrValue.push(node);
    } else {
      cur.children.push(node);
      if (node.kind === 'subst' || node.kind === 'instance') cur.dynamic = true;
      else if (node.kind === 'element') cur.hasElementChild = true;
    }
  };
  const pop = (): void => {
    const open = stack.pop();
    if (open === undefined) fail('evtx-binxml-unbalanced', pos, 'end of element without start');
    add(closeElement(open));
  };

  while (pos < end) {
    const token = u8(b, pos);
    switch (token & 0xbf) {
      case 0x00:
        pos += 1;
        if (stack.length > 0)
          fail('evtx-binxml-unbalanced', pos, 'end of stream inside an element');
        return { nodes: top, end: pos };
      case 0x0f:
        need(end, pos, 4);
        pos += 4;
        break;
      case 0x01: {
        pos += hasDepId ? 3 : 1;
        need(end, pos, 4);
        const [name, after] = readNameRef(ctx, pos + 4, end);
        pos = after;
        if ((token & 0x40) !== 0) pos += 4;
        if (stack.length >= MAX_ELEMENT_DEPTH)
          fail('evtx-binxml-too-deep', pos, 'elements nested too deep');
        stack.push({
          name,
          attrs: [],
          children: [],
          dynamic: false,
          hasElementChild: false,
          attrValue: null,
        });
        break;
      }
      case 0x06: {
        const cur = stack[stack.length - 1];
        if (cur === undefined) fail('evtx-binxml-unbalanced', pos, 'attribute outside an element');
        const [name, after] = readNameRef(ctx, pos + 1, end);
        pos = after;
        const value: BxNode[] = [];
        cur.attrs.push({ name, value });
        cur.attrValue = value;
        break;
      }
      case 0x02: {
        const cur = stack[stack.length - 1];
        if (cur === undefined)
          fail('evtx-binxml-unbalanced', pos, 'start tag close outside an element');
        cur.attrValue = null;
        pos += 1;
        break;
      }
      case 0x03: {
        const cur = stack[stack.length - 1];
        if (cur === undefined)
          fail('evtx-binxml-unbalanced', pos, 'empty element close outside an element');
        cur.attrValue = null;
        pos += 1;
        pop();
        break;
      }
      case 0x04:
        pos += 1;
        pop();
        break;
      case 0x05:
      case 0x07:
      case 0x08:
      case 0x09:
      case 0x0a:
      case 0x0b: {
        const [node, after] = readContentToken(ctx, token & 0xbf, pos, end);
        if (node !== null) add(node);
        pos = after;
        break;
      }
      case 0x0c: {
        const [node, after] = parseInstance(ctx, pos, end, depth);
        add(node);
        pos = after;
        break;
      }
      case 0x0d:
      case 0x0e: {
        need(end, pos, 4);
        const index = u16(b, pos + 1);
        const type = u8(b, pos + 3);
        const optional = (token & 0xbf) === 0x0e;
        pos += 4;
        if (!(optional && type === 0)) add({ kind: 'subst', index, optional });
        break;
      }
      default:
        fail('evtx-binxml-token', pos, `unknown BinXML token 0x${token.toString(16)}`);
    }
  }
  if (stack.length > 0) fail('evtx-truncated-binxml', pos, 'fragment ends inside an element');
  return { nodes: top, end: pos };
}

function templateAt(ctx: ChunkContext, offset: number, depth: number): readonly BxNode[] {
  const cached = ctx.templates.get(offset);
  if (cached !== undefined) return cached;
  const b = ctx.bytes;
  need(b.length, offset, 24);
  const size = u32(b, offset + 20);
  need(b.length, offset + 24, size);
  const nodes = parseFragment(ctx, offset + 24, offset + 24 + size, true, depth + 1).nodes;
  ctx.templates.set(offset, nodes);
  return nodes;
}

function parseInstance(
  ctx: ChunkContext,
  start: number,
  end: number,
  depth: number,
): [BxNode, number] {
  const b = ctx.bytes;
  need(end, start, 10);
  const defOffset = u32(b, start + 6);
  let pos = start + 10;
  if (defOffset === pos) {
    need(end, pos, 24);
    pos += 24 + u32(b, pos + 20);
  }
  const nodes = templateAt(ctx, defOffset, depth);
  need(end, pos, 4);
  const count = u32(b, pos);
  pos += 4;
  need(end, pos, 4 * count);
  const values: EvtxValue[] = new Array<EvtxValue>(count);
  let vpos = pos + 4 * count;
  for (let i = 0; i < count; i++) {
    const size = u16(b, pos + 4 * i);
    const type = u8(b, pos + 4 * i + 2);
    need(end, vpos, size);
    values[i] =
      type === 0x21 ? nestedFragment(ctx, vpos, size, depth) : decodeScalar(b, vpos, size, type);
    vpos += size;
  }
  return [{ kind: 'instance', nodes, values }, vpos];
}

function nestedFragment(ctx: ChunkContext, start: number, size: number, depth: number): EvtxValue {
  if (size === 0) return null;
  let nodes: BxNode[];
  try {
    nodes = parseFragment(ctx, start, start + size, false, depth + 1).nodes;
  } catch {
    // Some writers keep the dependency id in nested fragments: retry with it.
    nodes = parseFragment(ctx, start, start + size, true, depth + 1).nodes;
  }
  const fragment: Fragment = { kind: 'fragment', nodes };
  return fragment;
}
