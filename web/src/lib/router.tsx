/**
 * The app's routing helpers, implemented on React Router 7 (data router, see web/src/routes.tsx):
 * `<Link to>`, `useRouter()` → `{ location: { path, search }, navigate }`, `useParams(pattern)`,
 * `matchPath(pattern, path)` and the URL's search parameters as typed state
 * (`useSearchState(key, default)`). Pages use these rather than React Router directly so the
 * routing library stays an implementation detail.
 */
import { forwardRef, useCallback, useMemo } from 'react';
import type { AnchorHTMLAttributes } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';

export interface Location {
  readonly path: string;
  readonly search: URLSearchParams;
}

export interface NavigateOptions {
  readonly replace?: boolean;
}

export interface RouterValue {
  readonly location: Location;
  readonly navigate: (to: string, options?: NavigateOptions) => void;
}

/** The current path and query, and `navigate(to, { replace })`. */
export function useRouter(): RouterValue {
  const current = useLocation();
  const go = useNavigate();
  const navigate = useCallback(
    (to: string, options?: NavigateOptions) => {
      void go(to, options?.replace === true ? { replace: true } : {});
    },
    [go],
  );
  const location = useMemo<Location>(
    () => ({ path: current.pathname, search: new URLSearchParams(current.search) }),
    [current.pathname, current.search],
  );
  return useMemo(() => ({ location, navigate }), [location, navigate]);
}

/**
 * Params of `pattern` (`/w/:workspaceId/findings/:findingId`) if `path` matches it segment for
 * segment (each param decoded once), else null. Pure, so it also works outside the router.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { readonly to: string };

/** An anchor that navigates in the app (a real href: opens in a new tab with ctrl/cmd-click). */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(
  { to, children, ...rest },
  ref,
) {
  return (
    <RouterLink ref={ref} to={to} {...rest}>
      {children}
    </RouterLink>
  );
});

/** Params of the current path for the page's own pattern (empty when it does not match). */
export function useParams(pattern: string): Record<string, string> {
  const { pathname } = useLocation();
  return useMemo(() => matchPath(pattern, pathname) ?? {}, [pattern, pathname]);
}

/** A value kept in the URL's query: string, number or boolean, typed by its default. */
export type SearchValue = string | number | boolean;

/** `raw` (from the query, null when absent) read as the type of `fallback`; junk → fallback. */
export function parseSearchValue<T extends SearchValue>(raw: string | null, fallback: T): T {
  if (raw === null) return fallback;
  if (typeof fallback === 'number') {
    const n = raw.trim() === '' ? Number.NaN : Number(raw);
    return (Number.isFinite(n) ? n : fallback) as T;
  }
  if (typeof fallback === 'boolean') {
    if (raw === '1' || raw === 'true') return true as T;
    if (raw === '0' || raw === 'false') return false as T;
    return fallback;
  }
  return raw as T;
}

/**
 * `search` with `key` set to `value`, or removed when `value` is the default (so URLs stay
 * short and shareable). Other parameters keep their order.
 */
export function withSearchValue<T extends SearchValue>(
  search: URLSearchParams,
  key: string,
  value: T,
  fallback: T,
): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value === fallback || value === '') next.delete(key);
  else next.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  return next;
}

/** `path` followed by `?query` when the query is not empty. */
export function withQueryString(path: string, search: URLSearchParams): string {
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * One query parameter as React state: `const [page, setPage] = useSearchState('page', 1)`.
 * Setting replaces the history entry (filters do not pile up in Back) unless `{ push: true }`;
 * the default value is left out of the URL.
 */
export function useSearchState<T extends SearchValue>(
  key: string,
  fallback: T,
): readonly [T, (value: T, options?: { readonly push?: boolean }) => void] {
  const { location, navigate } = useRouter();
  const value = parseSearchValue(location.search.get(key), fallback);
  const set = useCallback(
    (next: T, options?: { readonly push?: boolean }) => {
      const search = withSearchValue(location.search, key, next, fallback);
      navigate(withQueryString(location.path, search), { replace: options?.push !== true });
    },
    [location, navigate, key, fallback],
  );
  return [value, set] as const;
}
