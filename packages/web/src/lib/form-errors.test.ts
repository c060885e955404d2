import type { FormInstance } from "antd";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api";
import { showProblem } from "./form-errors";

/** The two calls showProblem makes of an antd form, recorded. */
function fakeForm(values: Record<string, unknown>) {
  const set: { name: string[]; errors: string[] }[] = [];
  const form = { getFieldsValue: () => values, setFields: (fields: typeof set) => set.push(...fields) } as unknown as FormInstance;
  return { form, set };
}

describe("showProblem puts a server refusal under its fields (#6)", () => {
  it("shows every message a field was refused with, once each, and leaves the alert empty", () => {
    const { form, set } = fakeForm({ subject: "", body: "", sms: "" });
    const error = new ApiError(422, "VALIDATION_FAILED", "正文中的变量 {{foo}} 不存在。", [
      { path: "body", code: "TEMPLATE_VARIABLE_UNKNOWN", message: "正文中的变量 {{foo}} 不存在。" },
      { path: "sms", code: "TEMPLATE_VARIABLE_REQUIRED", message: "短信必须包含变量 {{icpNumber}}。" },
      { path: "body", code: "TEMPLATE_VARIABLE_REQUIRED", message: "正文必须包含变量 {{icpNumber}}。" },
      { path: "body", code: "TEMPLATE_VARIABLE_UNKNOWN", message: "正文中的变量 {{foo}} 不存在。" },
    ]);
    expect(showProblem(form, error)).toBe("");
    expect(set).toEqual([
      { name: ["body"], errors: ["正文中的变量 {{foo}} 不存在。", "正文必须包含变量 {{icpNumber}}。"] },
      { name: ["sms"], errors: ["短信必须包含变量 {{icpNumber}}。"] },
    ]);
  });

  it("as before: nested paths reach their field; errors off the form, or none at all, leave the sentence for the alert", () => {
    const { form, set } = fakeForm({ subject: {} });
    const nested = new ApiError(422, "VALIDATION_FAILED", "有误", [
      { path: "subject.name", code: "X", message: "名称有误" },
      { path: "elsewhere", code: "Y", message: "别处有误" },
    ]);
    expect(showProblem(form, nested)).toBe("有误");
    expect(set).toEqual([{ name: ["subject", "name"], errors: ["名称有误"] }]);
    expect(showProblem(form, new ApiError(409, "CONFLICT", "已被修改"))).toBe("已被修改");
    expect(showProblem(form, new Error("boom"))).toBe("系统繁忙，请稍后重试。");
  });
});
