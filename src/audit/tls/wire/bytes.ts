/**
 * Byte helpers for the TLS wire format: length-prefixed vectors to build messages, and a
 * bounds-checked reader that fails with a located message instead of reading past the end.
 */

export function u8(n: number): Uint8Array {
  return Uint8Array.of(n & 0xff);
}

export function u16(n: number): Uint8Array {
  return Uint8Array.of((n >> 8) & 0xff, n & 0xff);
}

export function u24(n: number): Uint8Array {
  return Uint8Array.of((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A vector with a 1-, 2- or 3-byte length prefix. */
export function vec(lengthBytes: 1 | 2 | 3, parts: readonly Uint8Array[]): Uint8Array {
  const body = concat(parts);
  const prefix =
    lengthBytes === 1 ? u8(body.length) : lengthBytes === 2 ? u16(body.length) : u24(body.length);
  return concat([prefix, body]);
}

export class WireError extends Error {
  readonly code = 'tls-wire';
}

/** Sequential reads over a byte slice; every read is bounds-checked. */
export class Reader {
  private at = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.at;
  }

  private need(n: number): void {
    if (this.at + n > this.bytes.length) {
      throw new WireError(
        `${this.what}: ${String(n)} bytes needed at offset ${String(this.at)}, ${String(this.remaining)} left`,
      );
    }
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.at++] ?? 0;
  }

  u16(): number {
    return (this.u8() << 8) | this.u8();
  }

  u24(): number {
    return (this.u8() << 16) | (this.u8() << 8) | this.u8();
  }

  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  /** A vector with a length prefix of the given size. */
  vec(lengthBytes: 1 | 2 | 3): Uint8Array {
    const n = lengthBytes === 1 ? this.u8() : lengthBytes === 2 ? this.u16() : this.u24();
    return this.take(n);
  }
}
