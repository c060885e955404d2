import { workflowLimits, type Effect } from "@beian/rules";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filings, notifications, users, type NotificationRow } from "../src/db/schema.js";
import { createFakeBureauGateway } from "../src/gateways/bureau/fake.js";
import { pollBureau } from "../src/modules/bureau/download.js";
import { applyFilingEvent } from "../src/modules/filings/lifecycle.js";
import { fireFilingTimer } from "../src/modules/filings/timers.js";
import { notifyFilingEvent } from "../src/modules/notifications/filing-notices.js";
import { submittedFiling, type SubmittedFiling } from "./support/filings.js";
import { bearer, loginAs, type Session } from "./support/http.js";
import { reviewerOf } from "./support/review.js";
import { phonePhoto } from "./support/images.js";
import { multipart } from "./support/multipart.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

/**
 * Each step of the lifecycle notifies the right people exactly once, in Chinese: the applicant
 * (email, SMS where the rules ask, inbox) and every active reviewer and admin (email, inbox).
 */
const bureau = createFakeBureauGateway();
let sys: TestSystem;
let reviewer: Session;
const STAFF = [ADMIN.email, "r1@example.com", "r2@example.com"];

beforeAll(async () => {
  sys = await startTestSystem({}, { bureau });
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  for (const email of ["r1@example.com", "r2@example.com", "gone@example.com"]) {
    await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email, password: "Review3r-pass", role: "reviewer" } });
  }
  // A reviewer who left: disabled accounts get nothing.
  await sys.ctx.db.update(users).set({ disabledAt: sys.clock.now() }).where(eq(users.email, "gone@example.com"));
  reviewer = await loginAs(sys.app, "r1@example.com", "Review3r-pass");
}, 60_000);
afterAll(() => sys.close());

const noticesOf = (filingId: string) => sys.ctx.db.select().from(notifications).where(like(notifications.idempotencyKey, `filing:${filingId}:%`));
/** "channel recipient" of every notice of one template, sorted. */
const deliveries = (rows: NotificationRow[], template: string) =>
  rows
    .filter((r) => r.template === template)
    .map((r) => `${r.channel} ${r.channel === "inbox" ? "inbox" : r.recipient}`)
    .sort();
const one = (rows: NotificationRow[], template: string, channel: NotificationRow["channel"]) => {
  const found = rows.filter((r) => r.template === template && r.channel === channel);
  expect(found, `${template} by ${channel}`).toHaveLength(1);
  return found[0]!;
};
const staffDeliveries = () => [...STAFF.map((e) => `email ${e}`), ...STAFF.map(() => "inbox inbox")].sort();
const applicant = (n: number, sms: boolean) =>
  [`email applicant-${n}@example.com`, "inbox inbox", ...(sms ? [`sms 1360000${3000 + n}`] : [])].sort();

const { act } = reviewerOf(() => sys, () => bearer(reviewer));
const uploadPhoto = async (f: SubmittedFiling) => {
  const res = await sys.app.inject({
    method: "POST",
    url: `/api/filings/${f.id}/photo`,
    ...multipart({}, { name: "photo.jpg", type: "image/jpeg", data: await phonePhoto(1600, 1200) }, bearer(f.session)),
  });
  expect(res.statusCode, res.body).toBe(200);
};
const onSite = (id: string) => act(id, "on-site", { originalsChecked: ["身份证原件"], checkedAt: "2026-03-02T10:00:00+08:00", place: "杭州营业厅" });

