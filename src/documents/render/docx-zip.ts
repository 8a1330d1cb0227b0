/**
 * A minimal ZIP reader and writer for DOCX packages. The `docx` library zips with the clock's
 * time on every entry; rewriting the package here gives entries a fixed time (the document's
 * date), so the same document gives the same bytes. Only what DOCX needs: stored or deflated
 * entries, no ZIP64, no encryption.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the package, e.g. `word/document.xml`. */
  readonly name: string;
  readonly data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function endOfCentralDirectory(bytes: Buffer): number {
  const last = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= last; at--) {
    if (bytes.readUInt32LE(at) === END) return at;
  }
  throw new Error('Not a zip file: no end of central directory');
}

/** The entries of a zip file, in its central directory's order (folders left out). */
export function readZip(bytes: Buffer): ZipEntry[] {
  const end = endOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== CENTRAL) throw new Error('Corrupted zip: central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (bytes.readUInt32LE(offset) !== LOCAL) throw new Error(`Corrupted zip: ${name}`);
    const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    const raw = bytes.subarray(start, start + compressed);
    if (name.endsWith('/')) continue;
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else throw new Error(`Unsupported zip compression method ${String(method)} for ${name}`);
    if (data.length !== size) throw new Error(`Corrupted zip: ${name} has the wrong size`);
    entries.push({ name, data });
  }
  return entries;
}

/** MS-DOS date and time fields for an ISO date (YYYY-MM-DD…), midnight; 1980-01-01 if invalid. */
function dosDateTime(iso: string): { date: number; time: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const year = Math.min(2107, Math.max(1980, Number(match?.[1] ?? 1980)));
  const month = Math.min(12, Math.max(1, Number(match?.[2] ?? 1)));
  const day = Math.min(31, Math.max(1, Number(match?.[3] ?? 1)));
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: 0 };
}

/**
 * A zip file of these entries, in this order, each deflated (or stored when deflating does not
 * help) and dated `isoDate`: the same entries always give the same bytes.
 */
export function writeZip(entries: readonly ZipEntry[], isoDate: string): Buffer {
  const { date, time } = dosDateTime(isoDate);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 6 });
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const crc = crc32(entry.data);
    if (offset + 30 + name.length + body.length > 0xffffffff) {
      throw new Error('Document too large for a zip file without ZIP64');
    }
    const flags = /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(stored ? 0 : 8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(header, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
