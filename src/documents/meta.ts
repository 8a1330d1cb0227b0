/**
 * The metadata every document builder fills the same way: what the caller gives (version, date,
 * author, classification, history) around the document's own title and organisation.
 */
import type { DocumentLocale, DocumentMeta, HistoryEntry } from './model.js';

/** What the caller says of a document to build. */
export interface DocumentOptions {
  /** Version of the document, e.g. `1.0`. */
  readonly version: string;
  /** ISO date of the document (YYYY-MM-DD): documents never read the clock. */
  readonly date: string;
  readonly author: string;
  /** Classification marking, e.g. `Diffusion restreinte`. */
  readonly classification: string;
  /** Earlier versions; when absent or empty, one entry for this version ("First issue"). */
  readonly history?: readonly HistoryEntry[];
}

/** What a document says of itself. */
export interface DocumentIdentity {
  readonly title: string;
  readonly subtitle: string;
  readonly organisation: string;
  readonly lang: DocumentLocale;
  /** The changes of the default history entry, in the document's language. */
  readonly firstIssue: string;
}

/** The metadata of a document, with its default history. */
export function documentMeta(options: DocumentOptions, identity: DocumentIdentity): DocumentMeta {
  const { version, date, author, classification } = options;
  const history: readonly HistoryEntry[] =
    options.history !== undefined && options.history.length > 0
      ? options.history
      : [{ version, date, author, changes: identity.firstIssue }];
  return {
    title: identity.title,
    subtitle: identity.subtitle,
    organisation: identity.organisation,
    version,
    date,
    author,
    classification,
    lang: identity.lang,
    history,
  };
}
