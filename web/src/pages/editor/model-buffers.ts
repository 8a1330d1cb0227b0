/**
 * The open model files as CodeMirror states (one per file, each with its own undo history and
 * lint markers) shown in a single editor view. This is the only module importing CodeMirror, and
 * only the lazy editor page imports it, so CodeMirror stays out of the main bundle.
 */
import type { CompletionSource } from '@codemirror/autocomplete';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorSelection, EditorState, Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
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
        yaml(),
        this.events.complete === undefined
          ? []
          : yamlLanguage.data.of({ autocomplete: this.events.complete }),
        lintGutter(),
        EditorView.contentAttributes.of({
          'aria-label': this.events.label(file),
          'aria-describedby': this.events.describedBy,
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
