/**
 * A short-lived, per-instance memory of who a session is and which role a user holds in a
 * workspace, so a read request does not query the store three times before its own work.
 * Entries live `ttlMs` (about a second); any state-changing request handled by this instance
 * clears everything, so a logout, password change or role change takes effect at once here and
 * within `ttlMs` on the other instances. Session expiry is still checked on every request.
 */
import type { Clock } from '../clock.js';
import type { Role } from '../store/index.js';
import type { SessionInfo } from './route.js';

interface Timed<T> {
  readonly value: T;
  readonly until: number;
}

const MAX_ENTRIES = 10_000;

export class AccessCache {
  private readonly sessions = new Map<string, Timed<SessionInfo & { expiresAt: number }>>();
  private readonly roles = new Map<string, Timed<Role | null>>();
  private readonly values = new Map<string, Timed<Promise<unknown>>>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  private now(): number {
    return this.clock().getTime();
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  session(tokenHash: string): SessionInfo | undefined {
    const entry = this.sessions.get(tokenHash);
    if (entry === undefined) return undefined;
    const now = this.now();
    if (entry.until <= now || entry.value.expiresAt <= now) {
      this.sessions.delete(tokenHash);
      return undefined;
    }
    return entry.value;
  }

  rememberSession(info: SessionInfo, expiresAt: number): void {
    if (!this.enabled) return;
    if (this.sessions.size >= MAX_ENTRIES) this.sessions.clear();
    this.sessions.set(info.tokenHash, {
      value: { ...info, expiresAt },
      until: this.now() + this.ttlMs,
    });
  }

  /** `undefined` when unknown; `null` when known not to be a member. */
  role(workspaceId: string, userId: string): Role | null | undefined {
    const key = `${workspaceId}|${userId}`;
    const entry = this.roles.get(key);
    if (entry === undefined) return undefined;
    if (entry.until <= this.now()) {
      this.roles.delete(key);
      return undefined;
    }
    return entry.value;
  }

  rememberRole(workspaceId: string, userId: string, role: Role | null): void {
    if (!this.enabled) return;
    if (this.roles.size >= MAX_ENTRIES) this.roles.clear();
    this.roles.set(`${workspaceId}|${userId}`, { value: role, until: this.now() + this.ttlMs });
  }

  /** `compute()` once per time to live for `key` (failures are not kept). */
  recent<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const entry = this.values.get(key);
    if (entry !== undefined && entry.until > this.now()) return entry.value as Promise<T>;
    if (this.values.size >= MAX_ENTRIES) this.values.clear();
    const value = compute();
    this.values.set(key, { value, until: this.now() + this.ttlMs });
    value.catch(() => {
      if (this.values.get(key)?.value === value) this.values.delete(key);
    });
    return value;
  }

  clear(): void {
    this.sessions.clear();
    this.roles.clear();
    this.values.clear();
  }
}
