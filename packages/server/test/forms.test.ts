import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELEGATE, organisationFiling } from "../../rules/test/fixtures.js";
import { filings } from "../src/db/schema.js";
import { submittedFiling, type SubmittedFiling } from "./support/filings.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { inspectPdf } from "./support/pdf.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
let person: SubmittedFiling;

beforeAll(async () => {
  sys = await startTestSystem({ providerName: "杭州示例云计算有限公司" });
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  person = await submittedFiling(sys, 0);
}, 60_000);
afterAll(() => sys.close());

const pdf = async (id: string, form: string, who: Session, query = "") => {
  const res = await sys.app.inject({ url: `/api/filings/${id}/forms/${form}.pdf${query}`, headers: bearer(who) });
  return res;
};

/**
 * An organisation's filing as printed after submission. The form is created through the API; the
 * submission itself is not what these tests are about, so the status is set directly.
 */
async function submittedOrganisation(n: number, change: (f: ReturnType<typeof organisationFiling>) => void = () => {}) {
  const email = `org-${n}@example.com`;
  await register(sys.app, email, "Passw0rd-x");
  const session = await loginAs(sys.app, email, "Passw0rd-x");
  const full = organisationFiling(10);
  change(full);
  const { type, ...form } = full;
  const created = await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(session), payload: { type, form } });
  expect(created.statusCode, created.body).toBe(201);
  await sys.ctx.db.update(filings).set({ status: "submitted" }).where(eq(filings.id, created.json().id));
  return { id: created.json().id as string, session, form };
}

describe("printed forms over the API (R-DOC-1…4, FORM-1/2)", () => {
  it("a person in 浙江: the 核验单 on one A4 page with subject, domain and principal; the agreement; no authorization letter", async () => {
    const sheet = await pdf(person.id, "verification", person.session);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers["content-type"]).toBe("application/pdf");
    expect(sheet.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const { pages, compact } = inspectPdf(sheet.rawPayload, "api-person");
    expect(pages).toBe(1);
    for (const s of ["张三", person.domain, "杭州示例云计算有限公司", "手印"]) expect(compact).toContain(s);

    const agreement = inspectPdf((await pdf(person.id, "security-agreement", person.session)).rawPayload, "api-person-agreement");
    expect(agreement.pages).toBe(1);
    expect(agreement.compact).toContain("信息安全管理协议");
    expect((await pdf(person.id, "authorization", person.session)).statusCode).toBe(404);
  });

  it("lists the forms with the printing instructions (R-MAT-4/5)", async () => {
    const res = await sys.app.inject({ url: `/api/filings/${person.id}/forms`, headers: bearer(person.session) });
    expect(res.statusCode).toBe(200);
    expect(res.json().forms.map((f: { form: string }) => f.form)).toEqual(["verification", "security-agreement"]);
    expect(res.json().instructions[0]).toMatchObject({ document: "网站备案信息真实性核验单", copies: 2, note: expect.stringContaining("手印") });
  });

  it("an organisation in 广东 with 10 websites: the Guangdong 核验单 still on one page, sealed; a letter for the delegate (SUB-3)", async () => {
    const org = await submittedOrganisation(1, (f) => {
      f.province = "gd";
      f.subject!.address = { provinceCode: "440000", cityCode: "440300", districtCode: "440305", detail: "科技园路1号A座501室" };
    });
    const { pages, compact } = inspectPdf((await pdf(org.id, "verification", org.session)).rawPayload, "api-guangdong-10");
    expect(pages).toBe(1);
    for (const s of ["广东省网站备案信息真实性核验单", "杭州某某网络科技有限公司", "单位盖章", "王五"]) expect(compact).toContain(s);
    for (const w of org.form.websites!) expect(compact).toContain(w.domains![0]);

    const list = (await sys.app.inject({ url: `/api/filings/${org.id}/forms`, headers: bearer(org.session) })).json();
    expect(list.forms.map((f: { form: string }) => f.form)).toContain("authorization");
    const letter = inspectPdf((await pdf(org.id, "authorization", org.session)).rawPayload, "api-authorization");
    expect(letter.pages).toBe(1);
    expect(letter.compact).toContain(DELEGATE.name);
  });

  it("浙江 prints one sheet per domain (FORM-2)", async () => {
    const org = await submittedOrganisation(2, (f) => {
      f.websites = f.websites!.slice(0, 2);
      f.websites[0]!.domains = ["alpha-tech.cn", "alpha-tech.com.cn"];
    });
    const { pages, compact } = inspectPdf((await pdf(org.id, "verification", org.session)).rawPayload, "api-zhejiang");
    expect(pages).toBe(3);
    expect(compact).toContain("alpha-tech.com.cn");
  });

  it("is there for the owner and reviewers after submission only", async () => {
    await register(sys.app, "draft@example.com", "Passw0rd-x");
    const drafter = await loginAs(sys.app, "draft@example.com", "Passw0rd-x");
    const draft = (await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(drafter), payload: { type: "first" } })).json();
    const early = await pdf(draft.id, "verification", drafter);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("FILING_NOT_SUBMITTED");
    expect((await pdf(person.id, "verification", drafter)).statusCode).toBe(404);
    expect((await pdf(person.id, "nonsense", person.session)).statusCode).toBe(400);
  });
});
