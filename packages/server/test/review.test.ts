import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../src/db/schema.js";
import { submittedFiling, type SubmittedFiling } from "./support/filings.js";
import { bearer, loginAs, type Session } from "./support/http.js";
import { phonePhoto } from "./support/images.js";
import { multipart } from "./support/multipart.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
let reviewer: Session;
let second: Session;
const filed: SubmittedFiling[] = [];

beforeAll(async () => {
  sys = await startTestSystem();
  // Monday 2026-03-02 10:00 in Beijing; the filing fixtures' dates are relative to it.
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  for (const email of ["r1@example.com", "r2@example.com"]) {
    await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email, password: "Review3r-pass", role: "reviewer" } });
  }
  reviewer = await loginAs(sys.app, "r1@example.com", "Review3r-pass");
  second = await loginAs(sys.app, "r2@example.com", "Review3r-pass");
  for (const n of [0, 1, 2, 3]) {
    filed.push(await submittedFiling(sys, n));
    sys.clock.set(new Date(sys.clock.now().getTime() + 60_000));
  }
}, 120_000);
afterAll(() => sys.close());

const queue = async (query = "", who: Session = reviewer) => {
  const res = await sys.app.inject({ url: `/api/review/queue${query}`, headers: bearer(who) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; subjectName: string; sla: string; photoWaiting: boolean; reviewDueAt: string | null; version: number }[]; total: number };
};
const filing = async (id: string, who: Session = reviewer) => (await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(who) })).json();
const act = async (id: string, action: string, body: Record<string, unknown> = {}, who: Session = reviewer) =>
  sys.app.inject({
    method: "POST",
    url: `/api/review/filings/${id}/${action}`,
    headers: bearer(who),
    payload: { expectedVersion: (await filing(id, who)).version, ...body },
  });

describe("review queue (R-REV-1, R-REV-3)", () => {
  it("lists submitted filings oldest first, with person names masked", async () => {
    const page = await queue();
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.id)).toEqual(filed.map((f) => f.id));
    expect(page.items[0]!.subjectName).toBe("张*");
    expect(JSON.stringify(page)).not.toContain(filed[0]!.certificateNumber);
  });

  it("finds a filing by domain, by certificate number and by the start of the subject name", async () => {
    expect((await queue(`?q=${filed[2]!.domain}`)).items.map((i) => i.id)).toEqual([filed[2]!.id]);
    expect((await queue(`?q=www.${filed[2]!.domain}`)).items.map((i) => i.id)).toEqual([filed[2]!.id]);
    expect((await queue(`?q=${filed[1]!.certificateNumber.toLowerCase()}`)).items.map((i) => i.id)).toEqual([filed[1]!.id]);
    expect((await queue(`?q=${encodeURIComponent("李")}`)).items.map((i) => i.id)).toEqual([filed[1]!.id]);
    expect((await queue(`?q=${encodeURIComponent("%")}`)).total).toBe(0);
  });

  it("filters by province, type and status, and refuses an unknown status", async () => {
    expect((await queue("?province=zj&type=first")).total).toBe(4);
    expect((await queue("?province=gd")).total).toBe(0);
    expect((await queue("?status=approved")).total).toBe(0);
    const bad = await sys.app.inject({ url: "/api/review/queue?status=nonsense", headers: bearer(reviewer) });
    expect(bad.statusCode).toBe(400);
  });

  it("computes the working-day deadline and highlights what is overdue (injected clock)", async () => {
    const page = await queue();
    expect(page.items.every((i) => i.sla === "on_time" && i.reviewDueAt !== null)).toBe(true);
    const due = new Date(page.items[0]!.reviewDueAt!);
    // Submitted on a Monday: due on a later working day, never a weekend.
    expect(due.getTime()).toBeGreaterThan(sys.clock.now().getTime());
    expect([0, 6]).not.toContain(new Date(due.getTime() + 8 * 3_600_000).getUTCDay());
    const saved = sys.clock.now();
    sys.clock.set(new Date(due.getTime() + 60_000));
    // Days later the morning session has ended: the reviewer signs in again.
    const later = await loginAs(sys.app, "r1@example.com", "Review3r-pass");
    expect((await queue("?sla=overdue", later)).total).toBe(4);
    expect((await queue("?sla=on_time", later)).total).toBe(0);
    sys.clock.set(saved);
  });
});

