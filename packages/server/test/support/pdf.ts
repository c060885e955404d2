import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

// Rendered pages go where screenshots go (git-ignored), to be looked at.
const OUT = resolve(import.meta.dirname, "../../../../e2e/screenshots/forms");

/** Page count and text of a PDF through poppler, plus PNGs of its pages next to it. */
export function inspectPdf(pdf: Buffer, name: string) {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  execFileSync("pdftoppm", ["-png", "-r", "60", file, join(OUT, name)]);
  return { pages, text, compact: text.replace(/\s+/g, "") };
}
