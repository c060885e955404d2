import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api";
import { SPECIAL_WEBSITE_CONFLICT, decisionProblem, listParamsFrom, listQueryFrom, listSearch } from "./special-website-review";

describe("the special websites list's view in the address (R-FORM-7)", () => {
  it.each([
    ["", { status: "pending", order: "oldest" }, "?status=pending&order=oldest"],
    ["status=returned", { status: "returned", order: "oldest" }, "?status=returned&order=oldest"],
    ["status=accepted&order=newest", { status: "accepted", order: "newest" }, "?status=accepted&order=newest"],
    ["status=all&order=newest", { order: "newest" }, "?order=newest"],
    ["status=bogus&order=sideways", { status: "pending", order: "oldest" }, "?status=pending&order=oldest"],
  ])("?%s reads as %j and asks the API %s", (address, query, search) => {
    const read = listQueryFrom(new URLSearchParams(address));
    expect(read).toEqual(query);
    expect(listSearch(read)).toBe(search);
    // Written back, the address reads the same view again.
    expect(listQueryFrom(listParamsFrom(read))).toEqual(read);
  });

  it("keeps the default view's address empty", () => {
    expect(listParamsFrom({ status: "pending", order: "oldest" }).toString()).toBe("");
  });
});

describe("a refused decision, explained inline (R-FORM-7)", () => {
  it("a version conflict says what happened and asks for a reload", () => {
    const p = decisionProblem(new ApiError(409, "SPECIAL_WEBSITE_VERSION_CONFLICT", "该登记已被修改"));
    expect(p).toMatchObject({ conflict: true, code: "SPECIAL_WEBSITE_VERSION_CONFLICT", text: SPECIAL_WEBSITE_CONFLICT });
  });

  it("missing documents are named by their labels; the server's Chinese message is kept", () => {
    const p = decisionProblem(
      new ApiError(422, "VALIDATION_FAILED", "资料不全，不能审核通过", [
        { path: "documents.responsibility_letter", code: "DOCUMENT_MISSING", message: "缺少这份资料。" },
        { path: "reason", code: "RETURN_REASON_REQUIRED", message: "退回时请写明原因。" },
      ]),
    );
    expect(p).toEqual({
      conflict: false,
      code: "VALIDATION_FAILED",
      text: "资料不全，不能审核通过",
      details: ["已签字（盖章）的信息安全责任书：缺少这份资料。", "退回时请写明原因。"],
    });
  });

  it("anything else (a network failure's own error) reads as a retry hint", () => {
    expect(decisionProblem(new TypeError("boom"))).toMatchObject({ conflict: false, text: "操作失败，请稍后重试。" });
  });
});
