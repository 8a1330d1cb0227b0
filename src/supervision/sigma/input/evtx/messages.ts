/** Bilingual diagnostics of the EVTX reader (one constructor per problem, stable codes). */
import type { SigmaDiagnostic } from '../../types.js';

/** Where in the file a problem is: record number (1-based, 0 for file/chunk level) and a path. */
export interface EvtxLocation {
  readonly file: string;
  readonly record: number;
  readonly path: string;
}

function make(
  code: string,
  severity: 'error' | 'warning',
  at: EvtxLocation,
  en: string,
  fr: string,
): SigmaDiagnostic {
  return {
    code,
    severity,
    message: { en, fr },
    file: at.file,
    line: at.record,
    column: 0,
    path: at.path,
  };
}

export const evtxMessages = {
  empty: (at: EvtxLocation): SigmaDiagnostic =>
    make('evtx-empty', 'error', at, 'The EVTX file is empty.', 'Le fichier EVTX est vide.'),
  notEvtx: (at: EvtxLocation): SigmaDiagnostic =>
    make(
      'evtx-not-evtx',
      'error',
      at,
      'Not an EVTX file: the "ElfFile" signature is missing.',
      'Ce n’est pas un fichier EVTX : la signature « ElfFile » est absente.',
    ),
  headerDamaged: (at: EvtxLocation): SigmaDiagnostic =>
    make(
      'evtx-bad-file-header',
      'warning',
      at,
      'The EVTX file header is damaged; reading the chunks that follow it.',
      'L’en-tête du fichier EVTX est endommagé ; lecture des blocs qui le suivent.',
    ),
  truncatedHeader: (at: EvtxLocation, size: number): SigmaDiagnostic =>
    make(
      'evtx-truncated',
      'error',
      at,
      `The EVTX file is truncated inside its header (${size} bytes).`,
      `Le fichier EVTX est tronqué dans son en-tête (${size} octets).`,
    ),
  truncatedChunk: (at: EvtxLocation, size: number): SigmaDiagnostic =>
    make(
      'evtx-truncated',
      'error',
      at,
      `The EVTX file is truncated: its last chunk has ${size} of 65536 bytes; records after the cut are lost.`,
      `Le fichier EVTX est tronqué : son dernier bloc a ${size} octets sur 65536 ; les enregistrements après la coupure sont perdus.`,
    ),
  shortChunk: (at: EvtxLocation, size: number): SigmaDiagnostic =>
    make(
      'evtx-short-chunk',
      'warning',
      at,
      `The last chunk is cut (${size} of 65536 bytes) after its last record; no record is lost.`,
      `Le dernier bloc est coupé (${size} octets sur 65536) après son dernier enregistrement ; aucun enregistrement n’est perdu.`,
    ),
  missingChunks: (at: EvtxLocation, declared: number, present: number): SigmaDiagnostic =>
    make(
      'evtx-truncated',
      'error',
      at,
      `The EVTX file is truncated: its header declares ${declared} chunks but only ${present} are present.`,
      `Le fichier EVTX est tronqué : son en-tête déclare ${declared} blocs mais seuls ${present} sont présents.`,
    ),
  badChecksum: (at: EvtxLocation, what: string, quoi: string): SigmaDiagnostic =>
    make(
      'evtx-checksum',
      'warning',
      at,
      `The checksum of the ${what} does not match; the data may be damaged.`,
      `La somme de contrôle ${quoi} ne correspond pas ; les données sont peut-être endommagées.`,
    ),
  badChunk: (at: EvtxLocation): SigmaDiagnostic =>
    make(
      'evtx-bad-chunk',
      'error',
      at,
      'A chunk has no "ElfChnk" signature; it is skipped.',
      'Un bloc n’a pas la signature « ElfChnk » ; il est ignoré.',
    ),
  badRecord: (at: EvtxLocation, detail: string): SigmaDiagnostic =>
    make(
      'evtx-bad-record',
      'error',
      at,
      `A record header is damaged (${detail}); skipping to the next record.`,
      `Un en-tête d’enregistrement est endommagé (${detail}) ; passage à l’enregistrement suivant.`,
    ),
  badBinXml: (at: EvtxLocation, code: string, detail: string): SigmaDiagnostic =>
    make(
      code,
      'error',
      at,
      `The record content cannot be decoded (${detail}); the record is skipped.`,
      `Le contenu de l’enregistrement ne peut pas être décodé (${detail}) ; l’enregistrement est ignoré.`,
    ),
  noRoot: (at: EvtxLocation): SigmaDiagnostic =>
    make(
      'evtx-empty-record',
      'warning',
      at,
      'The record contains no XML element; it is skipped.',
      'L’enregistrement ne contient aucun élément XML ; il est ignoré.',
    ),
} as const;
