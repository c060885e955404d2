import { FIELD_LABELS } from "@beian/rules";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZFilingForm } from "./filings.js";

/** Every path of the form schema, lists keyed with `*`; a list's own path too (a finding may name it). */
function formPaths(schema: z.ZodType, at: string): string[] {
  if (schema instanceof z.ZodOptional) return formPaths(schema.unwrap() as z.ZodType, at);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) => formPaths(v, at ? `${at}.${k}` : k));
  }
  if (schema instanceof z.ZodArray) {
    const element = schema.element as z.ZodType;
    const items = formPaths(element, `${at}.*`);
    return element instanceof z.ZodObject ? items : [at, ...items];
  }
  return [at];
}

describe("one label for every field of the filing form (R-REV-2)", () => {
  const paths = formPaths(ZFilingForm, "");
  const lists = ["websites.*.preApprovals"];

  it("labels every field the schema has", () => {
    expect(paths.filter((p) => !(p in FIELD_LABELS))).toEqual([]);
  });

  it("labels no field the schema lacks", () => {
    expect(Object.keys(FIELD_LABELS).filter((k) => !paths.includes(k) && !lists.includes(k))).toEqual([]);
  });
});
