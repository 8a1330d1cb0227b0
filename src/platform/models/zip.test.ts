import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_MODEL_BYTES } from '../limits.js';
import { readModelZip, writeModelZip } from './zip.js';

interface RawEntry {
  name: string;
  data?: Buffer;
  /** 0 stored, 8 deflate (default), or anything to test refusals. */
  method?: number;
  /** Overrides the uncompressed size written in the headers. */
  size?: number;
  crc?: number;
  flags?: number;
  /** Unix mode written in the external attributes (host = Unix). */
  mode?: number;
}

/** A zip archive written byte by byte, able to lie about everything. */
function rawZip(entries: readonly RawEntry[], options: { truncate?: number } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0);
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.crc ?? crc32(data);
    const size = entry.size ?? data.length;
    const flags = entry.flags ?? 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | 20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(header, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const whole = Buffer.concat([...chunks, directory, end]);
  return options.truncate === undefined ? whole : whole.subarray(options.truncate);
}

const YAML = Buffer.from('zones:\n  - id: lan\n    name: LAN # comment\n', 'utf8');

function codeOf(bytes: Buffer): string {
  const result = readModelZip(bytes);
  return result.ok ? 'ok' : result.error.code;
}

describe('readModelZip', () => {
  it("holds the YAML files to the platform's model limit (declared sizes, nothing inflated)", () => {
    const files = [
      { name: 'assets.yaml', data: Buffer.alloc(600, 'a') },
      { name: 'flows.yaml', data: Buffer.alloc(500, 'f') },
      { name: 'notes.txt', data: Buffer.alloc(5000, 'n') },
    ];
    expect(readModelZip(rawZip(files), { maxTotalBytes: 1100 }).ok).toBe(true);
    const over = readModelZip(rawZip(files), { maxTotalBytes: 1099 });
    expect(!over.ok && over.error).toMatchObject({
      code: 'zip_too_large',
      reason: 'too_large',
      limit: 1099,
      size: 1100,
    });
    expect(!over.ok && over.error.entry).toBeUndefined();
    // One file alone over the limit is named.
    const alone = readModelZip(rawZip(files), { maxTotalBytes: 599 });
    expect(!alone.ok && alone.error).toMatchObject({ code: 'zip_too_large', entry: 'assets.yaml' });
    // A liar declaring small sizes is caught at inflation (zip_bomb), never over the limit.
    const liar = readModelZip(rawZip([{ ...files[0], name: 'a.yaml', size: 10, crc: 0 }]), {
      maxTotalBytes: 100,
    });
    expect(!liar.ok && liar.error.code).toBe('zip_bomb');
    expect(DEFAULT_MAX_MODEL_BYTES).toBe(32 * 1024 * 1024);
  });

  it('reads stored and deflated YAML files, lists the others as ignored, strips folders', () => {
    const result = readModelZip(
      rawZip([
        { name: 'model/', mode: 0o040755 },
        { name: 'model/zones.yaml', data: YAML },
        { name: 'model/assets.yml', data: Buffer.from('assets: []\n'), method: 0 },
        { name: 'model/README.md', data: Buffer.from('# readme') },
        { name: '__MACOSX/model/._zones.yaml', data: Buffer.from('x') },
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.files).toEqual({
      'zones.yaml': YAML.toString('utf8'),
      'assets.yml': 'assets: []\n',
    });
    expect(result.value.ignored.map((i) => i.reason).sort()).toEqual(['not_yaml', 'system_file']);
  });

  it('flattens sub-folders while names stay unique, refuses collisions', () => {
    const flat = readModelZip(
      rawZip([
        { name: 'a/zones.yaml', data: YAML },
        { name: 'b/assets.yaml', data: YAML },
      ]),
    );
    expect(flat.ok && Object.keys(flat.value.files).sort()).toEqual(['assets.yaml', 'zones.yaml']);
    const clash = readModelZip(
      rawZip([
        { name: 'a/zones.yaml', data: YAML },
        { name: 'b/zones.yaml', data: YAML },
      ]),
    );
    expect(!clash.ok && clash.error.reason).toBe('duplicate_name');
  });

  it.each([
    ['../x.yaml', 'dot_segment'],
    ['model/../../x.yaml', 'dot_segment'],
    ['/etc/x.yaml', 'absolute'],
    ['C:/x.yaml', 'drive_letter'],
    ['a\\..\\x.yaml', 'backslash'],
    ['x\0.yaml', 'nul'],
  ])('refuses the unsafe path %j', (name, reason) => {
    const result = readModelZip(rawZip([{ name, data: YAML }]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('zip_path_traversal');
    expect(result.error.reason).toBe(reason);
  });

  it('refuses symbolic links', () => {
    const link = rawZip([{ name: 'zones.yaml', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]);
    expect(codeOf(link)).toBe('zip_path_traversal');
  });

  const zeros = Buffer.alloc(100 * 1024 * 1024);

  it('refuses a deflate bomb declared small (inflation stops at the declared size)', () => {
    const bomb = rawZip([{ name: 'zones.yaml', data: zeros, size: 1000, crc: 0 }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = Date.now();
    expect(codeOf(bomb)).toBe('zip_bomb');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a deflate bomb declared large before inflating it', () => {
    expect(codeOf(rawZip([{ name: 'zones.yaml', data: zeros }]))).toBe('zip_too_large');
  });

  it('refuses an implausible compression ratio under the size limit', () => {
    const small = Buffer.alloc(2 * 1024 * 1024);
    expect(codeOf(rawZip([{ name: 'zones.yaml', data: small }]))).toBe('zip_bomb');
  });

  it('refuses more than 200 entries', () => {
    const many = Array.from({ length: 201 }, (_, i) => ({
      name: `f${String(i)}.yaml`,
      data: YAML,
    }));
    const refused = readModelZip(rawZip(many));
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'zip_too_large',
      reason: 'too_many_entries',
      limit: 200,
    });
    expect(codeOf(rawZip(many.slice(0, 200)))).toBe('ok');
  });

  it('refuses a bad CRC, a wrong declared size, a truncated archive and garbage', () => {
    expect(codeOf(rawZip([{ name: 'zones.yaml', data: YAML, crc: 1234 }]))).toBe('zip_invalid');
    expect(codeOf(rawZip([{ name: 'zones.yaml', data: YAML, size: YAML.length + 5 }]))).toBe(
      'zip_invalid',
    );
    const whole = rawZip([{ name: 'zones.yaml', data: YAML }]);
    expect(codeOf(whole.subarray(0, whole.length - 30))).toBe('zip_invalid');
    expect(codeOf(rawZip([{ name: 'zones.yaml', data: YAML }], { truncate: 10 }))).toBe(
      'zip_invalid',
    );
    expect(codeOf(Buffer.from('not a zip at all, just text'))).toBe('zip_invalid');
    expect(codeOf(Buffer.alloc(0))).toBe('zip_invalid');
  });

  it('refuses encrypted entries and unsupported methods', () => {
    expect(codeOf(rawZip([{ name: 'zones.yaml', data: YAML, flags: 0x0801 }]))).toBe(
      'zip_encrypted',
    );
    expect(codeOf(rawZip([{ name: 'zones.yaml', data: YAML, method: 12 }]))).toBe(
      'zip_unsupported',
    );
  });

  it('refuses ZIP64 end records', () => {
    const zip = rawZip([{ name: 'zones.yaml', data: YAML }]);
    const end = zip.length - 22;
    const patched = Buffer.from(zip);
    patched.writeUInt16LE(0xffff, end + 8);
    patched.writeUInt16LE(0xffff, end + 10);
    expect(codeOf(patched)).toBe('zip_unsupported');
  });
});

describe('writeModelZip', () => {
  const files = {
    'zones.yaml': YAML.toString('utf8'),
    'assets.yaml': 'assets:\n  - id: srv # café\n',
  };

  it('round-trips and is deterministic', () => {
    const zip = writeModelZip(files, 'demo-v1');
    expect(writeModelZip(files, 'demo-v1').equals(zip)).toBe(true);
    const back = readModelZip(zip);
    expect(back.ok && back.value.files).toEqual(files);
    expect(back.ok && back.value.ignored).toEqual([]);
  });

  it('is listed by unzip when installed', () => {
    let available = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      available = false;
    }
    if (!available) return;
    const dir = mkdtempSync(join(tmpdir(), 'vigie-zip-'));
    try {
      const path = join(dir, 'export.zip');
      writeFileSync(path, writeModelZip(files, 'demo-v1'));
      const listing = execFileSync('unzip', ['-l', path], { encoding: 'utf8' });
      expect(listing).toContain('demo-v1/zones.yaml');
      expect(listing).toContain('demo-v1/assets.yaml');
      execFileSync('unzip', ['-q', path, '-d', dir]);
      expect(readdirSync(join(dir, 'demo-v1')).sort()).toEqual(['assets.yaml', 'zones.yaml']);
      expect(readFileSync(join(dir, 'demo-v1', 'assets.yaml'), 'utf8')).toBe(files['assets.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
