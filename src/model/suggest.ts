/** Two reusable rows for {@link editDistance}: no allocation per call (it runs per candidate). */
let rows = [new Uint32Array(64), new Uint32Array(64)] as const;

/** Levenshtein distance, stopping early once above `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0].length <= b.length) {
    rows = [new Uint32Array(b.length + 1), new Uint32Array(b.length + 1)] as const;
  }
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cost = char === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/**
 * The spelling-insensitive form of a word: lower case, without spaces, dots, underscores or
 * hyphens, so that `TLS 1.3`, `Active-Passive` and `wpa2 psk` meet `tls1.3`, `active-passive` and
 * `wpa2-psk`.
 */
export function normalise(word: string): string {
  return word.toLowerCase().replace(/[ \t\n\r._-]+/g, '');
}

/** Space, tab, line breaks, `.`, `_` and `-`: what {@link normalise} drops. */
function isSeparator(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 46 ||
    code === 95 ||
    code === 45
  );
}

/** True when `candidate` normalises to `wanted` (compared in place: runs once per candidate). */
function normalisesTo(candidate: string, wanted: string): boolean {
  if (candidate.length < wanted.length) return false;
  let j = 0;
  for (let i = 0; i < candidate.length; i += 1) {
    const code = candidate.charCodeAt(i);
    if (isSeparator(code)) continue;
    if (j >= wanted.length) return false;
    const expected = wanted.charCodeAt(j);
    // ASCII letters compared without allocating; anything else through toLowerCase
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (
      lower !== expected &&
      (code < 128 || candidate.charAt(i).toLowerCase() !== wanted.charAt(j))
    )
      return false;
    j += 1;
  }
  return j === wanted.length;
}

/** The candidate written like `word` once both are normalised (the one that sorts first). */
function sameOnceNormalised(word: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalise(word);
  if (wanted === '') return undefined;
  let found: string | undefined;
  for (const candidate of candidates) {
    if (normalisesTo(candidate, wanted) && (found === undefined || candidate < found))
      found = candidate;
  }
  return found;
}

/**
 * The closest candidate to a misspelt word, if it is close enough to be a likely typo. A candidate
 * that differs only by case, spaces, dots, underscores or hyphens wins over any other.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.includes(word)) return word;
  const same = sameOnceNormalised(word, list);
  if (same !== undefined) return same;
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of list) {
    const distance = editDistance(word, candidate, bestDistance);
    if (
      distance < bestDistance ||
      (distance === bestDistance && best !== undefined && candidate < best)
    ) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * The `count` candidates nearest to `word`, once spellings are normalised: those that contain it
 * (or that it contains) first, then by edit distance, then in alphabetical order. What to show
 * when a list of allowed values is too long to print whole.
 */
export function nearest(word: string, candidates: readonly string[], count: number): string[] {
  const wanted = normalise(word);
  const score = (candidate: string): number => {
    const form = normalise(candidate);
    const contains = wanted !== '' && (form.includes(wanted) || wanted.includes(form));
    // containment ranks before any edit distance, nearer lengths first
    return contains
      ? Math.abs(form.length - wanted.length) - 1_000_000
      : editDistance(wanted, form);
  };
  return candidates
    .map((candidate) => ({ candidate, score: score(candidate) }))
    .sort((a, b) =>
      a.score !== b.score
        ? a.score - b.score
        : a.candidate < b.candidate
          ? -1
          : a.candidate > b.candidate
            ? 1
            : 0,
    )
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
