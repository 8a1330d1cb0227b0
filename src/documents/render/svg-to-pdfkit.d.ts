/// <reference types="pdfkit" />
/**
 * Minimal types for svg-to-pdfkit (the package ships none): the options the PDF renderer uses.
 */
declare module 'svg-to-pdfkit' {
  interface SvgFontOptions {
    fauxItalic: boolean;
    fauxBold: boolean;
  }

  interface SvgToPdfOptions {
    /** Viewport size in points. */
    readonly width?: number;
    readonly height?: number;
    readonly preserveAspectRatio?: string;
    readonly assumePt?: boolean;
    readonly precision?: number;
    /** Returns the name of a font registered in the document. */
    readonly fontCallback?: (
      family: string,
      bold: boolean,
      italic: boolean,
      fontOptions: SvgFontOptions,
    ) => string;
    /** Returns what `doc.openImage` should open for an `<image href>`. */
    readonly imageCallback?: (link: string) => string;
    readonly warningCallback?: (message: string) => void;
  }

  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SvgToPdfOptions,
  ): void;

  export default SVGtoPDF;
}
