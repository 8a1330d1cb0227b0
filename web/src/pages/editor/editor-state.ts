/**
 * The model editor's state as a reducer: which files exist and which differ from the saved
 * version, the selected file, the diagnostics shown, the save form and its outcome. The texts
 * themselves live in `ModelBuffers` (CodeMirror); the page calls the API and the buffers, and
 * tells the reducer what happened. Pure, so every transition is tested without a browser.
 */
import type { DiagnosticView } from '../../../../src/platform/api/types';
import type { KeptCopy, Outcome } from './EditorOutcome';
import type { FileNameProblem } from './files';
import type { SaveFailure } from './save-failure';

type Files = Readonly<Record<string, string>>;

export type LiveStatus = 'idle' | 'checking' | 'checked' | 'unavailable';

export interface EditorState {
  /** The version the edits start from (null: no version yet). */
  readonly base: number | null;
  /** The files as last loaded or saved. */
  readonly savedFiles: Files;
  /** The files being edited, sorted. */
  readonly names: readonly string[];
  /** Saved files whose text differs from the saved one. */
  readonly dirty: ReadonlySet<string>;
  readonly selected: string | null;
  readonly diagnostics: readonly DiagnosticView[];
  /** Problems the live check left out because they follow from a syntax error. */
  readonly hidden: number;
  /**
   * The live check of the edited texts: `idle` (the diagnostics are those of the saved version
   * or of the last save), `checking`, `checked` (they are those of the texts as typed), or
   * `unavailable` (the worker failed: saving still checks).
   */
  readonly live: LiveStatus;
  readonly message: string;
  /** True once a save was tried without a message, until one is typed. */
  readonly messageError: boolean;
  readonly saving: boolean;
  readonly outcome: Outcome | null;
  /** The edits kept after a conflict, offered for download. */
  readonly kept: KeptCopy | null;
  readonly newName: string;
  readonly nameProblem: FileNameProblem | null;
}

export type EditorAction =
  | {
      readonly type: 'loaded';
      readonly files: Files;
      readonly diagnostics: readonly DiagnosticView[];
    }
  | { readonly type: 'edited'; readonly file: string; readonly dirty: boolean }
  | { readonly type: 'live-checking' }
  | {
      readonly type: 'live-checked';
      readonly diagnostics: readonly DiagnosticView[];
      readonly hidden: number;
    }
  | { readonly type: 'live-unavailable' }
  | { readonly type: 'selected'; readonly file: string | null }
  | { readonly type: 'message'; readonly text: string }
  | { readonly type: 'message-missing' }
  | { readonly type: 'nothing-to-save' }
  | { readonly type: 'save-started' }
  | { readonly type: 'saved'; readonly number: number; readonly files: Files }
  | {
      readonly type: 'save-failed';
      readonly failure: SaveFailure;
      readonly files: Files;
    }
  | { readonly type: 'save-ended' }
  | { readonly type: 'latest-opened'; readonly copy: KeptCopy; readonly actual: number | null }
  | { readonly type: 'new-name'; readonly text: string }
  | { readonly type: 'name-refused'; readonly problem: FileNameProblem }
  | { readonly type: 'file-added'; readonly name: string }
  | { readonly type: 'file-removed'; readonly name: string };

const NOTHING_DIRTY: ReadonlySet<string> = new Set();

export function initialEditorState(base: number | null): EditorState {
  return {
    base,
    savedFiles: {},
    names: [],
    dirty: NOTHING_DIRTY,
    selected: null,
    diagnostics: [],
    hidden: 0,
    live: 'idle',
    message: '',
    messageError: false,
    saving: false,
    outcome: null,
    kept: null,
    newName: '',
    nameProblem: null,
  };
}

function withDirty(
  dirty: ReadonlySet<string>,
  file: string,
  isDirty: boolean,
): ReadonlySet<string> {
  if (dirty.has(file) === isDirty) return dirty;
  const next = new Set(dirty);
  if (isDirty) next.add(file);
  else next.delete(file);
  return next;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'loaded': {
      const names = Object.keys(action.files).sort();
      const { selected } = state;
      return {
        ...state,
        savedFiles: action.files,
        names,
        dirty: NOTHING_DIRTY,
        diagnostics: action.diagnostics,
        hidden: 0,
        live: state.live === 'unavailable' ? 'unavailable' : 'idle',
        // the file being read stays open when the new version still has it
        selected:
          selected !== null && Object.hasOwn(action.files, selected)
            ? selected
            : (names[0] ?? null),
      };
    }
    case 'edited': {
      const dirty = withDirty(state.dirty, action.file, action.dirty);
      return dirty === state.dirty ? state : { ...state, dirty };
    }
    case 'live-checking':
      return state.live === 'checking' ? state : { ...state, live: 'checking' };
    case 'live-checked':
      return { ...state, diagnostics: action.diagnostics, hidden: action.hidden, live: 'checked' };
    case 'live-unavailable':
      return { ...state, live: 'unavailable' };
    case 'selected':
      return { ...state, selected: action.file };
    case 'message':
      return {
        ...state,
        message: action.text,
        messageError: action.text.trim() === '' ? state.messageError : false,
      };
    case 'message-missing':
      return { ...state, messageError: true };
    case 'nothing-to-save':
      return { ...state, outcome: { kind: 'nothing' } };
    case 'save-started':
      return { ...state, saving: true, outcome: null };
    case 'saved':
      return {
        ...state,
        outcome: { kind: 'saved', number: action.number },
        savedFiles: action.files,
        dirty: NOTHING_DIRTY,
        message: '',
        messageError: false,
        kept: null,
        base: action.number,
      };
    case 'save-failed':
      return {
        ...state,
        ...(action.failure.kind === 'invalid'
          ? { diagnostics: action.failure.diagnostics, hidden: 0 }
          : {}),
        outcome: { kind: 'failed', failure: action.failure, files: action.files, base: state.base },
      };
    case 'save-ended':
      return { ...state, saving: false };
    case 'latest-opened':
      return {
        ...state,
        kept: action.copy,
        outcome: null,
        dirty: NOTHING_DIRTY,
        base: action.actual ?? state.base,
      };
    case 'new-name':
      return { ...state, newName: action.text, nameProblem: null };
    case 'name-refused':
      return { ...state, nameProblem: action.problem };
    case 'file-added': {
      const { name } = action;
      return {
        ...state,
        names: [...state.names, name].sort(),
        // re-adding a removed file: it starts empty, so it differs unless it was empty
        dirty:
          (state.savedFiles[name] ?? '') === '' ? state.dirty : withDirty(state.dirty, name, true),
        selected: name,
        newName: '',
        nameProblem: null,
      };
    }
    case 'file-removed': {
      const rest = state.names.filter((n) => n !== action.name);
      return {
        ...state,
        names: rest,
        dirty: withDirty(state.dirty, action.name, false),
        selected: state.selected === action.name ? (rest[0] ?? null) : state.selected,
      };
    }
  }
}

/** How many files were added, removed and changed against the saved version. */
export function editorChanges(state: EditorState): {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
} {
  const { names, savedFiles, dirty } = state;
  return {
    added: names.filter((n) => !Object.hasOwn(savedFiles, n)).length,
    removed: Object.keys(savedFiles).filter((n) => !names.includes(n)).length,
    changed: names.filter((n) => Object.hasOwn(savedFiles, n) && dirty.has(n)).length,
  };
}

/** True when a file is new or differs from the saved version (the "unsaved" badge). */
export function isUnsaved(state: EditorState, name: string): boolean {
  return state.dirty.has(name) || !Object.hasOwn(state.savedFiles, name);
}
