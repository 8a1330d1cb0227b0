/** Levenshtein distance, stopping early once above `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The spelling-insensitive form of a word: lower case, without spaces, dots, underscores or
 * hyphens, so that `TLS 1.3`, `Active-Passive` and `wpa2 psk` meet `tls1.3`, `active-passive` and
 * `wpa2-psk`.
 */
export function normalise(word: string): string {
  return word.toLowerCase().replace(/[\s._-]+/g, '');
}

/** The candidate written like `word` once both are normalised (the one that sorts first). */
function sameOnceNormalised(word: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalise(word);
  if (wanted === '') return undefined;
  let found: string | undefined;
  for (const candidate of candidates) {
    if (normalise(candidate) === wanted && (found === undefined || candidate < found))
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
