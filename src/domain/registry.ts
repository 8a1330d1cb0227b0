/**
 * Registries (rules, model checks, job handlers…) are explicit arrays indexed once at start-up.
 * Two entries with the same key are a programming error, so indexing throws: Vigie refuses to
 * start rather than run one of them silently. The Sigma engine keeps its own copy of this check
 * (src/supervision/sigma/modifiers/registry.ts): it imports nothing outside its folder.
 */

/** Entries by `keyOf`; throws `Duplicate <what>: <key>` on the first repeated key. */
export function indexUnique<T>(
  entries: readonly T[],
  keyOf: (entry: T) => string,
  what: string,
): ReadonlyMap<string, T> {
  const byKey = new Map<string, T>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (byKey.has(key)) throw new Error(`Duplicate ${what}: ${key}`);
    byKey.set(key, entry);
  }
  return byKey;
}

/** Entries by id; throws `Duplicate <what> id: <id>` on the first repeated id. */
export function indexById<T extends { readonly id: string }>(
  entries: readonly T[],
  what: string,
): ReadonlyMap<string, T> {
  return indexUnique(entries, (entry) => entry.id, `${what} id`);
}
