/**
 * The second half of the process over the real interface (issue 8): the provider system uploads
 * through its SOAP gateway to the running simulator, the code arrives in the simulated handset,
 * the applicant verifies on the province page, the bureau's reviewer approves, and the results
 * come back by download — no fakes between server and simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim } from "../../bureau-sim/test/support/sim-client.js";
import { pollBureau } from "../src/modules/bureau/download.js";
import { uploadFilingToBureau } from "../src/modules/bureau/upload.js";
import { personalFilingOf, submittedFiling } from "./support/filings.js";
import { bearer, loginAs, type Session } from "./support/http.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

let sim: Awaited<ReturnType<typeof startTestSim>>;
let sys: TestSystem;
let reviewer: Session;

beforeAll(async () => {
  sim = await startTestSim();
  sys = await startTestSystem({ bureauUrl: sim.sim.url }, { bureau: "soap" });
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email: "r@example.com", password: "Review3r-pass", role: "reviewer" } });
  reviewer = await loginAs(sys.app, "r@example.com", "Review3r-pass");
}, 60_000);
afterAll(async () => {
  await sys?.close();
  await sim?.sim.close();
});

const simGet = async <T>(path: string): Promise<T> => (await fetch(`${sim.sim.url}${path}`, { headers: { accept: "application/json" } })).json() as Promise<T>;
type Outcome = { result: string; message: string };
const simPost = async (path: string, body: Record<string, string>): Promise<Outcome> =>
  (await fetch(`${sim.sim.url}${path}`, { method: "POST", headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(body) })).json() as Promise<Outcome>;
const filing = async (id: string, who: Session = reviewer) => (await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(who) })).json();
const act = async (id: string, action: string, body: Record<string, unknown> = {}) => {
  const res = await sys.app.inject({
    method: "POST",
    url: `/api/review/filings/${id}/${action}`,
    headers: bearer(reviewer),
    payload: { expectedVersion: (await filing(id)).version, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe("provider → bureau → provider over SOAP (R-SMS-1…9, R-ST-1)", () => {
  it("uploads, texts the code, verifies on the province page, and brings back the ICP number", async () => {
    const f = await submittedFiling(sys, 0);
    const person = personalFilingOf(0).subject!.principal!;
    await act(f.id, "approve");
    await act(f.id, "on-site", { originalsChecked: ["身份证原件"], checkedAt: "2026-03-02T10:00:00+08:00", place: "营业厅" });
    const requestedAt = sys.clock.now().toISOString();
    await act(f.id, "submit-to-bureau");
    await uploadFilingToBureau(sys.ctx, { filingId: f.id, requestedAt });

    // About five minutes later the code arrives, from a carrier's sender number (R-SMS-4, R-SMS-8).
    sim.clock.advance(301_000);
    await sim.sim.sweep();
    const inbox = await simGet<{ messages: { sender: string; text: string }[] }>(`/sim/sms?mobile=${person.mobile}`);
    expect(inbox.messages).toHaveLength(1);
    const [sms] = inbox.messages;
    expect(["106598051001", "10655113", "106575000130"]).toContain(sms!.sender);
    const code = /(\d{6})/.exec(sms!.text)![1]!;

    // The status page tells where to go; the link is the simulator's page of the province.
    const seen = await filing(f.id, f.session);
    expect(seen.sms.verificationUrl).toBe(`${sim.sim.url}/zj/state/outPortal/messageAuthentication.action`);
    const wrong = await simPost(new URL(seen.sms.verificationUrl).pathname, { certificateNumber: f.certificateNumber, mobile: person.mobile!, code: code === "000000" ? "111111" : "000000" });
    expect(wrong.result).not.toBe("verified");
    const verified = await simPost(new URL(seen.sms.verificationUrl).pathname, { certificateNumber: f.certificateNumber, mobile: person.mobile!, code });
    expect(verified.message).toMatch(/[\u4e00-\u9fff]/);

    expect(await pollBureau(sys.ctx)).toBeGreaterThan(0);
    expect((await filing(f.id, f.session)).stage).toBe("待管局审核");

    const queue = await simGet<{ filings: { id: string; recordId: string }[] }>("/sim/operator");
    const mine = queue.filings.find((x) => x.recordId === f.id);
    expect(mine).toBeDefined();
    await simPost(`/sim/operator/filings/${mine!.id}/approve`, {});
    await pollBureau(sys.ctx);
    const done = await filing(f.id, f.session);
    expect(done).toMatchObject({ status: "approved", stage: "备案成功", icpNumber: expect.stringMatching(/^浙ICP备2026\d{6}号$/) });
    expect(done.websiteIcpNumbers[0]).toMatchObject({ domain: f.domain, icpNumber: `${done.icpNumber}-1` });

    // Polling again finds nothing new; the registry now knows the domain (R-PRE-1).
    expect(await pollBureau(sys.ctx)).toBe(0);
    const precheck = await sys.app.inject({ url: `/api/precheck?domain=${f.domain}`, headers: bearer(f.session) });
    expect(precheck.json()).toMatchObject({ filed: true });
  });
});
