/**
 * The language a model version names (`organisation.locale`), asked of the server for the
 * version chosen: null when the model names none, undefined while loading or when the server
 * could not tell (the request then leaves the choice to the server). Kept per version while the
 * page is open; the request is cancelled when the version changes or the page closes.
 */
import { useEffect, useState } from 'react';
import type { DocumentLanguageResponse, Lang } from '../../../../src/platform/api/types';
import { api } from '../../lib/api';

export function useModelLanguage(path: string, version: number | null): Lang | null | undefined {
  const [known, setKnown] = useState<ReadonlyMap<string, Lang | null>>(new Map());
  const key = version === null ? null : `${path}|${String(version)}`;
  const found = key === null ? undefined : known.get(key);

  useEffect(() => {
    if (key === null || version === null || found !== undefined) return;
    const controller = new AbortController();
    api<DocumentLanguageResponse>(`${path}?version=${String(version)}`, {
      signal: controller.signal,
    })
      .then(({ modelLocale }) => {
        setKnown((previous) => new Map(previous).set(key, modelLocale));
      })
      // not fatal: the server applies the model's language to a request without one
      .catch(() => undefined);
    return () => {
      controller.abort();
    };
  }, [path, version, key, found]);

  return found;
}
