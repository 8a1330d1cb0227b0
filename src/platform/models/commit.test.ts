import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, failInserts, openOwnedWorkspace } from '../store/test-support.js';
import type { OwnedWorkspace } from '../store/test-support.js';
import { commitModelEdit, filesProblem, MAX_MODEL_FILES } from './commit.js';
import type { CommitContext, ModelChange, ModelCommand, ModelThreads } from './commit.js';
import { applyModelEdit } from './edit-task.js';
import { validateModelFiles } from './validation.js';

const MINIMAL = readFileSync(
  new URL('../../../examples/minimal/model.yaml', import.meta.url),
  'utf8',
);

/** The model thread's work, done in this thread. */
const inline: ModelThreads = {
  validateFiles: (files, locale) => Promise.resolve(validateModelFiles(files, locale)),
  editFiles: (files, edit) => Promise.resolve(applyModelEdit(files, edit)),
};

describe('filesProblem', () => {
  it('names the first problem of the files, or none', () => {
    expect(filesProblem({ 'model.yaml': 'x' }, 10)).toBeUndefined();
    expect(filesProblem({}, 10)).toEqual({ code: 'no_files' });
    const many = Object.fromEntries(
      Array.from({ length: MAX_MODEL_FILES + 1 }, (_, i) => [`f${String(i)}.yaml`, '']),
    );
    expect(filesProblem(many, 10)).toMatchObject({ code: 'too_many_files' });
    expect(filesProblem({ '../x.yaml': '' }, 10)).toEqual({
      code: 'invalid_file_name',
      files: ['../x.yaml'],
    });
    expect(filesProblem({ 'model.yaml': 'é'.repeat(6) }, 10)).toEqual({
      code: 'model_too_large',
      maxBytes: 10,
      totalBytes: 12,
    });
  });
});

describe.each(STORE_DIALECTS)('commitModelEdit on %s', (dialect) => {
  let t: OwnedWorkspace;
  let context: CommitContext;
  beforeEach(async () => {
    t = await openOwnedWorkspace(dialect);
    context = { store: t.store, threads: inline, maxModelBytes: 1024 * 1024 };
  });
  afterEach(async () => {
    await t.dispose();
  });

  const command = <C extends ModelChange>(
    expectedLatest: number | null,
    change: C,
  ): ModelCommand<C> => ({
    workspaceId: t.workspaceId,
    expectedLatest,
    change,
    authorId: t.userId,
    locale: 'en',
    message: () => `after ${String(expectedLatest)}`,
    audit: (number) => ({
      action: 'model.version',
      entityKind: 'model_version',
      entityId: String(number),
    }),
  });
  const replace = (text = MINIMAL): ModelChange => ({
    op: 'replace',
    files: { 'model.yaml': text },
  });
  const numbers = async (): Promise<number[]> =>
    (await t.store.versions.list(t.workspaceId)).map((v) => v.number);
  const audited = async (): Promise<(string | null)[]> =>
    (await t.store.audit.exportAll(t.workspaceId)).map((e) => e.entityId);

  it('appends the version with its audit entry and returns the validation', async () => {
    const result = await commitModelEdit(context, command(null, replace()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toMatchObject({ number: 1, message: 'after null' });
    expect(result.value.validation.valid).toBe(true);
    expect(result.value.outcome).toBeNull();
    expect(await numbers()).toEqual([1]);
    expect(await audited()).toEqual(['1']);
  });

  it('edits the latest version and hands the outcome to the message and the audit entry', async () => {
    await commitModelEdit(context, command(null, replace()));
    const result = await commitModelEdit(context, {
      ...command(1, {
        op: 'update',
        kind: 'assets',
        id: 'box-internet',
        fields: { name: 'Box fibre' },
      }),
      message: (edit) => `edit ${edit.id}`,
      audit: (number, edit) => ({
        action: 'model.entity.update',
        entityKind: 'assets',
        entityId: edit.id,
        after: { version: number, fields: edit.after },
      }),
    });
    expect(result.ok).toBe(true);
    const latest = await t.store.versions.latest(t.workspaceId);
    expect(latest?.message).toBe('edit box-internet');
    expect(latest?.files['model.yaml']).toContain('Box fibre');
    const entry = (await t.store.audit.exportAll(t.workspaceId))[1];
    expect(entry?.after).toMatchObject({ version: 2, fields: { name: 'Box fibre' } });
  });

  it('refuses a stale base, a failed edit, bad files and an invalid model, storing nothing', async () => {
    await commitModelEdit(context, command(null, replace()));
    expect(await commitModelEdit(context, command(null, replace()))).toEqual({
      ok: false,
      error: { code: 'conflict', expectedLatest: null, actualLatest: 1 },
    });
    const unknown = await commitModelEdit(
      context,
      command(1, { op: 'update', kind: 'assets', id: 'nope', fields: { name: 'x' } }),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'edit_failed' } });
    const tooLarge = await commitModelEdit(
      { ...context, maxModelBytes: 10 },
      command(1, replace()),
    );
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'model_too_large' } });
    const invalid = await commitModelEdit(context, command(1, replace('assets: [')));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_model' } });
    expect(await numbers()).toEqual([1]);
    expect(await audited()).toEqual(['1']);
  });

  it('answers conflict when another change lands while the model is validated', async () => {
    await commitModelEdit(context, command(null, replace()));
    const racing: CommitContext = {
      ...context,
      threads: {
        ...inline,
        validateFiles: async (files, locale) => {
          // another author saves version 2 meanwhile
          await t.store.versions.append(t.workspaceId, 1, files, 'other', t.userId);
          return validateModelFiles(files, locale);
        },
      },
    };
    expect(await commitModelEdit(racing, command(1, replace()))).toEqual({
      ok: false,
      error: { code: 'conflict', expectedLatest: 1, actualLatest: 2 },
    });
    expect(await numbers()).toEqual([2, 1]);
    expect(await audited()).toEqual(['1']);
  });

  it('throws a failed write and leaves neither the version nor its audit entry', async () => {
    const restore = await failInserts(t.store, 'audit_log');
    await expect(commitModelEdit(context, command(null, replace()))).rejects.toThrow(
      'injected write failure',
    );
    expect(await numbers()).toEqual([]);
    await restore();
    expect((await commitModelEdit(context, command(null, replace()))).ok).toBe(true);
    expect(await audited()).toEqual(['1']);
  });
});
