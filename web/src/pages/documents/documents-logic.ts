/**
 * Pure helpers of the documents page: the choices offered, file sizes in the UI language, the
 * polling decision and which documents just finished (for the live announcement).
 */
import type { DocumentView, Lang } from '../../../../src/platform/api/types';

export const DOCUMENT_KINDS = [
  'dat',
  'analysis',
  'pra',
] as const satisfies readonly DocumentView['kind'][];

/** The kind a link asks for (`/documents?kind=pra`), else the DAT. */
export function requestedKind(search: string | null): (typeof DOCUMENT_KINDS)[number] {
  return DOCUMENT_KINDS.find((k) => k === search) ?? 'dat';
}
export const DOCUMENT_FORMATS = [
  'pdf',
  'docx',
  'html',
  'md',
] as const satisfies readonly DocumentView['format'][];
export const DOCUMENT_LANGS = ['fr', 'en'] as const satisfies readonly Lang[];

/**
 * The language preselected for a new document: the user's pick, else the language the model
 * names (`organisation.locale`), else the UI's. `modelLocale` is undefined while unknown
 * (loading, or the server could not tell) and null when the model names none. `send` is the
 * request's `lang`: undefined when neither the user nor the model decided yet, so that the
 * server applies the model's language itself.
 */
export function documentLanguage(
  picked: Lang | null,
  modelLocale: Lang | null | undefined,
  uiLang: Lang,
): { readonly lang: Lang; readonly isModels: boolean; readonly send: Lang | undefined } {
  const lang = picked ?? modelLocale ?? uiLang;
  return {
    lang,
    isModels: modelLocale !== undefined && modelLocale !== null && lang === modelLocale,
    send: picked === null && modelLocale === undefined ? undefined : lang,
  };
}

/** How often the list is fetched again while a document is queued or running. */
export const POLL_INTERVAL_MS = 1500;

export function isPending(document: DocumentView): boolean {
  return document.status === 'queued' || document.status === 'running';
}

/** Poll while at least one document is queued or running. */
export function shouldPoll(documents: readonly DocumentView[] | null): boolean {
  return documents !== null && documents.some(isPending);
}

/**
 * Documents that were queued or running in `previous` and are now done or failed in `next`
 * (nothing on the first load, so opening the page announces nothing).
 */
export function finishedSince(
  previous: readonly DocumentView[] | null,
  next: readonly DocumentView[],
): DocumentView[] {
  if (previous === null) return [];
  const wasPending = new Set(previous.filter(isPending).map((d) => d.id));
  return next.filter((d) => wasPending.has(d.id) && !isPending(d));
}

/** Puts a just-created document first, replacing an older copy of it. */
export function upsertDocument(
  documents: readonly DocumentView[] | null,
  document: DocumentView,
): DocumentView[] {
  return [document, ...(documents ?? []).filter((d) => d.id !== document.id)];
}

const UNITS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['B', 'KB', 'MB', 'GB'],
  fr: ['o', 'Ko', 'Mo', 'Go'],
};

/** `532 B`, `12.4 KB`, `3.1 MB` (1 KB = 1024 B); French: `12,4 Ko`. */
export function formatSize(bytes: number, lang: Lang): string {
  const units = UNITS[lang];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
  return `${number}\u00a0${units[unit] ?? ''}`;
}

const EXTENSIONS: Readonly<Record<DocumentView['format'], string>> = {
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  md: 'md',
};

/** The file name to save under when the server gives none. */
export function fallbackFileName(document: DocumentView): string {
  return `${document.kind}-v${document.version}-${document.lang}.${EXTENSIONS[document.format]}`;
}

/** 0–100, clamped, for the progress bar; null when the server gives no progress. */
export function progressPercent(progress: number | null): number | null {
  if (progress === null || !Number.isFinite(progress)) return null;
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}
