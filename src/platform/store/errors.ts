/** Errors thrown by the store, each with a stable `code` (mapped to HTTP statuses elsewhere). */
export class ConflictError extends Error {
  readonly code = 'store.conflict';
  constructor(
    message: string,
    readonly expected: number | null,
    readonly actual: number | null,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class UniqueViolationError extends Error {
  readonly code = 'store.unique_violation';
  constructor(message: string) {
    super(message);
    this.name = 'UniqueViolationError';
  }
}

export class NotFoundError extends Error {
  readonly code = 'store.not_found';
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** True for a unique or primary-key violation on PostgreSQL (23505) or SQLite. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * True when the database (or a file write) failed for lack of space: SQLite's SQLITE_FULL,
 * PostgreSQL's 53100 disk_full, the system's ENOSPC or EDQUOT (quota). Nothing was written; the
 * same request succeeds once space is freed.
 */
export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC' || code === 'EDQUOT';
}
