/**
 * The look of DOCX documents as real Word styles (so that an organisation can restyle a generated
 * document with its own template): page geometry, paragraph and character styles, list
 * definitions, the table style and the font table. Pure data.
 *
 * Fonts: styles name DejaVu Sans and DejaVu Sans Mono, as the other formats use, and the font
 * table tells Word what they are like (sans-serif/monospace, PANOSE, Unicode ranges) with Arial
 * and Consolas as alternative names, so a machine without DejaVu (most Windows ones) substitutes
 * a close font instead of the default serif. The fonts are not embedded (+1.6 MB per document).
 */
import {
  AlignmentType,
  LevelFormat,
  LineRuleType,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';
import { FONT_FAMILY, MONO_FAMILY } from '../../presentation/fonts.js';
import type { CalloutTone, DocumentLocale } from '../model.js';

/** A4 and margins, in twentieths of a point (twips). */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 1418,
  bottom: 1418,
  left: 1134,
  right: 1134,
  header: 709,
  footer: 709,
} as const;

/** Width and height of the text area (twips). */
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const CONTENT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;
/** Text width of a landscape page (same margins), for tables too wide for portrait. */
export const LANDSCAPE_WIDTH = PAGE.height - PAGE.left - PAGE.right;

/** Style ids used by the renderer (Word's built-in ids where one exists). */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  unnumberedHeading: 'TOCHeading',
  tableText: 'VigieTableText',
  tableTextDense: 'VigieTableTextDense',
  tableHeading: 'VigieTableHeading',
  tableHeadingDense: 'VigieTableHeadingDense',
  tableAfter: 'VigieTableAfter',
  table: 'VigieTable',
  quote: 'Quote',
  quoteSource: 'VigieQuoteSource',
  callout: 'VigieCallout',
  figure: 'VigieFigure',
  coverClassification: 'VigieCoverClassification',
  coverOrganisation: 'VigieCoverOrganisation',
  coverMeta: 'VigieCoverMeta',
  coverNote: 'VigieCoverNote',
  header: 'Header',
  footer: 'Footer',
  pageBreak: 'VigiePageBreak',
  code: 'VigieCode',
  hyperlink: 'Hyperlink',
  caption: 'Caption',
} as const;

export const LIST = { bullets: 'vigie-bullets', numbers: 'vigie-numbers' } as const;

const INK = '1F2933';
const ACCENT = '1F3864';
const MUTED = '52606D';
export const HEADER_FILL = 'DCE3EE';
const BAND_FILL = 'F3F5F8';
const RULE = 'A6AEB8';

/** Left border colour and background of each callout tone. */
export const TONE_COLOURS: Readonly<Record<CalloutTone, { border: string; fill: string }>> = {
  info: { border: '1A56DB', fill: 'EAF1FD' },
  warning: { border: 'B54708', fill: 'FEF6E7' },
  danger: { border: 'B42318', fill: 'FDECEA' },
  success: { border: '067647', fill: 'ECFDF3' },
  todo: { border: '6941C6', fill: 'F4F1FD' },
};

/** Word's language tag for the document's locale (spell-checking). */
export const languageTag = (lang: DocumentLocale): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');

const heading = (
  id: string,
  name: string,
  level: number,
  size: number,
  before: number,
  italics = false,
): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT_FAMILY, size, bold: true, italics, color: ACCENT },
  paragraph: {
    spacing: { before, after: 120, line: 240, lineRule: LineRuleType.AUTO },
    keepNext: true,
    keepLines: true,
    outlineLevel: level,
  },
});

const tableParagraph = (
  id: string,
  name: string,
  size: number,
  bold: boolean,
): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  run: { size, bold, color: INK },
  paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
});

const tocLevel = (level: number): IParagraphStyleOptions => ({
  id: `TOC${String(level)}`,
  name: `toc ${String(level)}`,
  basedOn: 'Normal',
  next: 'Normal',
  uiPriority: 39,
  unhideWhenUsed: true,
  run: { bold: level === 1 },
  paragraph: {
    spacing: { before: level === 1 ? 120 : 0, after: 40 },
    indent: { left: (level - 1) * 360 },
  },
});

