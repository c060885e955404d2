import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bureauExchanges } from "../src/db/schema.js";
import { createFakeBureauGateway } from "../src/gateways/bureau/fake.js";
import { BureauError } from "../src/gateways/bureau/port.js";
import { applyDownload, pollBureau } from "../src/modules/bureau/download.js";
import { uploadFilingToBureau } from "../src/modules/bureau/upload.js";
import { submittedFiling, type SubmittedFiling } from "./support/filings.js";
import { bearer, loginAs, type Session } from "./support/http.js";
import { reviewerOf } from "./support/review.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

const bureau = createFakeBureauGateway();
let sys: TestSystem;
let reviewer: Session;

beforeAll(async () => {
  sys = await startTestSystem({}, { bureau });
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email: "r@example.com", password: "Review3r-pass", role: "reviewer" } });
  reviewer = await loginAs(sys.app, "r@example.com", "Review3r-pass");
}, 60_000);
afterAll(() => sys.close());

const { filing, act, verify } = reviewerOf(() => sys, () => bearer(reviewer));

/** A filing verified on site and submitted to the bureau by the reviewer: 待短信核验. */
async function atBureau(n: number): Promise<SubmittedFiling & { requestedAt: string }> {
  const f = await submittedFiling(sys, n);
  await verify(f.id);
  const requestedAt = sys.clock.now().toISOString();
  expect((await act(f.id, "submit-to-bureau")).status).toBe("sms_pending");
  return { ...f, requestedAt };
}

const exchanges = (filingId: string) => sys.ctx.db.select().from(bureauExchanges).where(eq(bureauExchanges.filingId, filingId));

describe("upload job (R-SMS-1)", () => {
  it("sends the filing as XZBA once, recording the exchange with its sequence", async () => {
    const f = await atBureau(0);
    await uploadFilingToBureau(sys.ctx, { filingId: f.id, requestedAt: f.requestedAt });
    await uploadFilingToBureau(sys.ctx, { filingId: f.id, requestedAt: f.requestedAt }); // a retried job
    const mine = bureau.uploads.filter((u) => u.xml.includes(f.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.xml).toContain("<XZBA");
    expect(mine[0]!.xml).toContain(f.domain);
    expect(await exchanges(f.id)).toEqual([expect.objectContaining({ direction: "upload", status: "sent", messageType: "XZBA", dataSequence: mine[0]!.dataSequence })]);
  });

  it("fails for a retry while the bureau is unreachable, then sends", async () => {
    const f = await atBureau(1);
    bureau.failNext(new BureauError("unreachable", "connect ECONNREFUSED"));
    await expect(uploadFilingToBureau(sys.ctx, { filingId: f.id, requestedAt: f.requestedAt })).rejects.toThrow(BureauError);
    await uploadFilingToBureau(sys.ctx, { filingId: f.id, requestedAt: f.requestedAt });
    expect((await exchanges(f.id)).map((e) => e.status).sort()).toEqual(["failed", "sent"]);
    expect((await filing(f.id)).status).toBe("sms_pending");
  });

  it("returns the filing with the bureau's reason when the data is refused", async () => {
    const f = await atBureau(2);
    bureau.failNext(new BureauError("refused", "XML does not match the XSD", 5001));
    await uploadFilingToBureau(sys.ctx, { filingId: f.id, requestedAt: f.requestedAt });
    const seen = await filing(f.id);
    expect(seen).toMatchObject({ status: "returned_by_bureau", stage: "退回主办者修改" });
    expect(seen.timeline.at(-1)).toMatchObject({ actorRole: "bureau", reason: expect.stringContaining("5001") });
  });
});

describe("SMS status for the applicant (R-SMS-1…9)", () => {
  it("names who gets a code, the sender numbers, the province page, the noon resend and the 48 h deadline", async () => {
    const f = await atBureau(6);
    const seen = (await sys.app.inject({ url: `/api/filings/${f.id}`, headers: bearer(f.session) })).json();
    expect(seen.sms.recipients).toEqual([{ mobile: expect.stringMatching(/^137\*{4}\d{4}$/), roles: ["主体负责人", expect.stringContaining("网站负责人")] }]);
    expect(seen.sms.senders.map((s: { number: string }) => s.number)).toEqual(["106598051001", "10655113", "106575000130"]);
    expect(seen.sms.verificationUrl).toBe(`${sys.ctx.config.bureauUrl}/zj/state/outPortal/messageAuthentication.action`);
    expect(Date.parse(seen.sms.expiresAt) - Date.parse(seen.sms.sentAt)).toBe(48 * 3_600_000);
    // Sent Monday 10:00 Beijing time: resent Tuesday at noon.
    expect(seen.sms.resendAt).toBe("2026-03-03T04:00:00.000Z");
  });
});

describe("download job: results applied once (R-SMS-5, R-ST-1)", () => {
  it("moves a verified filing to 待管局审核, then to 备案成功 with its ICP number, acknowledging each file", async () => {
    const f = await atBureau(3);
    const verified = bureau.deliver([{ kind: "sms_verified", recordId: f.id, code: 1101, operation: "XZBA" }]);
    expect(await pollBureau(sys.ctx)).toBe(1);
    expect((await filing(f.id)).stage).toBe("待管局审核");
    expect(bureau.acknowledged).toContain(verified);

    bureau.deliver([{ kind: "approved", recordId: f.id, code: 1001, operation: "XZBA", icpNumber: "浙ICP备2026000123号", websites: [{ name: "site", domain: f.domain, icpNumber: "浙ICP备2026000123号-1" }] }]);
    await pollBureau(sys.ctx);
    const done = await filing(f.id);
    expect(done).toMatchObject({ status: "approved", stage: "备案成功", icpNumber: "浙ICP备2026000123号" });
    expect(done.nextStep.text).toContain("公安备案");
  });

  it("applies a file delivered twice only once, and records late or out-of-order results as ignored", async () => {
    const f = await atBureau(4);
    const download = {
      fileName: "BAJG-duplicate-1",
      xml: "<BAJG/>",
      results: [{ kind: "approved" as const, recordId: f.id, fileName: "BAJG-duplicate-1", code: 1001, operation: "XZBA", icpNumber: "浙ICP备2026000124号", websites: [] }],
      problems: [],
      more: false,
    };
    // The approval overtook the SMS notice: both steps happen, in order.
    await applyDownload(sys.ctx, download);
    const once = await filing(f.id);
    expect(once).toMatchObject({ status: "approved", icpNumber: "浙ICP备2026000124号" });
    await applyDownload(sys.ctx, download);
    expect((await filing(f.id)).version).toBe(once.version);

    const late = bureau.deliver([{ kind: "returned", recordId: f.id, code: 1002, operation: "XZBA", reason: "网站名称不符" }]);
    await pollBureau(sys.ctx);
    expect((await filing(f.id)).status).toBe("approved");
    const [row] = await sys.ctx.db.select().from(bureauExchanges).where(eq(bureauExchanges.fileName, late));
    expect(row).toMatchObject({ status: "ignored", detail: expect.stringContaining("ignored returned") });
    expect(bureau.acknowledged).toContain(late);
  });

  it("takes an SMS expiry back to the provider, who may submit again (R-SMS-5)", async () => {
    const f = await atBureau(5);
    bureau.deliver([{ kind: "sms_expired", recordId: f.id, code: 1103, operation: "XZBA", reason: "48 小时内未完成短信核验" }]);
    await pollBureau(sys.ctx);
    expect((await filing(f.id)).status).toBe("submitted");
    expect((await act(f.id, "submit-to-bureau")).status).toBe("sms_pending");
  });
});
