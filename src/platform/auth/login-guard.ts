/**
 * The login guard: decides, with the state the store keeps, whether a password may be checked,
 * and updates that state. Used by sign-in and by the change of one's own password.
 *
 * - Every attempt is keyed by the e-mail address typed (its hash), whether an account uses it or
 *   not, and by its source: a known device of that account (device cookie) or else the client's
 *   address (an IPv6 address counts as its /64 network). Known and unknown addresses therefore
 *   meet the same delays and the same lock, with the same answers.
 * - Per (account, source): after PAIR_FREE_FAILURES failures, growing delays (429 with the time
 *   to wait). One attacker's address does not slow the account's owner on their own device.
 * - Per account: after LOCKOUT_THRESHOLD failures from anywhere, a lock (423) that a request from
 *   a known device, or from a source the account signed in from within KNOWN_SOURCE_MAX_AGE_MS,
 *   or with a one-time password an administrator's reset set (random: guessing it is hopeless)
 *   passes — its password is still checked, and a wrong one still answers 423, so nobody learns
 *   from the answer whether the account exists. The last administrator keeps a way back: their
 *   devices and networks, and `vigie admin unlock` / `reset-password` on the server (the latter
 *   works even while an attacker keeps the lock engaged).
 * - The attempt is counted before the password is checked (and forgotten on success), with
 *   compare-and-set writes: a burst of parallel guesses cannot all slip through one free slot.
 */
import { createHash } from 'node:crypto';
import { parseAddress } from '../../domain/net.js';
import { normaliseEmail } from '../store/index.js';
import type { Store, ThrottleRow, User } from '../store/index.js';
import {
  afterFailedLogin,
  afterPairFailure,
  FORGET_AFTER_MS,
  forgetStale,
  isLocked,
  lockRemainingMs,
  pairWaitMs,
} from './throttle.js';
import type { LoginThrottleState, PairThrottleState } from './throttle.js';
import { hashToken, isWellFormedToken, newSessionToken } from './tokens.js';

/** A source that signed in successfully within this time passes the account-wide lock. */
export const KNOWN_SOURCE_MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * How long a password set by an administrator's reset (random) passes the account lock; it is
 * also the time the person has to sign in with it before attackers can hold the lock again.
 */
export const ONE_TIME_PASSWORD_TTL_MS = 24 * 60 * 60 * 1000;

/** Compare-and-set attempts before giving up under contention (then: wait one second). */
const WRITE_ATTEMPTS = 3;

/** Stands for "no account" in the lookups made for an unknown address (same work, no match). */
const NO_USER_ID = '00000000-0000-0000-0000-000000000000';

/** The opaque key of an e-mail address in the throttle tables (no address stored in clear). */
export function accountKey(email: string): string {
  return createHash('sha256')
    .update(`vigie-login:${normaliseEmail(email)}`, 'utf8')
    .digest('hex');
}

/**
 * The source of a request for throttling: `ip:<IPv4>` (IPv4-mapped IPv6 included), or
 * `ip6:<first 64 bits>` — one IPv6 host usually holds a whole /64, so addresses inside one do
 * not count as new sources.
 */
export function sourceOf(ip: string): string {
  const parsed = parseAddress(ip.trim());
  if (parsed === undefined) return `ip:${ip.trim().slice(0, 64)}`;
  if (parsed.family === 4) return `ip:${ip.trim()}`;
  if (parsed.value >> 32n === 0xffffn) {
    const v4 = parsed.value & 0xffff_ffffn;
    return `ip:${[24n, 16n, 8n, 0n].map((shift) => String((v4 >> shift) & 0xffn)).join('.')}`;
  }
  const high = parsed.value >> 64n;
  const groups = [48n, 32n, 16n, 0n].map((shift) => ((high >> shift) & 0xffffn).toString(16));
  return `ip6:${groups.join(':')}::/64`;
}

export interface AttemptInput {
  /** The address typed (the account may not exist). */
  readonly email: string;
  /** The account using that address, if any. */
  readonly user: User | undefined;
  /** The client's address as the server sees it (`request.ip`, after trustProxy). */
  readonly ip: string;
  /** The device cookie sent with the request, if any. */
  readonly deviceToken: string | undefined;
}

/** What an admitted attempt carries to `succeed` and for the audit entries. */
export interface AttemptTicket {
  readonly accountKey: string;
  /** The throttled source: `device:<hash>` for a known device, else the address's source. */
  readonly pairSource: string;
  readonly addressSource: string;
  /** Hash of the device token when it is a known device of the account. */
  readonly knownDeviceHash: string | null;
  /** True when counting this attempt locked the account (it is released if the password is right). */
  readonly lockedNow: boolean;
  /**
   * Set when the account was locked and the attempt passed through a known device, a known
   * source or a one-time password: a wrong password is then answered like the lock (423).
   */
  readonly lockedRetryAfterSeconds: number | null;
}

export type AttemptDecision =
  | { readonly ok: true; readonly ticket: AttemptTicket }
  | {
      readonly ok: false;
      readonly reason: 'throttled' | 'locked';
      readonly retryAfterSeconds: number;
    };

function toAccountState(row: ThrottleRow | undefined, now: number): LoginThrottleState {
  if (row === undefined) return { failures: 0, lockedUntil: null };
  const state = {
    failures: row.failures,
    lockedUntil: row.until === null ? null : Date.parse(row.until),
  };
  return forgetStale(state, Date.parse(row.lastFailureAt), now);
}

