import { describe, expect, it } from 'vitest';
import type { DiagnosticView } from '../../../../src/platform/api/types';
import {
  editorChanges,
  editorReducer,
  initialEditorState,
  isUnsaved,
  type EditorAction,
  type EditorState,
} from './editor-state';

const FILES = { 'sites.yaml': 'sites: []\n', 'assets.yaml': 'assets: []\n', 'empty.yaml': '' };
const DIAGNOSTIC = {
  file: 'assets.yaml',
  line: 1,
  column: 1,
  severity: 'error',
  code: 'x',
  message: 'm',
} as unknown as DiagnosticView;

const run = (state: EditorState, ...actions: EditorAction[]): EditorState =>
  actions.reduce(editorReducer, state);

const loaded = (): EditorState =>
  run(initialEditorState(3), { type: 'loaded', files: FILES, diagnostics: [DIAGNOSTIC] });

describe('editorReducer', () => {
  it('loads a version: sorted names, nothing dirty, the first file selected', () => {
    const state = loaded();
    expect(state.names).toEqual(['assets.yaml', 'empty.yaml', 'sites.yaml']);
    expect(state.selected).toBe('assets.yaml');
    expect(state.diagnostics).toEqual([DIAGNOSTIC]);
    expect(editorChanges(state)).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('keeps the selected file across a reload when it still exists', () => {
    const state = run(loaded(), { type: 'selected', file: 'sites.yaml' });
    expect(run(state, { type: 'loaded', files: FILES, diagnostics: [] }).selected).toBe(
      'sites.yaml',
    );
    const rest = { 'assets.yaml': FILES['assets.yaml'], 'empty.yaml': '' };
    expect(run(state, { type: 'loaded', files: rest, diagnostics: [] }).selected).toBe(
      'assets.yaml',
    );
  });

  it('tracks edited files, and returns the same state when nothing changes', () => {
    const state = run(loaded(), { type: 'edited', file: 'sites.yaml', dirty: true });
    expect(editorChanges(state)).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(isUnsaved(state, 'sites.yaml')).toBe(true);
    expect(editorReducer(state, { type: 'edited', file: 'sites.yaml', dirty: true })).toBe(state);
    expect(run(state, { type: 'edited', file: 'sites.yaml', dirty: false }).dirty.size).toBe(0);
  });

  it('adds and removes files', () => {
    const added = run(loaded(), { type: 'file-added', name: 'new.yaml' });
    expect(added.names).toEqual(['assets.yaml', 'empty.yaml', 'new.yaml', 'sites.yaml']);
    expect(added.selected).toBe('new.yaml');
    expect(isUnsaved(added, 'new.yaml')).toBe(true);
    expect(editorChanges(added)).toEqual({ added: 1, removed: 0, changed: 0 });

    const removed = run(added, { type: 'file-removed', name: 'new.yaml' });
    expect(removed.selected).toBe('assets.yaml');
    expect(editorChanges(removed)).toEqual({ added: 0, removed: 0, changed: 0 });

    // a saved file removed then added again starts empty: changed unless it was empty
    const readded = run(
      loaded(),
      { type: 'file-removed', name: 'sites.yaml' },
      { type: 'file-added', name: 'sites.yaml' },
      { type: 'file-removed', name: 'empty.yaml' },
      { type: 'file-added', name: 'empty.yaml' },
    );
    expect([...readded.dirty]).toEqual(['sites.yaml']);
  });

  it('refuses a file name until it is edited', () => {
    const state = run(
      loaded(),
      { type: 'new-name', text: 'x' },
      { type: 'name-refused', problem: 'invalid' },
    );
    expect(state.nameProblem).toBe('invalid');
    expect(run(state, { type: 'new-name', text: 'x.yaml' }).nameProblem).toBeNull();
    expect(run(state, { type: 'file-added', name: 'x.yaml' })).toMatchObject({
      newName: '',
      nameProblem: null,
    });
  });

  it('asks for a message, and clears the error once one is typed', () => {
    const state = run(loaded(), { type: 'message-missing' });
    expect(state.messageError).toBe(true);
    expect(run(state, { type: 'message', text: '  ' }).messageError).toBe(true);
    expect(run(state, { type: 'message', text: 'fix' }).messageError).toBe(false);
  });

  it('saves: new base, saved files, form cleared', () => {
    const edited = { ...FILES, 'sites.yaml': 'sites: [a]\n' };
    const state = run(
      loaded(),
      { type: 'edited', file: 'sites.yaml', dirty: true },
      { type: 'message', text: 'fix' },
      { type: 'save-started' },
    );
    expect(state.saving).toBe(true);
    const saved = run(state, { type: 'saved', number: 4, files: edited }, { type: 'save-ended' });
    expect(saved).toMatchObject({
      base: 4,
      savedFiles: edited,
      message: '',
      saving: false,
      kept: null,
      outcome: { kind: 'saved', number: 4 },
    });
    expect(saved.dirty.size).toBe(0);
  });

  it('shows the diagnostics of a refused save, keeps the edits of a conflict', () => {
    const invalid = run(loaded(), {
      type: 'save-failed',
      failure: { kind: 'invalid', diagnostics: [] },
      files: FILES,
    });
    expect(invalid.diagnostics).toEqual([]);
    expect(invalid.outcome).toMatchObject({ kind: 'failed', base: 3 });

    const conflict = run(loaded(), {
      type: 'save-failed',
      failure: { kind: 'conflict', expected: 3, actual: 5 },
      files: FILES,
    });
    expect(conflict.diagnostics).toEqual([DIAGNOSTIC]);
    const reopened = run(conflict, {
      type: 'latest-opened',
      copy: { base: 3, files: FILES },
      actual: 5,
    });
    expect(reopened).toMatchObject({ base: 5, outcome: null, kept: { base: 3 } });
    expect(
      run(conflict, { type: 'latest-opened', copy: { base: 3, files: FILES }, actual: null }).base,
    ).toBe(3);
  });

  it('takes the live check: its diagnostics replace the others, the hidden count is kept', () => {
    const syntax = { ...DIAGNOSTIC, code: 'yaml-syntax' };
    const checking = run(loaded(), { type: 'live-checking' });
    expect(checking.live).toBe('checking');
    expect(run(checking, { type: 'live-checking' })).toBe(checking);
    const checked = run(checking, { type: 'live-checked', diagnostics: [syntax], hidden: 4 });
    expect(checked).toMatchObject({ live: 'checked', diagnostics: [syntax], hidden: 4 });
    // fixed: the error and the hidden count go
    const fixed = run(checked, { type: 'live-checked', diagnostics: [], hidden: 0 });
    expect(fixed).toMatchObject({ diagnostics: [], hidden: 0 });
    // a refused save shows the server's diagnostics, nothing hidden
    const refused = run(checked, {
      type: 'save-failed',
      failure: { kind: 'invalid', diagnostics: [DIAGNOSTIC] },
      files: FILES,
    });
    expect(refused).toMatchObject({ diagnostics: [DIAGNOSTIC], hidden: 0 });
    // a worker failure is remembered across loads
    const unavailable = run(checked, { type: 'live-unavailable' });
    expect(unavailable.live).toBe('unavailable');
    expect(run(unavailable, { type: 'loaded', files: FILES, diagnostics: [] }).live).toBe(
      'unavailable',
    );
    expect(run(checked, { type: 'loaded', files: FILES, diagnostics: [] })).toMatchObject({
      live: 'idle',
      hidden: 0,
    });
  });

  it('says when there is nothing to save', () => {
    expect(run(loaded(), { type: 'nothing-to-save' }).outcome).toEqual({ kind: 'nothing' });
  });
});
