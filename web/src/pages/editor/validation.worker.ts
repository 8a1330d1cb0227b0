/**
 * The YAML editor's validation worker: the model loader runs here, off the page's thread, so
 * typing stays fluid on a large model. Messages: `saved` (the saved files, the fallback for a
 * file that stops parsing) and `check` (the edited files; answered with the same `id`).
 */
import './browser-globals';
import { LiveChecker } from './live-check';
import type { WorkerAnswer, WorkerRequest } from './live-protocol';

const checker = new LiveChecker();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(answer: WorkerAnswer): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'saved') {
    checker.setSaved(request.files);
    return;
  }
  try {
    scope.postMessage({ id: request.id, result: checker.check(request.files, request.lang) });
  } catch (error) {
    scope.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
