import { specialWebsiteProblems, ZSpecialWebsiteInput, type TSpecialWebsiteInput } from "@beian/contracts";

/**
 * The form's live check (R-FORM-7): the contract's schema and the rules' checks, the same the
 * server refuses with, so a message shown here is the message the server would give.
 */
export function problemAt(values: Partial<TSpecialWebsiteInput>, path: string): string | undefined {
  const parsed = ZSpecialWebsiteInput.safeParse(values);
  const fromSchema = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return [...fromSchema, ...specialWebsiteProblems(values)].find((p) => p.path === path)?.message;
}
