/**
 * Server state through TanStack Query.
 *
 * - `useApi(path)`: GETs JSON; the query key is `[path]`, so two components asking for the same
 *   path share one request and one cache entry. `null` path = idle. Returns
 *   `{ data, error, loading, reload }`; `loading` is true while there is nothing to show yet,
 *   while the previous path's data stands in for a new path, and after `reload()` — not during
 *   the silent background refresh when the window regains focus.
 * - `useApiMutation(fn)`: a change (POST/PUT/PATCH/DELETE); on success it invalidates the open
 *   workspace's queries (every key under `/api/workspaces/<id>`), or the prefixes given.
 * - `invalidateApi(client, prefix)`: the same invalidation, for code that calls `api()` itself.
 *
 * Failures: 4xx answers are not retried (they will not change); others are retried twice. A 401
 * goes through `api()`'s unauthorized handler (the app shows the sign-in page with a notice).
 */
import {
  QueryClient,
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { ApiFailure, api, wsPath } from './api';

export interface ApiState<T> {
  readonly data: T | null;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Whether a failed request is worth trying again (`count` failures so far). */
export function shouldRetry(count: number, error: unknown): boolean {
  if (error instanceof ApiFailure && error.status >= 400 && error.status < 500) return false;
  if (error instanceof DOMException && error.name === 'AbortError') return false;
  return count < 2;
}

/** The app's query client: the retry rule above, refresh on focus, a short freshness window. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        refetchOnWindowFocus: true,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
}

/** True for a query key made by `useApi` whose path starts with `prefix`. */
function keyStartsWith(key: readonly unknown[], prefix: string): boolean {
  const path = key[0];
  return (
    typeof path === 'string' &&
    (path === prefix ||
      path.startsWith(`${prefix}/`) ||
      path.startsWith(`${prefix}?`) ||
      prefix === '')
  );
}

/** Marks every `useApi` query under `prefix` stale and refetches the ones on screen. */
export function invalidateApi(client: QueryClient, prefix: string): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => keyStartsWith(query.queryKey, prefix) });
}

export function useApi<T>(path: string | null): ApiState<T> {
  const [reloading, setReloading] = useState(false);
  const query = useQuery({
    queryKey: [path],
    queryFn: ({ signal }) => api<T>(path ?? '', { signal }),
    enabled: path !== null,
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => {
    setReloading(true);
    void refetch().finally(() => {
      setReloading(false);
    });
  }, [refetch]);
  const enabled = path !== null;
  return {
    data: query.data ?? null,
    error: query.error ?? null,
    loading: enabled && (query.isPending || query.isPlaceholderData || reloading),
    reload,
  };
}

/** The API prefix of the workspace in the URL (`/api/workspaces/<id>`), or '' outside one. */
function useWorkspacePrefix(): string {
  const { workspaceId } = useParams();
  return workspaceId === undefined ? '' : wsPath(workspaceId);
}

/**
 * A change sent to the server. `invalidate`: API path prefixes whose queries become stale on
 * success (default: the open workspace's, or everything outside a workspace).
 *
 *     const decide = useApiMutation((body: DecisionBody) =>
 *       api(wsPath(id, `/findings/${fid}/decision`), { method: 'PUT', body }));
 *     decide.mutate(body, { onSuccess: () => toast.success(t('…')) });
 */
export function useApiMutation<TResult, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  options: { readonly invalidate?: readonly string[] } = {},
): UseMutationResult<TResult, unknown, TVariables> {
  const client = useQueryClient();
  const workspacePrefix = useWorkspacePrefix();
  const prefixes = options.invalidate ?? [workspacePrefix];
  return useMutation<TResult, unknown, TVariables>({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(prefixes.map((prefix) => invalidateApi(client, prefix)));
    },
  });
}
