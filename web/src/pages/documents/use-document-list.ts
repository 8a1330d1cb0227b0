/**
 * The workspace's documents, fetched again every POLL_INTERVAL_MS while one is queued or
 * running (the timer and the request are cancelled on unmount). `onFinished` hears about
 * documents that finished (done or failed) since the previous fetch.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentView } from '../../../../src/platform/api/types';
import { api } from '../../lib/api';
import { POLL_INTERVAL_MS, finishedSince, shouldPoll, upsertDocument } from './documents-logic';

export interface DocumentList {
  readonly documents: readonly DocumentView[] | null;
  readonly error: unknown;
  readonly polling: boolean;
  readonly reload: () => void;
  /** Shows a document the server just accepted, then fetches the list again. */
  readonly add: (document: DocumentView) => void;
}

export function useDocumentList(
  path: string,
  onFinished: (documents: readonly DocumentView[]) => void,
): DocumentList {
  const [documents, setDocuments] = useState<readonly DocumentView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const shown = useRef<readonly DocumentView[] | null>(null);
  const notify = useRef(onFinished);
  useEffect(() => {
    notify.current = onFinished;
  });

  useEffect(() => {
    const controller = new AbortController();
    api<{ documents: DocumentView[] }>(path, { signal: controller.signal })
      .then(({ documents: next }) => {
        const finished = finishedSince(shown.current, next);
        shown.current = next;
        setDocuments(next);
        setError(null);
        if (finished.length > 0) notify.current(finished);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
      });
    return () => {
      controller.abort();
    };
  }, [path, tick]);

  // Each fetch gives a new list; while something is pending, schedule the next one.
  // A failed fetch leaves the list unchanged, so polling stops until the user retries.
  const polling = shouldPoll(documents);
  useEffect(() => {
    if (!shouldPoll(documents)) return;
    const timer = window.setTimeout(() => {
      setTick((n) => n + 1);
    }, POLL_INTERVAL_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [documents]);

  const reload = useCallback(() => {
    setTick((n) => n + 1);
  }, []);
  const add = useCallback((document: DocumentView) => {
    shown.current = upsertDocument(shown.current, document);
    setDocuments(shown.current);
    // A poll already in flight may predate the document: fetch again (it aborts that one).
    setTick((n) => n + 1);
  }, []);
  return { documents, error, polling, reload, add };
}
