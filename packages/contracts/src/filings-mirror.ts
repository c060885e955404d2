import type { FilingInput, PersonInput, SubjectInput, WebsiteInput } from "@beian/rules";
import type { z } from "zod";
import type { ZFilingForm, ZPersonForm, ZSubjectForm, ZWebsiteForm } from "./filings.js";

/**
 * Compile-time guard that the API's filing form carries every field of the rules' FilingInput
 * and nothing the rules do not know: the build fails when the two drift apart.
 */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : { missing: Exclude<keyof A, keyof B>; extra: Exclude<keyof B, keyof A> };

type Assert<T extends true> = T;

export type FilingFormMirrorsRules = [
  Assert<SameKeys<Omit<FilingInput, "type">, z.infer<typeof ZFilingForm>>>,
  Assert<SameKeys<SubjectInput, z.infer<typeof ZSubjectForm>>>,
  Assert<SameKeys<WebsiteInput, z.infer<typeof ZWebsiteForm>>>,
  Assert<SameKeys<PersonInput, z.infer<typeof ZPersonForm>>>,
];
