/**
 * Password hashing with argon2id.
 *
 * Parameters: argon2id, m = 19 MiB (19456 KiB), t = 2, p = 1. This is OWASP's Password Storage
 * Cheat Sheet minimum for argon2id, equivalent in GPU-cracking cost to its other listed
 * trade-offs (e.g. 46 MiB / t=1). We stay at the minimum because the server is stateless and
 * may run several instances on modest hosts: each concurrent login holds m of memory, so 19 MiB
 * keeps 50 simultaneous logins under 1 GiB while one hash costs a few tens of milliseconds.
 * Raise the constants below to strengthen; `needsRehash` then flags old hashes, and the login
 * flow rehashes the password it has just verified.
 *
 * The password is NFC-normalised before hashing and verifying, so the same password typed on
 * keyboards that produce composed or decomposed accents matches. The plain password is never
 * logged, stored, returned or put in an error message.
 */
import { hash, parseOptions, verify } from '@node-rs/argon2';
import type { Algorithm, Options, Version } from '@node-rs/argon2';

// The package declares these as ambient `const enum`s, which verbatimModuleSyntax forbids reading
// (TS2748) and which are empty at run time: use their documented values.
/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment */
export const ARGON2ID: Algorithm = 2;
export const ARGON2I: Algorithm = 1;
const VERSION_0X13: Version = 1;
/* eslint-enable @typescript-eslint/no-unsafe-enum-assignment */

export const PASSWORD_HASH_PARAMETERS = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

const MIN_SALT_BYTES = 16;
/** Longest input hashed or verified, in UTF-16 units (the policy caps passwords at 256 code points). */
const MAX_INPUT_LENGTH = 4096;

const HASH_OPTIONS: Options = {
  algorithm: ARGON2ID,
  version: VERSION_0X13,
  ...PASSWORD_HASH_PARAMETERS,
};

/** Thrown for a programming error (empty or absurdly long password reaching the hasher). */
export class PasswordHashInputError extends Error {
  readonly code = 'password_hash_input';
  constructor(reason: string) {
    super(reason);
    this.name = 'PasswordHashInputError';
  }
}

/** Hashes a password (PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash`, random 16-byte salt). */
export async function hashPassword(plain: string): Promise<string> {
  if (plain.length === 0) throw new PasswordHashInputError('empty password');
  if (plain.length > MAX_INPUT_LENGTH) throw new PasswordHashInputError('password too long');
  return hash(plain.normalize('NFC'), HASH_OPTIONS);
}

/**
 * What an unknown account's password is checked against: a hash made with the current
 * parameters (a test keeps it so), written here so that even the first such check costs one
 * verification, exactly like a real account's.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$9MyxH5JffOp/z6rwWzjcYw$jO+inCUSM0YjsrHL4mCL9yG2POug+Hu8DlycCROvZGA';

/**
 * True when `plain` matches `storedHash`. Never throws: a malformed, truncated or non-argon2
 * hash, an empty or oversized password all give false. Pass `null` as the hash for an unknown
 * account: a dummy hash is verified (with the password given, as for a real account) so the
 * response takes as long as for a real account (no account enumeration by timing).
 */
export async function verifyPassword(storedHash: string | null, plain: string): Promise<boolean> {
  if (storedHash === null) {
    const candidate = plain.length === 0 || plain.length > MAX_INPUT_LENGTH ? 'x' : plain;
    await verify(DUMMY_HASH, candidate.normalize('NFC')).catch(() => false);
    return false;
  }
  if (plain.length === 0 || plain.length > MAX_INPUT_LENGTH) return false;
  if (!storedHash.startsWith('$argon2')) return false;
  try {
    return await verify(storedHash, plain.normalize('NFC'));
  } catch {
    return false;
  }
}

/**
 * True when `storedHash` should be replaced after the next successful login: not an argon2id
 * v1.3 hash (or unparseable), or memory, time, output or salt size below the current ones.
 * Parallelism is not compared: more lanes do not weaken a hash.
 */
export function needsRehash(storedHash: string): boolean {
  try {
    const options = parseOptions(storedHash);
    return (
      options.algorithm !== ARGON2ID ||
      options.version !== VERSION_0X13 ||
      options.memoryCost < PASSWORD_HASH_PARAMETERS.memoryCost ||
      options.timeCost < PASSWORD_HASH_PARAMETERS.timeCost ||
      options.outputLen < PASSWORD_HASH_PARAMETERS.outputLen ||
      options.saltLen < MIN_SALT_BYTES
    );
  } catch {
    return true;
  }
}
