import type { FormInstance } from "antd";
import type { z } from "zod";
import { ApiError } from "./api";

/** Puts zod issues under their fields; returns true when there were any. */
export function showIssues(form: FormInstance, issues: z.core.$ZodIssue[]): boolean {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const name = issue.path.join(".") || "_";
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name.split("."), errors: [...new Set(errors)] })));
  return byField.size > 0;
}

/**
 * Puts a server refusal under the fields it names; what is left (or a refusal without fields)
 * is returned as a sentence for an alert. Field values are never touched: nothing typed is lost.
 */
export function showProblem(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return "系统繁忙，请稍后重试。";
  const known = new Set(Object.keys(form.getFieldsValue()));
  const onFields = error.errors.filter((e) => known.has(e.path.split(".")[0] ?? ""));
  // A field can be refused for several reasons at once (an unknown variable and a required one left out): all show.
  const byField = new Map<string, string[]>();
  for (const e of onFields) byField.set(e.path, [...(byField.get(e.path) ?? []), e.message]);
  form.setFields([...byField].map(([path, errors]) => ({ name: path.split("."), errors: [...new Set(errors)] })));
  return onFields.length === error.errors.length && onFields.length > 0 ? "" : error.detail;
}
