/**
 * The `document.generate` job: given `{ documentId }`, reads the document row and its model
 * version from the store, generates the file and stores its bytes in the row. Any server
 * instance's worker may run it. An invalid model fails the document for good (no retry); other
 * errors are thrown so the worker retries, and `failed` records the last one when it gives up.
 * With a thread pool (what `vigie serve` passes), the generation runs in a worker thread so that
 * the instance keeps answering HTTP requests; a thread that crashes or times out is an error
 * like any other (retried).
 */
import { z } from 'zod';
import type { JobHandler } from '../jobs/worker.js';
import type { Store } from '../store/index.js';
import type { ThreadPool } from '../threads/pool.js';
import type { DocumentTaskInput } from '../threads/tasks.js';
import { generateDocument, type GenerateResult } from './generate.js';

export const DOCUMENT_JOB_KIND = 'document.generate';

export const documentJobPayload = z.object({ documentId: z.uuid() });
export type DocumentJobPayload = z.infer<typeof documentJobPayload>;

export interface DocumentJobOptions {
  /** Today's date for the document (default: the store clock's UTC date). */
  readonly today?: () => string;
  /** Runs the generation off the main thread (default: in-process, blocking the event loop). */
  readonly threads?: ThreadPool;
}

function versionMissing(lang: string, version: number): string {
  return lang === 'fr'
    ? `La version ${String(version)} du modèle n'existe plus.`
    : `Version ${String(version)} of the model no longer exists.`;
}

export function createDocumentJobHandler(
  store: Store,
  options: DocumentJobOptions = {},
): JobHandler {
  const today = options.today ?? (() => store.clock().toISOString().slice(0, 10));
  const { threads } = options;
  const generate = (input: DocumentTaskInput): Promise<GenerateResult> =>
    threads === undefined
      ? generateDocument(input.files, input.request)
      : threads.run('document.generate', input);
  return {
    kind: DOCUMENT_JOB_KIND,

    async run(payload, _job, context) {
      const { documentId } = documentJobPayload.parse(payload);
      const document = await store.documents.getById(documentId);
      // Deleted with its workspace, or already finished by an earlier attempt.
      if (document === undefined) return { skipped: 'missing' };
      if (!(await store.documents.markRunning(documentId))) return { skipped: document.status };
      const [version, workspace, author] = await Promise.all([
        store.versions.get(document.workspaceId, document.version),
        store.workspaces.getById(document.workspaceId),
        document.createdBy === null ? undefined : store.users.findById(document.createdBy),
      ]);
      if (version === undefined || workspace === undefined) {
        await store.documents.fail(documentId, versionMissing(document.locale, document.version));
        return { status: 'failed' };
      }
      const started = performance.now();
      const result = await generate({
        files: version.files,
        request: {
          kind: document.kind,
          format: document.format,
          lang: document.locale,
          version: document.version,
          slug: workspace.slug,
          today: today(),
          ...(author === undefined ? {} : { author: author.displayName }),
        },
      });
      if (!result.ok) {
        await store.documents.fail(documentId, result.error);
        return { status: 'failed', code: result.code };
      }
      const { bytes } = result.value;
      // Another instance took the job over (this one stalled past its lease): it stores the file.
      if (context.signal.aborted) return { skipped: 'lease_lost' };
      await store.documents.complete(documentId, {
        fileName: result.value.fileName,
        contentType: result.value.contentType,
        // a view, not a copy, of the bytes the thread sent
        content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      });
      return {
        status: 'done',
        size: result.value.bytes.length,
        ms: Math.round(performance.now() - started),
        ...(result.value.pages === undefined ? {} : { pages: result.value.pages }),
      };
    },

    async failed(payload, error) {
      const parsed = documentJobPayload.safeParse(payload);
      if (!parsed.success) return;
      const document = await store.documents.getById(parsed.data.documentId);
      if (document === undefined) return;
      const message =
        document.locale === 'fr'
          ? `La génération a échoué : ${error}`
          : `Generation failed: ${error}`;
      await store.documents.fail(document.id, message);
    },
  };
}
