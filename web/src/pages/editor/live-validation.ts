/**
 * Validation as you type: after a pause in typing (300 ms) the edited files go to the validation
 * worker, which answers with the server's diagnostics for them. One check at a time: edits made
 * meanwhile are checked once it answers, and an answer for texts edited since is dropped. The
 * worker is started on the first check (it is its own lazy chunk).
 */
import type { Lang } from '../../../../src/platform/api/types';
import type { LiveResult } from './live-check';
import type { WorkerAnswer, WorkerRequest } from './live-protocol';

type Files = Readonly<Record<string, string>>;

export interface LiveValidationEvents {
  /** The current texts to check. */
  readonly files: () => Files;
  readonly lang: () => Lang;
  /** A check started (the texts changed since the last answer). */
  readonly onChecking: () => void;
  /** The answer for the current texts. */
  readonly onResult: (result: LiveResult) => void;
  /** The worker failed: live checks stop, saving still checks. */
  readonly onUnavailable: (reason: string) => void;
}

export const LIVE_DELAY_MS = 300;

export class LiveValidation {
  private worker: Worker | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sequence = 0;
  /** The id of the check the worker is working on (null: idle). */
  private inFlight: number | null = null;
  /** Edits made since the check in flight was sent. */
  private editedSinceSent = false;
  private saved: Files | null = null;
  /** The answer of the check in flight is for texts that were replaced (a version loaded). */
  private discardAnswer = false;
  private failed = false;

  constructor(
    private readonly events: LiveValidationEvents,
    private readonly delay = LIVE_DELAY_MS,
  ) {}

  private start(): Worker | null {
    if (this.failed) return null;
    if (this.worker !== null) return this.worker;
    try {
      const worker = new Worker(new URL('./validation.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
        this.answered(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.fail(event.message === '' ? 'worker error' : event.message);
      };
      this.worker = worker;
      if (this.saved !== null) this.post({ type: 'saved', files: this.saved });
      return worker;
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  private post(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  private fail(reason: string): void {
    this.failed = true;
    this.inFlight = null;
    this.worker?.terminate();
    this.worker = null;
    this.events.onUnavailable(reason);
  }

  /** The saved files (after loading or saving a version). */
  setSaved(files: Files): void {
    this.saved = files;
    if (this.worker !== null) this.post({ type: 'saved', files });
  }

  /** The texts changed: check them after the pause. */
  edited(): void {
    if (this.failed) return;
    if (this.inFlight !== null) this.editedSinceSent = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send();
    }, this.delay);
  }

  /** Checks now (after a file is added or removed, or to refresh). */
  checkNow(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.send();
  }

  private send(): void {
    if (this.inFlight !== null) {
      // checked once the worker answers the check in flight
      this.editedSinceSent = true;
      return;
    }
    const worker = this.start();
    if (worker === null) return;
    this.sequence += 1;
    this.inFlight = this.sequence;
    this.editedSinceSent = false;
    this.events.onChecking();
    this.post({
      type: 'check',
      id: this.sequence,
      files: this.events.files(),
      lang: this.events.lang(),
    });
  }

  /** Forgets pending checks (the texts were replaced by a loaded version). */
  discardPending(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.editedSinceSent = false;
    if (this.inFlight !== null) this.discardAnswer = true;
  }

  private answered(answer: WorkerAnswer): void {
    if (answer.id !== this.inFlight) return;
    this.inFlight = null;
    if (this.discardAnswer) {
      this.discardAnswer = false;
      if (this.editedSinceSent && this.timer === null) this.send();
      return;
    }
    if ('error' in answer) {
      this.fail(answer.error);
      return;
    }
    if (this.editedSinceSent) {
      // stale: the texts changed while it was checked; check them (unless still typing)
      if (this.timer === null) this.send();
      return;
    }
    this.events.onResult(answer.result);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = null;
  }
}