function toPairState(row: ThrottleRow | undefined, now: number): PairThrottleState {
  if (row === undefined) return { failures: 0, blockedUntil: null };
  const blockedUntil = row.until === null ? null : Date.parse(row.until);
  const stale = now - Date.parse(row.lastFailureAt) >= FORGET_AFTER_MS;
  return stale && (blockedUntil === null || blockedUntil <= now)
    ? { failures: 0, blockedUntil: null }
    : { failures: row.failures, blockedUntil };
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Decides whether the password of this attempt may be checked and, when it may, counts the
 * attempt as a failure in advance (see `succeed`). Refusals do not count.
 */
export async function beginAttempt(
  store: Store,
  input: AttemptInput,
  now: number,
): Promise<AttemptDecision> {
  const throttle = store.loginThrottle;
  const key = accountKey(input.email);
  const addressSource = sourceOf(input.ip);
  const userId = input.user?.id ?? NO_USER_ID;
  const deviceHash = isWellFormedToken(input.deviceToken) ? hashToken(input.deviceToken) : null;
  const knownDevice = deviceHash !== null && (await throttle.isKnownDevice(deviceHash, userId));
  const pairSource = knownDevice ? `device:${deviceHash.slice(0, 32)}` : addressSource;

  const pairRow = await throttle.readPair(key, pairSource);
  const wait = pairWaitMs(toPairState(pairRow, now), now);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: seconds(wait) };

  let accountRow = await throttle.readAccount(key);
  let account = toAccountState(accountRow, now);
  let trusted: boolean | undefined;
  const oneTime = input.user?.oneTimePasswordUntil ?? null;
  const isTrusted = async (): Promise<boolean> => {
    trusted ??=
      knownDevice ||
      (oneTime !== null && Date.parse(oneTime) > now) ||
      (await throttle.isKnownSource(
        userId,
        addressSource,
        new Date(now - KNOWN_SOURCE_MAX_AGE_MS),
      ));
    return trusted;
  };
  if (isLocked(account, now) && !(await isTrusted())) {
    return {
      ok: false,
      reason: 'locked',
      retryAfterSeconds: seconds(lockRemainingMs(account, now)),
    };
  }

  const lastFailureAt = new Date(now).toISOString();
  const nextPair = afterPairFailure(toPairState(pairRow, now), now);
  const pairWritten = await throttle.writePair(key, pairSource, pairRow, {
    failures: nextPair.failures,
    until: iso(nextPair.blockedUntil),
    lastFailureAt,
  });
  // Another attempt of this pair was counted meanwhile: this one waits its turn.
  if (!pairWritten) return { ok: false, reason: 'throttled', retryAfterSeconds: 1 };
  if (pairRow === undefined) await throttle.purgeStale(new Date(now - FORGET_AFTER_MS));

  let lockedNow = false;
  for (let attempt = 0; ; attempt++) {
    // While locked (a trusted request), failures are not counted: afterFailedLogin keeps the state.
    if (isLocked(account, now)) break;
    const next = afterFailedLogin(account, now);
    const written = await throttle.writeAccount(key, accountRow, {
      failures: next.failures,
      until: iso(next.lockedUntil),
      lastFailureAt,
    });
    if (written) {
      lockedNow = next.lockedUntil !== null;
      break;
    }
    if (attempt + 1 >= WRITE_ATTEMPTS) {
      return { ok: false, reason: 'throttled', retryAfterSeconds: 1 };
    }
    accountRow = await throttle.readAccount(key);
    account = toAccountState(accountRow, now);
    if (isLocked(account, now) && !(await isTrusted())) {
      return {
        ok: false,
        reason: 'locked',
        retryAfterSeconds: seconds(lockRemainingMs(account, now)),
      };
    }
  }
  return {
    ok: true,
    ticket: {
      accountKey: key,
      pairSource,
      addressSource,
      knownDeviceHash: knownDevice ? deviceHash : null,
      lockedNow,
      lockedRetryAfterSeconds: isLocked(account, now)
        ? seconds(lockRemainingMs(account, now))
        : null,
    },
  };
}

/**
 * After a correct password: the account's lock and the pair's delay are forgotten, the source
 * and the device are remembered. Returns a new device token to set in the browser, or null
 * when the one it sent is already a known device of the account (a device token the account
 * did not issue is never adopted, so a planted cookie cannot become "known").
 */
export async function succeed(
  store: Store,
  ticket: AttemptTicket,
  user: User,
): Promise<{ readonly newDeviceToken: string | null }> {
  const throttle = store.loginThrottle;
  await throttle.clearAfterSuccess(ticket.accountKey, ticket.pairSource);
  await throttle.rememberSource(user.id, ticket.addressSource);
  if (ticket.knownDeviceHash !== null) {
    await throttle.rememberDevice(ticket.knownDeviceHash, user.id);
    return { newDeviceToken: null };
  }
  const token = newSessionToken();
  await throttle.rememberDevice(hashToken(token), user.id);
  return { newDeviceToken: token };
}

/** Clears the lock and every delay of the address (`vigie admin unlock`, password resets). */
export function unlockAccount(store: Store, email: string): Promise<boolean> {
  return store.loginThrottle.clearAccount(accountKey(email));
}
