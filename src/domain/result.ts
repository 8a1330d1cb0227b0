/** Outcome of a pure operation that can fail in an expected way. */
export type Result<T, E extends { readonly code: string }> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E extends { readonly code: string }>(
  error: E,
): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
