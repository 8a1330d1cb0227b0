/**
 * Runs `work` over `items` with at most `limit` in flight, keeping the results in input order.
 * Once `isAborted()` says so, the remaining items are not started (their result is undefined).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  isAborted: () => boolean,
  work: (item: T, index: number) => Promise<R>,
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array<R | undefined>(items.length).fill(undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !isAborted()) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
