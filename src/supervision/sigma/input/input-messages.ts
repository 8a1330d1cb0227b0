/**
 * The input diagnostics, by code, in English and French. Pure.
 */
import type { SigmaDiagnostic } from '../types.js';
import { inputDiagnostic, sample } from './diagnostics.js';

/** Builders of every diagnostic an input reader can yield. */
export const inputProblems = {
  unreadable: (file: string, reason: string): SigmaDiagnostic =>
    inputDiagnostic('input-unreadable', file, 0, {
      en: `Cannot read the input: ${reason}`,
      fr: `Impossible de lire l’entrée : ${reason}`,
    }),
  badJson: (file: string, line: number, text: string, reason: string): SigmaDiagnostic =>
    inputDiagnostic('input-bad-json', file, line, {
      en: `Record ${String(line)} is not valid JSON (${reason}): ${sample(text)}`,
      fr: `L’enregistrement ${String(line)} n’est pas du JSON valide (${reason}) : ${sample(text)}`,
    }),
  notObject: (file: string, line: number): SigmaDiagnostic =>
    inputDiagnostic('input-not-object', file, line, {
      en: `Record ${String(line)} is not a JSON object; it was skipped.`,
      fr: `L’enregistrement ${String(line)} n’est pas un objet JSON ; il a été ignoré.`,
    }),
  garbage: (file: string, line: number, text: string): SigmaDiagnostic =>
    inputDiagnostic('input-garbage', file, line, {
      en: `Unexpected text between JSON records (before record ${String(line)}): ${sample(text)}`,
      fr: `Texte inattendu entre des enregistrements JSON (avant l’enregistrement ${String(line)}) : ${sample(text)}`,
    }),
  truncated: (file: string, line: number): SigmaDiagnostic =>
    inputDiagnostic('input-truncated-json', file, line, {
      en: `Record ${String(line)} is cut off: the file ends inside a JSON value.`,
      fr: `L’enregistrement ${String(line)} est tronqué : le fichier se termine au milieu d’une valeur JSON.`,
    }),
  tooLong: (file: string, line: number, bytes: number, max: number): SigmaDiagnostic =>
    inputDiagnostic('input-record-too-long', file, line, {
      en: `Record ${String(line)} is ${String(bytes)} bytes long, over the ${String(max)}-byte limit; it was skipped.`,
      fr: `L’enregistrement ${String(line)} fait ${String(bytes)} octets, au-delà de la limite de ${String(max)} octets ; il a été ignoré.`,
    }),
  badLine: (file: string, line: number, format: string, text: string): SigmaDiagnostic =>
    inputDiagnostic('input-bad-line', file, line, {
      en: `Line ${String(line)} is not a ${format} record: ${sample(text)}`,
      fr: `La ligne ${String(line)} n’est pas un enregistrement ${format} : ${sample(text)}`,
    }),
  csvColumns: (file: string, line: number, found: number, expected: number): SigmaDiagnostic =>
    inputDiagnostic('input-csv-columns', file, line, {
      en: `CSV record at line ${String(line)} has ${String(found)} fields, the header has ${String(expected)}; it was skipped.`,
      fr: `L’enregistrement CSV de la ligne ${String(line)} a ${String(found)} champs, l’en-tête en a ${String(expected)} ; il a été ignoré.`,
    }),
  unknownFormat: (file: string): SigmaDiagnostic =>
    inputDiagnostic(
      'input-unknown-format',
      file,
      0,
      {
        en: 'The input format was not recognised; each line is read as a plain-text `message`.',
        fr: 'Le format de l’entrée n’a pas été reconnu ; chaque ligne est lue comme un `message` en texte brut.',
      },
      'warning',
    ),
};
