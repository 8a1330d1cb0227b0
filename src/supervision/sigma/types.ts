/**
 * Shared types of the Sigma module. The module is self-contained: it imports nothing from the
 * rest of Vigie, so it can be published on its own (parse → compile → match events / stream).
 */

/** Messages are written in both languages; callers pick one. */
export type SigmaLocale = 'en' | 'fr';

export interface SigmaText {
  readonly en: string;
  readonly fr: string;
}

/** A located problem in a rule file, a pipeline or an input (never an exception). */
export interface SigmaDiagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: SigmaText;
  readonly file: string;
  /** 1-based; 0 when the problem has no position. */
  readonly line: number;
  readonly column: number;
  /** Path inside the YAML document, e.g. `detection.selection.Image|endswith`. */
  readonly path: string;
}

/**
 * An event as the detection engine sees it: a flat record of field name → value, after the
 * input's normalisation (Windows events flattened, field names without spaces). Values are
 * strings, numbers, booleans, null, or arrays of those.
 */
export type SigmaEvent = Readonly<Record<string, unknown>>;

/** Where an event comes from, for routing it to the rules whose logsource it matches. */
export interface EventSource {
  readonly product?: string;
  readonly service?: string;
  readonly category?: string;
  /** Windows channel (e.g. `Microsoft-Windows-Sysmon/Operational`, `Security`). */
  readonly channel?: string;
  /** Windows provider name (e.g. `Microsoft-Windows-Sysmon`). */
  readonly provider?: string;
  readonly eventId?: number;
}

/** One event read from an input, with where it came from. */
export interface InputRecord {
  /** The event normalised for detection. */
  readonly event: SigmaEvent;
  /** File it was read from, as given by the caller. */
  readonly file: string;
  /** 1-based record number in that file (line for line-based formats). */
  readonly line: number;
  /** Event time in milliseconds since the epoch, when the input has one. */
  readonly time?: number;
  readonly source: EventSource;
}