/** The document's styles (document defaults carry the font and the language). */
export function documentStyles(lang: DocumentLocale): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: FONT_FAMILY,
          size: 20,
          color: INK,
          language: { value: languageTag(lang) },
        },
        paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: FONT_FAMILY, size: 52, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO } },
      },
      caption: {
        run: { size: 17, bold: false, italics: false, color: MUTED },
        paragraph: { spacing: { before: 60, after: 200 } },
      },
      hyperlink: { run: { color: '1A56DB', underline: { type: 'single' } } },
      listParagraph: { paragraph: { spacing: { after: 60 } } },
    },
    paragraphStyles: [
      heading('Heading1', 'Heading 1', 0, 32, 360),
      heading('Heading2', 'Heading 2', 1, 26, 280),
      heading('Heading3', 'Heading 3', 2, 22, 240),
      heading('Heading4', 'Heading 4', 3, 20, 200, true),
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: 30, color: MUTED },
        paragraph: { spacing: { after: 480 } },
      },
      {
        // Word's "TOC Heading": looks like a heading, is not listed in the table of contents.
        id: STYLE.unnumberedHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        uiPriority: 39,
        unhideWhenUsed: true,
        quickFormat: true,
        run: { size: 28, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 240, after: 160 }, keepNext: true },
      },
      tocLevel(1),
      tocLevel(2),
      tocLevel(3),
      tableParagraph(STYLE.tableText, 'Table Text', 17, false),
      tableParagraph(STYLE.tableTextDense, 'Table Text Dense', 14, false),
      tableParagraph(STYLE.tableHeading, 'Table Heading', 17, true),
      tableParagraph(STYLE.tableHeadingDense, 'Table Heading Dense', 14, true),
      {
        id: STYLE.tableAfter,
        name: 'Table Spacing',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 8 },
        paragraph: { spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: '3E4C59' },
        paragraph: {
          indent: { left: 567, right: 567 },
          spacing: { before: 120, after: 60 },
          border: { left: { style: 'single', size: 12, color: RULE, space: 8 } },
        },
      },
      {
        id: STYLE.quoteSource,
        name: 'Quote Source',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 17, color: MUTED },
        paragraph: { indent: { left: 567, right: 567 }, spacing: { after: 160 } },
      },
      {
        id: STYLE.callout,
        name: 'Callout',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: {
          indent: { left: 170, right: 113 },
          spacing: { before: 120, after: 160 },
          keepLines: true,
        },
      },
      {
        id: STYLE.figure,
        name: 'Figure',
        basedOn: 'Normal',
        next: STYLE.caption,
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 0 },
          keepNext: true,
        },
      },
      {
        id: STYLE.coverClassification,
        name: 'Cover Classification',
        basedOn: 'Normal',
        run: { size: 24, bold: true, color: 'B42318' },
        paragraph: { spacing: { after: 1200 } },
      },
      {
        id: STYLE.coverOrganisation,
        name: 'Cover Organisation',
        basedOn: 'Normal',
        run: { size: 28, color: MUTED },
        paragraph: { spacing: { before: 1200, after: 480 } },
      },
      {
        id: STYLE.coverMeta,
        name: 'Cover Details',
        basedOn: 'Normal',
        run: { size: 22 },
        paragraph: { spacing: { after: 80 } },
      },
      {
        id: STYLE.coverNote,
        name: 'Cover Note',
        basedOn: 'Normal',
        run: { size: 17, italics: true, color: MUTED },
        paragraph: { spacing: { before: 1200 } },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: 16, color: MUTED },
        paragraph: {
          spacing: { after: 0 },
          border: { bottom: { style: 'single', size: 4, color: RULE, space: 4 } },
        },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: 16, color: MUTED },
        paragraph: {
          spacing: { after: 0 },
          border: { top: { style: 'single', size: 4, color: RULE, space: 4 } },
        },
      },
      {
        id: STYLE.pageBreak,
        name: 'Page Break',
        basedOn: 'Normal',
        run: { size: 2 },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
    characterStyles: [
      {
        id: STYLE.code,
        name: 'Code',
        basedOn: 'DefaultParagraphFont',
        run: { font: MONO_FAMILY, noProof: true },
      },
    ],
  };
}

const border = (side: string): string =>
  `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${RULE}"/>`;

/**
 * The table style: thin grey rules, cell margins, header row and banding (as conditional
 * formats). Added to styles.xml by the package step: `docx` has no option for table styles
 * (its `importedStyles` replace its default styles).
 */
export const TABLE_STYLE =
  `<w:style w:type="table" w:customStyle="1" w:styleId="${STYLE.table}">` +
  `<w:name w:val="Vigie Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
  `<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
  `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
  `<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>` +
  `<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
  `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/>` +
  `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/></w:tcPr></w:tblStylePr>` +
  `<w:tblStylePr w:type="band1Horz"><w:tblPr/>` +
  `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${BAND_FILL}"/></w:tcPr></w:tblStylePr>` +
  `</w:style>`;

/** Bullets and numbered lists (each ordered list is its own instance, so it restarts at 1). */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: LIST.bullets,
      levels: [0, 1, 2].map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: ['•', '◦', '▪'][level] ?? '•',
        alignment: AlignmentType.LEFT,
        style: {
          paragraph: { indent: { left: 397 + level * 397, hanging: 284 } },
          run: { font: FONT_FAMILY },
        },
      })),
    },
    {
      reference: LIST.numbers,
      levels: [0, 1, 2].map((level) => ({
        level,
        format:
          [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level] ??
          LevelFormat.DECIMAL,
        text: `%${String(level + 1)}.`,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 397 + level * 397, hanging: 340 } } },
      })),
    },
  ],
};

const WORDPROCESSING_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** word/fontTable.xml: what DejaVu Sans and Mono are, so Word can substitute them well. */
export const FONT_TABLE =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<w:fonts xmlns:w="${WORDPROCESSING_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
  `<w:font w:name="${FONT_FAMILY}"><w:altName w:val="Arial"/><w:panose1 w:val="020B0603030804020204"/>` +
  `<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>` +
  `<w:sig w:usb0="E7006EFF" w:usb1="D200FDFF" w:usb2="0A246029" w:usb3="0400200C" w:csb0="600001FF" w:csb1="DFFF0000"/></w:font>` +
  `<w:font w:name="${MONO_FAMILY}"><w:altName w:val="Consolas"/><w:panose1 w:val="020B0609030804020204"/>` +
  `<w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>` +
  `<w:sig w:usb0="E70026FF" w:usb1="D200F9FB" w:usb2="02000028" w:usb3="00000000" w:csb0="600001DF" w:csb1="FFDF0000"/></w:font>` +
  `</w:fonts>`;