describe("lifecycle notices reach the right people once (R-REV-1, R-REV-3, R-SMS-1…9, R-ST-1)", () => {
  let f: SubmittedFiling;

  it("submitted: the applicant by email and inbox, every active reviewer and admin by email and inbox (R-REV-1)", async () => {
    f = await submittedFiling(sys, 0);
    const rows = await noticesOf(f.id);
    expect(deliveries(rows, "filing.submitted")).toEqual(applicant(0, false));
    expect(deliveries(rows, "review.filing_submitted")).toEqual(staffDeliveries());
    expect(rows.some((r) => r.recipient === "gone@example.com")).toBe(false);
    expect(one(rows, "filing.submitted", "email").subject).toBe("您的备案申请已提交，等待接入商审核");
    expect(rows.find((r) => r.template === "review.filing_submitted" && r.recipient === "r1@example.com")!.subject).toContain("张三");
  });

  it("returned: each reason with the field it concerns (R-REV-1)", async () => {
    await act(f.id, "return", {
      reasons: [
        { path: "websites.0.name", code: "SITE_NAME_INVALID", message: "网站名称请与网站实际内容一致。" },
        { path: "subject.address.detail", code: "ADDRESS_INCOMPLETE", message: "通信地址请写到门牌号。" },
      ],
    });
    const rows = await noticesOf(f.id);
    expect(deliveries(rows, "filing.returned")).toEqual(applicant(0, false));
    const body = one(rows, "filing.returned", "email").body;
    expect(body).toContain("1. 【网站1 · 网站名称】网站名称请与网站实际内容一致。");
    expect(body).toContain("2. 【主体信息 · 通信地址（详细地址）】通信地址请写到门牌号。");
  });

  it("a replayed effect adds nothing: the event key holds the version of the change", async () => {
    const [row] = await sys.ctx.db.select().from(filings).where(eq(filings.id, f.id));
    const before = (await noticesOf(f.id)).length;
    const effect: Extract<Effect, { type: "notify" }> = { type: "notify", template: "returned_by_provider", to: "applicant", channels: ["email"], data: { reasons: [{ code: "X", message: "重放" }] } };
    await sys.ctx.db.transaction((tx) => notifyFilingEvent(tx, sys.ctx, row!, effect));
    expect((await noticesOf(f.id)).length).toBe(before);
  });

  let g: SubmittedFiling;
  it("initial review passed, photo uploaded (reviewers), photo rejected with reasons (email + SMS, R-REV-3)", async () => {
    g = await submittedFiling(sys, 1);
    await act(g.id, "approve");
    let rows = await noticesOf(g.id);
    expect(deliveries(rows, "filing.initial_review_passed")).toEqual(applicant(1, false));
    expect(one(rows, "filing.initial_review_passed", "email").body).toContain("幕布照片");

    await uploadPhoto(g);
    rows = await noticesOf(g.id);
    expect(deliveries(rows, "review.photo_uploaded")).toEqual(staffDeliveries());
    expect(rows.find((r) => r.template === "review.photo_uploaded")!.body).toMatch(/请在 2026年3月\d+日 \d\d:\d\d 前完成审核/);

    await act(g.id, "photo/reject", { reasons: [{ code: "PHOTO_BACKGROUND", message: "幕布需完整出现在照片中。" }] });
    rows = await noticesOf(g.id);
    expect(deliveries(rows, "filing.photo_rejected")).toEqual(applicant(1, true));
    expect(one(rows, "filing.photo_rejected", "email").body).toContain("1. 幕布需完整出现在照片中。");
    expect(one(rows, "filing.photo_rejected", "sms").body).toMatch(/^【备案系统】/);
  });

  it("photo approved: verification passed by email and SMS (R-REV-3)", async () => {
    await uploadPhoto(g);
    await act(g.id, "photo/approve");
    const rows = await noticesOf(g.id);
    expect(deliveries(rows, "review.photo_uploaded")).toEqual([...staffDeliveries(), ...staffDeliveries()].sort());
    expect(deliveries(rows, "filing.verification_passed")).toEqual(applicant(1, true));
    expect(one(rows, "filing.verification_passed", "email").body).toContain("幕布照片核验已通过");
  });

  it("sent to the bureau: the SMS code to expect, the three sender numbers, the province page and the 48 h deadline (R-SMS-4, R-SMS-5, R-SMS-8)", async () => {
    const sentAt = sys.clock.now();
    await act(g.id, "submit-to-bureau");
    const rows = await noticesOf(g.id);
    expect(deliveries(rows, "filing.sms_code_expected")).toEqual(applicant(1, true));
    const body = one(rows, "filing.sms_code_expected", "email").body;
    for (const number of ["106598051001", "10655113", "106575000130"]) expect(body).toContain(number);
    // One code for the one mobile of the subject and website principal (R-SMS-2), masked.
    expect(body).toMatch(/工信部会向 137\*{4}\d{4}（主体负责人、网站负责人（[^）]+）） 发送 6 位验证码/);
    expect(body).toMatch(/https?:\/\/\S+/);
    const expires = new Date(sentAt.getTime() + 48 * 3_600_000 + 8 * 3_600_000);
    expect(body).toContain(`${expires.getUTCMonth() + 1}月${expires.getUTCDate()}日`);
    expect(one(rows, "filing.sms_code_expected", "email").subject).toBe("请在 48 小时内完成工信部短信核验");
    expect(one(rows, "filing.sms_code_expected", "sms").body).toMatch(/http/);
  });

  it("SMS not verified in time: back to the provider, applicant (email + SMS) and reviewers told (R-SMS-5)", async () => {
    bureau.deliver([{ kind: "sms_expired", recordId: g.id, code: 1103, operation: "XZBA", reason: "48 小时内未完成短信核验" }]);
    await pollBureau(sys.ctx);
    const rows = await noticesOf(g.id);
    expect(deliveries(rows, "filing.sms_returned")).toEqual(applicant(1, true));
    expect(deliveries(rows, "review.sms_returned")).toEqual(staffDeliveries());
    expect(one(rows, "filing.sms_returned", "email").body).toContain("未在 48 小时内完成短信核验");
  });

  it("SMS verified, then approved with the ICP number and the 30-day 公安备案 reminder (email + SMS)", async () => {
    await act(g.id, "submit-to-bureau");
    bureau.deliver([{ kind: "sms_verified", recordId: g.id, code: 1101, operation: "XZBA" }]);
    await pollBureau(sys.ctx);
    bureau.deliver([{ kind: "approved", recordId: g.id, code: 1001, operation: "XZBA", icpNumber: "浙ICP备2026000321号", websites: [] }]);
    await pollBureau(sys.ctx);
    const rows = await noticesOf(g.id);
    expect(deliveries(rows, "filing.sms_code_expected")).toHaveLength(6);
    expect(deliveries(rows, "filing.sms_verified")).toEqual(applicant(1, false));
    expect(deliveries(rows, "filing.approved")).toEqual(applicant(1, true));
    const approved = one(rows, "filing.approved", "email");
    expect(approved.subject).toContain("浙ICP备2026000321号");
    expect(approved.body).toContain("30 日内");
    expect(approved.body).toContain("公安");
    expect(one(rows, "filing.approved", "sms").body).toContain("浙ICP备2026000321号");
  });

  it("on-site verification passes by email and SMS; a bureau return carries the bureau's reason (email + SMS)", async () => {
    const h = await submittedFiling(sys, 2);
    await act(h.id, "approve");
    await onSite(h.id);
    await act(h.id, "submit-to-bureau");
    bureau.deliver([{ kind: "returned", recordId: h.id, code: 1002, operation: "XZBA", reason: "网站名称含有不允许的词语" }]);
    await pollBureau(sys.ctx);
    const rows = await noticesOf(h.id);
    expect(one(rows, "filing.verification_passed", "sms").body).toContain("现场核验");
    expect(deliveries(rows, "filing.returned_by_bureau")).toEqual(applicant(2, true));
    expect(one(rows, "filing.returned_by_bureau", "email").body).toContain("网站名称含有不允许的词语");
  });

  it("withdrawn: the applicant gets a confirmation and the reviewers are told (WF-4); expired: the applicant is told", async () => {
    const w = await submittedFiling(sys, 3);
    const [row] = await sys.ctx.db.select().from(filings).where(eq(filings.id, w.id));
    const [owner] = await sys.ctx.db.select().from(users).where(eq(users.id, row!.ownerId));
    const actor = { kind: "user", user: { id: owner!.id, email: owner!.email, role: "applicant" }, via: "bearer", sessionId: "s", csrfToken: "c" } as const;
    await applyFilingEvent(sys.ctx, actor, row!, row!.version, { type: "withdraw" });
    let rows = await noticesOf(w.id);
    expect(deliveries(rows, "review.filing_withdrawn")).toEqual(staffDeliveries());
    expect(deliveries(rows, "filing.withdrawn")).toEqual(applicant(3, false));

    // f was returned to its applicant and left untouched (WF-4).
    const saved = sys.clock.now();
    const [stale] = await sys.ctx.db.select().from(filings).where(eq(filings.id, f.id));
    sys.clock.set(new Date(saved.getTime() + (workflowLimits().untouchedExpiryDays + 1) * 86_400_000));
    await fireFilingTimer(sys.ctx, { filingId: f.id, job: "filing_expiry", version: stale!.version });
    sys.clock.set(saved);
    rows = await noticesOf(f.id);
    expect(deliveries(rows, "filing.expired")).toEqual(applicant(0, false));
  });

  it("never leaves a placeholder or an English word in what people read", async () => {
    const rows = await sys.ctx.db.select().from(notifications);
    for (const r of rows) {
      expect(r.body).not.toMatch(/\{\{|undefined|null/);
      expect(r.subject).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
