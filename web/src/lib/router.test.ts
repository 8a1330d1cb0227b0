import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  matchPath,
  parseSearchValue,
  useParams,
  useRouter,
  useSearchState,
  withQueryString,
  withSearchValue,
} from './router';
import { shouldRetry } from './use-api';
import { ApiFailure } from './api';

describe('matchPath', () => {
  it('gives the decoded params of a matching path', () => {
    expect(matchPath('/w/:workspaceId/findings/:findingId', '/w/ws%201/findings/F-1')).toEqual({
      workspaceId: 'ws 1',
      findingId: 'F-1',
    });
    expect(matchPath('/w/:id/explore/:kind/:e', '/w/a/explore/assets/x%2Fy')).toEqual({
      id: 'a',
      kind: 'assets',
      e: 'x/y',
    });
    expect(matchPath('/w/:id', '/w/a/')).toEqual({ id: 'a' });
  });

  it('gives null for another shape or a malformed escape', () => {
    expect(matchPath('/w/:id', '/w/a/findings')).toBeNull();
    expect(matchPath('/w/:id/findings', '/w/a/paths')).toBeNull();
    expect(matchPath('/w/:id', '/w/%E0%A4%A')).toBeNull();
  });
});

describe('search parameters as state', () => {
  it('reads a value as the type of its default, junk as the default', () => {
    expect(parseSearchValue('3', 1)).toBe(3);
    expect(parseSearchValue('x', 1)).toBe(1);
    expect(parseSearchValue('', 1)).toBe(1);
    expect(parseSearchValue(null, 'all')).toBe('all');
    expect(parseSearchValue('open', 'all')).toBe('open');
    expect(parseSearchValue('1', false)).toBe(true);
    expect(parseSearchValue('false', true)).toBe(false);
    expect(parseSearchValue('maybe', true)).toBe(true);
  });

  it('leaves defaults and empty values out of the URL and keeps the other parameters', () => {
    const search = new URLSearchParams('v=3&page=2');
    expect(withSearchValue(search, 'page', 1, 1).toString()).toBe('v=3');
    expect(withSearchValue(search, 'page', 4, 1).toString()).toBe('v=3&page=4');
    expect(withSearchValue(search, 'q', 'srv', '').toString()).toBe('v=3&page=2&q=srv');
    expect(withSearchValue(search, 'v', '', 'x').toString()).toBe('page=2');
    expect(withSearchValue(search, 'all', true, false).toString()).toBe('v=3&page=2&all=1');
    expect(search.toString()).toBe('v=3&page=2'); // not modified
    expect(withQueryString('/w/a', new URLSearchParams())).toBe('/w/a');
    expect(withQueryString('/w/a', new URLSearchParams('q=1'))).toBe('/w/a?q=1');
  });

  it('useSearchState, useParams and useRouter read the router’s location', () => {
    function Probe() {
      const [page] = useSearchState('page', 1);
      const [q] = useSearchState('q', '');
      const { findingId = '' } = useParams('/w/:workspaceId/findings/:findingId');
      const { location } = useRouter();
      return createElement('p', null, `${location.path}|${findingId}|${page + 1}|${q}`);
    }
    const router = createMemoryRouter([{ path: '*', Component: Probe }], {
      initialEntries: ['/w/a/findings/F-2?page=3&q=t%C3%A9'],
    });
    const html = renderToString(createElement(RouterProvider, { router }));
    expect(html).toContain('/w/a/findings/F-2|F-2|4|té');
  });
});

describe('shouldRetry', () => {
  it('retries network and server failures twice, never client errors', () => {
    expect(shouldRetry(0, new ApiFailure(0, null))).toBe(true);
    expect(shouldRetry(1, new ApiFailure(503, null))).toBe(true);
    expect(shouldRetry(2, new ApiFailure(503, null))).toBe(false);
    expect(shouldRetry(0, new ApiFailure(404, null))).toBe(false);
    expect(shouldRetry(0, new ApiFailure(401, null))).toBe(false);
    expect(shouldRetry(0, new ApiFailure(429, null))).toBe(false);
  });
});
