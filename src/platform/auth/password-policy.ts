/**
 * Password rules (NIST SP 800-63B style: length and a blocklist, no composition rules).
 *
 * The password is NFC-normalised, then: 12 to 256 Unicode code points; not in the common
 * password list shipped in ./data (49,233 entries from @zxcvbn-ts/language-common, MIT, see
 * data/LICENCE-common-passwords.txt), compared case-insensitively; not containing the email's
 * local part or the display name; not one character repeated. Every problem is reported, not
 * only the first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** Name or email parts shorter than this are too common to forbid inside a password. */
const MIN_CONTEXT_WORD_LENGTH = 4;

export type PasswordProblemCode =
  | 'password_too_short'
  | 'password_too_long'
  | 'password_common'
  | 'password_contains_email'
  | 'password_contains_name'
  | 'password_repeated_character';

export interface PasswordProblem {
  readonly code: PasswordProblemCode;
  readonly message: { readonly en: string; readonly fr: string };
}

export interface PasswordContext {
  readonly email?: string;
  readonly displayName?: string;
}

const MESSAGES: Record<PasswordProblemCode, PasswordProblem['message']> = {
  password_too_short: {
    en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    fr: `Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`,
  },
  password_too_long: {
    en: `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
    fr: `Le mot de passe doit comporter au plus ${MAX_PASSWORD_LENGTH} caractères.`,
  },
  password_common: {
    en: 'This password is too common: it appears in lists of leaked passwords.',
    fr: 'Ce mot de passe est trop courant : il figure dans des listes de mots de passe divulgués.',
  },
  password_contains_email: {
    en: 'The password must not contain your email address.',
    fr: 'Le mot de passe ne doit pas contenir votre adresse électronique.',
  },
  password_contains_name: {
    en: 'The password must not contain your name.',
    fr: 'Le mot de passe ne doit pas contenir votre nom.',
  },
  password_repeated_character: {
    en: 'The password must not be a single repeated character.',
    fr: 'Le mot de passe ne doit pas être un seul caractère répété.',
  },
};

function problem(code: PasswordProblemCode): PasswordProblem {
  return { code, message: MESSAGES[code] };
}

/** Candidate locations: beside this file (sources, or a build that copies data/), then sources. */
const LIST_LOCATIONS = [
  new URL('./data/common-passwords.txt', import.meta.url),
  new URL('../../../src/platform/auth/data/common-passwords.txt', import.meta.url),
];

let commonPasswords: ReadonlySet<string> | undefined;

/** Loads the list once, lower-cased. Throws (fails closed) when the shipped file is missing. */
function loadCommonPasswords(): ReadonlySet<string> {
  if (commonPasswords) return commonPasswords;
  const location = LIST_LOCATIONS.find((url) => existsSync(url));
  if (!location) {
    throw new Error(
      `common password list not found (looked in ${LIST_LOCATIONS.map((u) => fileURLToPath(u)).join(', ')})`,
    );
  }
  const set = new Set<string>();
  for (const line of readFileSync(location, 'utf8').split('\n')) {
    const entry = line.trim().normalize('NFC').toLowerCase();
    if (entry.length > 0) set.add(entry);
  }
  commonPasswords = set;
  return set;
}

/** True when the password (NFC, case-insensitive) is in the shipped common password list. */
export function isCommonPassword(plain: string): boolean {
  return loadCommonPasswords().has(plain.normalize('NFC').toLowerCase());
}

function normaliseForComparison(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Length in Unicode code points (not UTF-16 units, not graphemes: an emoji sequence counts
 * as its code points, which only makes it longer). */
function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** Words of a name or email local part long enough to be forbidden inside a password. */
function contextWords(text: string, whole: boolean): string[] {
  const normalised = normaliseForComparison(text).trim();
  const words = normalised.split(/[^\p{L}\p{N}]+/u);
  if (whole) words.push(normalised, normalised.replace(/[^\p{L}\p{N}]+/gu, ''));
  return words.filter((word) => codePointLength(word) >= MIN_CONTEXT_WORD_LENGTH);
}

function containsAny(password: string, words: readonly string[]): boolean {
  return words.some((word) => password.includes(word));
}

/**
 * Every problem with `plain` as a new password; an empty list means it is acceptable.
 * Lengths are counted in Unicode code points after NFC normalisation.
 */
export function checkPassword(plain: string, context: PasswordContext = {}): PasswordProblem[] {
  const normalised = plain.normalize('NFC');
  const length = codePointLength(normalised);
  const problems: PasswordProblem[] = [];

  if (length < MIN_PASSWORD_LENGTH) problems.push(problem('password_too_short'));
  if (length > MAX_PASSWORD_LENGTH) {
    // Do not spend work comparing a huge input: the length problem is enough.
    problems.push(problem('password_too_long'));
    return problems;
  }
  if (length > 0 && isCommonPassword(normalised)) problems.push(problem('password_common'));

  const lowered = normaliseForComparison(normalised);
  if (context.email !== undefined) {
    const at = context.email.lastIndexOf('@');
    const localPart = at >= 0 ? context.email.slice(0, at) : context.email;
    if (containsAny(lowered, contextWords(localPart, true))) {
      problems.push(problem('password_contains_email'));
    }
  }
  if (context.displayName !== undefined) {
    if (containsAny(lowered, contextWords(context.displayName, true))) {
      problems.push(problem('password_contains_name'));
    }
  }

  const codePoints = new Set(normalised);
  if (length > 1 && codePoints.size === 1) problems.push(problem('password_repeated_character'));
  return problems;
}
