import PDFDocument from "pdfkit";
import { FONT_BOLD, FONT_REGULAR } from "./fonts.js";

export type PdfDoc = InstanceType<typeof PDFDocument>;
export type PdfOptions = ConstructorParameters<typeof PDFDocument>[0];

/**
 * Every printed document of the system: a PDF with the CJK fonts registered as "regular" and
 * "bold", filled by `draw`, and its bytes once it ends. A `draw` that throws rejects instead of
 * leaving the caller waiting for an end that never comes.
 */
export function renderPdf(options: PdfOptions, draw: (doc: PdfDoc) => void): Promise<Buffer> {
  const doc = new PDFDocument(options);
  doc.registerFont("regular", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  try {
    draw(doc);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  doc.end();
  return done;
}

export const LETTER_MARGIN = 56;

/** A one-page A4 letter (agreements, letters of responsibility): the title centred, then `draw`. */
export function renderLetter(title: string, draw: (doc: PdfDoc) => void): Promise<Buffer> {
  const margins = { top: LETTER_MARGIN, bottom: LETTER_MARGIN, left: LETTER_MARGIN, right: LETTER_MARGIN };
  return renderPdf({ size: "A4", margins, info: { Title: title } }, (doc) => {
    doc.font("bold").fontSize(18).text(title, { align: "center" }).moveDown(1);
    draw(doc);
  });
}
