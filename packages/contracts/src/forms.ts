import { z } from "zod";

/** R-DOC-1: the forms to print for a submitted filing, and how to print them. */
export const ZPrintableForms = z.object({
  forms: z.array(z.object({ form: z.string(), title: z.string(), url: z.string() })),
  /** R-MAT-4/5: the paper set, with copies and who signs, seals or fingerprints. */
  instructions: z.array(z.object({ document: z.string(), copies: z.number().int(), note: z.string() })),
});
export type TPrintableForms = z.infer<typeof ZPrintableForms>;
