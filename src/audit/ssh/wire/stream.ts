/**
 * The byte stream under the SSH transport: one deadline for the whole probe and one byte budget,
 * so a hostile server (silent, slow drip, endless banner, huge packet) costs at most one timeout
 * and `maxBytes`. Bytes read past what a step needed are kept for the next step.
 */
import type { Conn } from '../../net/types.js';

export type StreamEnd = 'timeout' | 'closed' | 'max-bytes' | 'error';

/** The server stopped giving what the probe waits for; `reason` says how. */
export class SshStreamEnd extends Error {
  readonly code = 'ssh-stream-end';
  constructor(readonly reason: StreamEnd) {
    super(
      reason === 'timeout'
        ? 'the server did not answer in time'
        : reason === 'max-bytes'
          ? 'the server sent more than the byte budget'
          : reason === 'closed'
            ? 'the server closed the connection'
            : 'connection error',
    );
  }
}

export class SshStream {
  private buffer: Buffer = Buffer.alloc(0);
  private received = 0;

  constructor(
    readonly conn: Conn,
    private readonly deadline: number,
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {}

  /** Reads once more until `enough(chunk)` holds for the bytes this read brought. */
  private async more(enough: (chunk: Uint8Array) => boolean): Promise<void> {
    const left = this.deadline - this.now();
    const budget = this.maxBytes - this.received;
    if (left <= 0) throw new SshStreamEnd('timeout');
    if (budget <= 0) throw new SshStreamEnd('max-bytes');
    const result = await this.conn.read({ maxBytes: budget, timeoutMs: left, until: enough });
    this.received += result.bytes.length;
    this.buffer = Buffer.concat([this.buffer, result.bytes]);
    if (result.end !== 'until' && !enough(result.bytes)) throw new SshStreamEnd(result.end);
  }

  /** Exactly `length` bytes, waiting for them within the deadline and the budget. */
  async take(length: number): Promise<Buffer> {
    const start = this.buffer.length;
    if (start < length) await this.more((chunk) => start + chunk.length >= length);
    const out = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return out;
  }

  /** One line (through `\n`), at most `maxLine` bytes; the line without its end of line. */
  async line(maxLine: number): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf(0x0a);
      if (end >= 0) {
        const line = this.buffer.subarray(0, end).toString('latin1');
        this.buffer = this.buffer.subarray(end + 1);
        return line.replace(/\r$/, '');
      }
      if (this.buffer.length >= maxLine) throw new SshStreamEnd('max-bytes');
      const start = this.buffer.length;
      await this.more((chunk) => chunk.includes(0x0a) || start + chunk.length >= maxLine);
    }
  }

  /** What was received but not consumed (for evidence when parsing fails). */
  pending(): Buffer {
    return this.buffer;
  }
}
