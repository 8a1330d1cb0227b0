/**
 * SSH wire encodings (RFC 4251 §5): uint32, string, name-list, mpint, read from a bounded buffer
 * and written into a growing one. Reading past the end throws `SshWireError` (a malformed
 * packet), which the probe turns into an observation error.
 */

/** A server's bytes do not parse as the SSH wire format. */
export class SshWireError extends Error {
  readonly code = 'ssh-wire';
}

export class SshReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  take(length: number): Uint8Array {
    if (length < 0 || this.offset + length > this.bytes.length) {
      throw new SshWireError(`truncated field (${String(length)} bytes wanted)`);
    }
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  byte(): number {
    return this.take(1)[0] ?? 0;
  }

  uint32(): number {
    const b = this.take(4);
    return (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
  }

  string(): Uint8Array {
    return this.take(this.uint32());
  }

  text(): string {
    return Buffer.from(this.string()).toString('latin1');
  }

  nameList(): string[] {
    const value = this.text();
    return value === '' ? [] : value.split(',');
  }

  boolean(): boolean {
    return this.byte() !== 0;
  }
}

export class SshWriter {
  private readonly parts: Uint8Array[] = [];

  byte(value: number): this {
    this.parts.push(Uint8Array.of(value & 0xff));
    return this;
  }

  uint32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value >>> 0);
    this.parts.push(b);
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }

  string(value: Uint8Array | string): this {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
    return this.uint32(bytes.length).raw(bytes);
  }

  nameList(names: readonly string[]): this {
    return this.string(names.join(','));
  }

  boolean(value: boolean): this {
    return this.byte(value ? 1 : 0);
  }

  /** An unsigned big-endian integer as an mpint: leading zeros dropped, a 0 added if high bit. */
  mpint(unsigned: Uint8Array): this {
    let start = 0;
    while (start < unsigned.length && unsigned[start] === 0) start += 1;
    const digits = unsigned.subarray(start);
    const needsZero = digits.length > 0 && ((digits[0] ?? 0) & 0x80) !== 0;
    return this.string(needsZero ? Buffer.concat([Uint8Array.of(0), digits]) : digits);
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}
