/**
 * The platform's one source of the current time. `openStore` takes it (default: the system
 * clock) and everything else reads the store's: repositories, the HTTP layer (session expiry,
 * one-time passwords, decision dates), login throttling and the access cache. A test that fixes
 * or moves the store's clock therefore moves them all together.
 */
export type Clock = () => Date;

/** The real time. */
export const systemClock: Clock = () => new Date();

/** Milliseconds since the epoch by `clock` (what the throttle and the caches compute with). */
export function millisOf(clock: Clock): number {
  return clock().getTime();
}

/** The ISO date (YYYY-MM-DD, UTC) by `clock`. */
export function isoDateOf(clock: Clock): string {
  return clock().toISOString().slice(0, 10);
}