describe("decisions (R-REV-1)", () => {
  it("returns with reasons attached to fields; the applicant sees them and is notified", async () => {
    const f = filed[0]!;
    const res = await act(f.id, "return", {
      reasons: [
        { path: "websites.0.name", code: "SITE_NAME_INVALID", message: "网站名称请与网站实际内容一致。" },
        { path: "subject.address.detail", code: "ADDRESS_INCOMPLETE", message: "通信地址请写到门牌号。" },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const seen = await filing(f.id, f.session);
    expect(seen).toMatchObject({ status: "returned_by_provider", stage: "未提交", nextStep: { actor: "applicant" } });
    expect(seen.returns.at(-1).reasons.map((r: { path: string }) => r.path)).toEqual(["websites.0.name", "subject.address.detail"]);
    expect(seen.timeline.at(-1)).toMatchObject({ action: "filing.provider_return", reason: expect.stringContaining("网站名称") });
    const notices = await sys.ctx.db.select().from(notifications).where(eq(notifications.template, "filing.returned"));
    expect(notices.some((n) => n.body.includes("网站名称请与网站实际内容一致"))).toBe(true);
    expect((await queue()).items.map((i) => i.id)).not.toContain(f.id);
  });

  it("takes the fixed filing back into the queue; earlier returns stay in its history", async () => {
    const f = filed[0]!;
    const current = await filing(f.id, f.session);
    const form = { ...current.form, websites: [{ ...current.form.websites[0], name: "张三读书笔记" }] };
    const saved = await sys.app.inject({ method: "PATCH", url: `/api/filings/${f.id}`, headers: bearer(f.session), payload: { expectedVersion: current.version, form } });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await sys.app.inject({ method: "POST", url: `/api/filings/${f.id}/submit`, headers: bearer(f.session), payload: { expectedVersion: saved.json().version } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await filing(f.id)).returns).toHaveLength(1);
    expect((await queue()).items.map((i) => i.id)).toContain(f.id);
  });

  it("lets exactly one of two reviewers acting at once win; the other gets a conflict", async () => {
    const f = filed[1]!;
    const { version } = await filing(f.id);
    const [a, b] = await Promise.all([
      sys.app.inject({ method: "POST", url: `/api/review/filings/${f.id}/approve`, headers: bearer(reviewer), payload: { expectedVersion: version } }),
      sys.app.inject({
        method: "POST",
        url: `/api/review/filings/${f.id}/return`,
        headers: bearer(second),
        payload: { expectedVersion: version, reasons: [{ message: "证件照片不清晰。" }] },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: "FILING_VERSION_CONFLICT", detail: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it("refuses a return without a reason", async () => {
    const res = await act(filed[2]!.id, "return", { reasons: [] });
    expect(res.statusCode).toBe(400);
  });
});

describe("verification (R-REV-2…4)", () => {
  const f = () => filed[2]!;

  it("moves an approved filing to 待核验 and asks the applicant for the photo", async () => {
    expect((await act(f().id, "approve")).statusCode).toBe(200);
    const seen = await filing(f().id, f().session);
    expect(seen).toMatchObject({ status: "verifying", stage: "待核验", nextStep: { actor: "applicant", text: expect.stringContaining("幕布") } });
  });

  it("posts a curtain only to a mainland address", async () => {
    const choose = async (mailing: Record<string, string>) =>
      sys.app.inject({
        method: "POST",
        url: `/api/filings/${f().id}/verification`,
        headers: bearer(f().session),
        payload: { expectedVersion: (await filing(f().id, f().session)).version, method: "curtain_photo", mailing },
      });
    const hk = await choose({ recipient: "张三", mobile: "13700001002", provinceCode: "810000", cityCode: "810100", districtCode: "810101", detail: "皇后大道中1号" });
    expect(hk.statusCode).toBe(400);
    expect(hk.json().errors[0]).toMatchObject({ code: "MAILING_NOT_MAINLAND", path: "mailing.provinceCode" });
    const ok = await choose({ recipient: "张三", mobile: "13700001002", provinceCode: "330000", cityCode: "330100", districtCode: "330106", detail: "文三路200号3幢802室" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().verification).toMatchObject({ method: "curtain_photo", mailing: { address: expect.stringContaining("浙江省杭州市西湖区文三路"), trackingNumber: null } });
    const mailed = await act(f().id, "mailing", { trackingNumber: "SF1234567890", mailedAt: "2026-03-02T15:00:00+08:00" });
    expect(mailed.statusCode, mailed.body).toBe(200);
    expect((await filing(f().id, f().session)).verification.mailing.trackingNumber).toBe("SF1234567890");
  });

  const uploadPhoto = async () =>
    sys.app.inject({
      method: "POST",
      url: `/api/filings/${f().id}/photo`,
      ...multipart({}, { name: "photo.jpg", type: "image/jpeg", data: await phonePhoto(1600, 1200) }, bearer(f().session)),
    });

  it("puts an uploaded photo in the queue with its 2-working-day deadline; a rejection explains why", async () => {
    const res = await uploadPhoto();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().materials.some((m: { kind: string; storedBytes: number }) => m.kind === "verification_photo" && m.storedBytes <= 100 * 1024)).toBe(true);
    const item = (await queue()).items.find((i) => i.id === f().id)!;
    expect(item).toMatchObject({ photoWaiting: true, sla: "on_time" });
    const rejected = await act(f().id, "photo/reject", { reasons: [{ code: "PHOTO_BACKGROUND", message: "幕布需完整出现在照片中。" }] });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const seen = await filing(f().id, f().session);
    expect(seen).toMatchObject({ status: "verifying", verification: { passed: false } });
    expect(seen.returns.at(-1)).toMatchObject({ by: "photo", reasons: [{ message: "幕布需完整出现在照片中。" }] });
    expect((await queue()).items.find((i) => i.id === f().id)!.photoWaiting).toBe(false);
  });

  it("passes verification when the new photo is approved, then submits to the bureau", async () => {
    expect((await uploadPhoto()).statusCode).toBe(200);
    const approved = await act(f().id, "photo/approve");
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().verification.passed).toBe(true);
    const submitted = await act(f().id, "submit-to-bureau");
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: "sms_pending", stage: "待短信核验" });
  });

  it("records on-site verification: who checked which originals, when and where", async () => {
    const g = filed[3]!;
    expect((await act(g.id, "approve")).statusCode).toBe(200);
    const res = await act(g.id, "on-site", { originalsChecked: ["身份证原件"], checkedAt: "2026-03-03T10:00:00+08:00", place: "杭州营业厅" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().verification).toMatchObject({ method: "on_site", passed: true, onSite: { checkedBy: "r1@example.com", originalsChecked: ["身份证原件"] } });
  });

  it("offers the return-reason templates", async () => {
    const res = await sys.app.inject({ url: "/api/review/reason-templates", headers: bearer(reviewer) });
    expect(res.json().items.length).toBeGreaterThan(5);
    expect(res.json().items[0]).toMatchObject({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });
});
