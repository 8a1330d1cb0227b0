/**
 * The open model files as CodeMirror states (one per file, each with its own undo history and
 * lint markers) shown in a single editor view. This is the only module importing CodeMirror, and
 * only the lazy editor page imports it, so CodeMirror stays out of the main bundle.
 */
import type { CompletionSource } from '@codemirror/autocomplete';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorSelection, EditorState, Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import type { DiagnosticView } from '../../../../src/platform/api/types';
import { offsetAt, lineStarts, toLintRanges } from './diagnostics';

export interface BufferEvents {
  /** The text of `file` changed; `dirty` tells whether it differs from the saved text. */
  readonly onChange: (file: string, dirty: boolean) => void;
  /** The accessible name of the editor showing `file`. */
  readonly label: (file: string) => string;
  /** The id of the text describing the editor's keys. */
  readonly describedBy: string;
  /** Completion of the model's keys, values and ids. */
  readonly complete?: CompletionSource;
}

const toText = (text: string): Text => Text.of(text.split(/\r\n|\r|\n/));

/**
 * Syntax colours and editor surfaces from the page's theme variables (styles.css), so the editor
 * follows the light and dark themes with the same contrast as the rest of the page (CodeMirror's
 * default colours are for a light background only).
 */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--ok)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--high)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--muted)' },
  { tag: [tags.keyword, tags.meta, tags.labelName, tags.typeName], color: 'var(--critical)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);
const themed = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--surface)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--surface-hover)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    { backgroundColor: 'var(--nav-current-bg)' },
  '.cm-selectionMatch, .cm-searchMatch': { backgroundColor: 'var(--notice-bg)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-text)',
  },
  '.cm-completionDetail': { color: 'var(--muted)' },
  '.cm-panels': { backgroundColor: 'var(--surface)', color: 'var(--text)' },
});

export class ModelBuffers {
  private readonly states = new Map<string, EditorState>();
  private readonly saved = new Map<string, Text>();
  private view: EditorView | null = null;
  private current: string | null = null;

  constructor(private readonly events: BufferEvents) {}

  private create(file: string, text: string): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        themed,
        syntaxHighlighting(highlight),
        yaml(),
        this.events.complete === undefined
          ? []
          : yamlLanguage.data.of({ autocomplete: this.events.complete }),
        lintGutter(),
        EditorView.contentAttributes.of({
          'aria-label': this.events.label(file),
          'aria-describedby': this.events.describedBy,
          // already focusable (contenteditable); said so for checkers of scrollable regions
          tabindex: '0',
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          const saved = this.saved.get(file);
          this.events.onChange(file, saved === undefined || !update.state.doc.eq(saved));
        }),
      ],
    });
  }

  private stateOf(file: string): EditorState | undefined {
    if (file === this.current && this.view !== null) return this.view.state;
    return this.states.get(file);
  }

  /** Replaces every buffer with the saved files (after loading a version). */
  reset(files: Readonly<Record<string, string>>): void {
    this.states.clear();
    this.saved.clear();
    for (const [file, text] of Object.entries(files)) {
      this.saved.set(file, toText(text));
      this.states.set(file, this.create(file, text));
    }
    if (this.current !== null && !this.states.has(this.current)) this.current = null;
    this.view?.setState(this.visibleState());
  }

  add(file: string, text: string): void {
    this.states.set(file, this.create(file, text));
  }

  remove(file: string): void {
    if (this.current === file) this.show(null);
    this.states.delete(file);
  }

  /** Shows `file` in the view (null: an empty, read-only view). */
  show(file: string | null): void {
    if (file === this.current) return;
    if (this.current !== null && this.view !== null && this.states.has(this.current)) {
      this.states.set(this.current, this.view.state);
    }
    this.current = file;
    this.view?.setState(this.visibleState());
  }

  private visibleState(): EditorState {
    const state = this.current === null ? undefined : this.states.get(this.current);
    return state ?? EditorState.create({ doc: '', extensions: [EditorState.readOnly.of(true)] });
  }

  attach(parent: HTMLElement): void {
    this.detach();
    this.view = new EditorView({ state: this.visibleState(), parent });
  }

  detach(): void {
    if (this.view === null) return;
    if (this.current !== null && this.states.has(this.current)) {
      this.states.set(this.current, this.view.state);
    }
    this.view.destroy();
    this.view = null;
  }

  /** Takes the current texts as the saved ones (after a successful save). */
  markSaved(): void {
    for (const file of this.states.keys()) {
      const state = this.stateOf(file);
      if (state !== undefined) this.saved.set(file, state.doc);
    }
  }

  /** The current text of every buffer. */
  texts(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const file of [...this.states.keys()].sort()) {
      files[file] = this.stateOf(file)?.doc.toString() ?? '';
    }
    return files;
  }

  /** Puts the diagnostics as lint markers (gutter, underline, tooltip) in every buffer. */
  setDiagnostics(diagnostics: readonly DiagnosticView[]): void {
    for (const file of this.states.keys()) {
      const state = this.stateOf(file);
      if (state === undefined) continue;
      const ranges = toLintRanges(state.doc.toString(), file, diagnostics);
      const spec = setDiagnostics(state, ranges);
      if (file === this.current && this.view !== null) this.view.dispatch(spec);
      else this.states.set(file, state.update(spec).state);
    }
  }

  /** Shows `file`, puts the cursor at the 1-based line and column, and focuses the editor. */
  jump(file: string, line: number, column: number): void {
    if (!this.states.has(file)) return;
    this.show(file);
    const view = this.view;
    if (view === null) return;
    const text = view.state.doc.toString();
    const offset = offsetAt(text, lineStarts(text), line, column);
    view.dispatch({
      selection: EditorSelection.cursor(offset),
      effects: EditorView.scrollIntoView(offset, { y: 'center' }),
    });
    view.focus();
  }
}
