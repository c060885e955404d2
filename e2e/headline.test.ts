/**
 * The project's headline test (issue 8): the whole process, browser and real parts end to end —
 * an applicant registers, the filing is filled in and submitted, the provider's reviewer approves
 * it and the curtain photo, submits to the bureau; the code arrives in the simulated handset, the
 * applicant verifies on the province page, the bureau's operator approves, and the applicant sees
 * 备案成功 with the ICP number. Server ↔ simulator is real SOAP; only the SMS delay is shortened.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBureauSim, type RunningSim } from "../packages/bureau-sim/src/start.js";
import { phonePhoto } from "../packages/server/test/support/images.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { login, personalFilingAt, submitFiling, type ApiClient } from "./support/review-api.js";
import { startSystem } from "./support/system.js";

let sim: RunningSim;
let system: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;

beforeAll(async () => {
  sim = await startBureauSim({
    config: { host: "127.0.0.1", port: 0, dataDir: null, databaseUrl: undefined, smsDelaySeconds: 1, sweepIntervalMs: 300, logLevel: "warn" },
  });
  system = await startSystem({ bureauUrl: sim.url, bureauPollSeconds: 1 });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await system?.stop();
  await sim?.close();
});

const popconfirm = (page: Page, button: string) => page.locator(".ant-popover:visible").getByRole("button", { name: button, exact: true }).click();

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${system.baseUrl}/login`);
  await page.getByLabel("邮箱", { exact: true }).fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Reloads until the text shows: the server applies the bureau's results by polling. */
async function reloadUntil(page: Page, text: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.reload();
    try {
      await page.getByText(text).first().waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
}

describe("the whole filing process (issue 8 headline)", () => {
  it("register → submit → provider review and photo → bureau SMS verification → 备案成功 with the ICP number", async () => {
    const photo = await phonePhoto(1600, 1200);
    const form = personalFilingAt(0, new Date());
    const person = form.subject!.principal!;

    // The applicant's filing, through the API as resellers' automation would file it (the form in
    // the browser is what e2e/filing.test.ts covers); the applicant then follows it in the browser.
    const filing = await submitFiling(system.baseUrl, 0, form, photo);
    const applicant = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(applicant, "review-applicant-0@example.com", "Applicant-2026");
    await applicant.getByRole("heading", { name: "我的备案" }).waitFor();
    await applicant.goto(`${system.baseUrl}/filings/${filing.id}`);
    await applicant.getByText("待接入商审核").first().waitFor();
    await screenshot(applicant, "headline-01-submitted");

    // The provider's reviewer approves the initial review.
    const admin = await login(system.baseUrl, system.adminEmail, system.adminPassword);
    await admin.call("POST", "/api/admin/users", { email: "reviewer@e2e.local", password: "Reviewer-pass-1", role: "reviewer" });
    const reviewer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(reviewer, "reviewer@e2e.local", "Reviewer-pass-1");
    await reviewer.getByRole("heading", { name: "审核队列" }).waitFor();
    await reviewer.goto(`${system.baseUrl}/console/filings/${filing.id}`);
    await reviewer.getByRole("button", { name: "初审通过" }).click();
    await popconfirm(reviewer, "通过");
    await reviewer.getByRole("button", { name: "照片通过" }).or(reviewer.getByText("待核验").first()).first().waitFor();

    // The applicant uploads the curtain photo on the status page.
    await applicant.reload();
    const panel = applicant.getByTestId("verification-panel");
    await panel.waitFor();
    await screenshot(applicant, "headline-02-verification");
    await panel.locator('input[type="file"]').setInputFiles({ name: "curtain.jpg", mimeType: "image/jpeg", buffer: photo });
    await panel.getByText("照片已上传，等待接入商审核。").waitFor();

    // The reviewer approves the photo and submits to the bureau.
    await reviewer.reload();
    await reviewer.getByRole("button", { name: "照片通过" }).click();
    await popconfirm(reviewer, "通过");
    await reviewer.getByTestId("verification").getByText("核验已通过", { exact: true }).waitFor();
    await reviewer.getByRole("button", { name: "提交管局" }).click();
    await popconfirm(reviewer, "提交");
    await reviewer.getByText("待短信核验").first().waitFor();
    await screenshot(reviewer, "headline-03-submitted-to-bureau");

    // The applicant sees where and until when to verify.
    await applicant.reload();
    const sms = applicant.getByTestId("sms-status");
    await sms.waitFor();
    await screenshot(applicant, "headline-04-sms-pending");
    const portal = (await sms.getByTestId("sms-verification-link").getAttribute("href"))!;
    expect(portal.startsWith(sim.url)).toBe(true);

    // The code arrives in the simulated handset (R-SMS-8).
    const handset = await browser.newPage();
    let code = "";
    for (let i = 0; i < 60 && !code; i++) {
      await handset.goto(`${sim.url}/sim/sms?mobile=${person.mobile}`);
      code = /\b(\d{6})\b/.exec((await handset.locator("table").textContent().catch(() => "")) ?? "")?.[1] ?? "";
      if (!code) await handset.waitForTimeout(1_000);
    }
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(handset, "headline-05-sms-inbox");

    // Verification on the province page: certificate number, mobile, code (R-SMS-5).
    await handset.goto(portal);
    await handset.getByLabel("证件号码").fill(person.certificate!.number!);
    await handset.getByLabel("手机号码").first().fill(person.mobile!);
    await handset.getByLabel("短信核验码").fill(code);
    await handset.getByRole("button", { name: "提交核验" }).click();
    await handset.getByText("短信核验成功").waitFor();
    await screenshot(handset, "headline-06-province-page");

    await reloadUntil(applicant, "待管局审核");

    // The bureau's operator approves; the ICP number comes back by download.
    await handset.goto(`${sim.url}/sim/operator`);
    await screenshot(handset, "headline-07-operator");
    await handset.locator("tr", { hasText: filing.id }).getByRole("button", { name: "审核通过" }).click();

    await reloadUntil(applicant, "备案成功");
    const approved = applicant.getByTestId("approved-panel");
    await approved.waitFor();
    const text = (await approved.textContent()) ?? "";
    expect(text).toMatch(/浙ICP备2026\d{6}号/);
    expect(text).toContain("beian.miit.gov.cn");
    expect(text).toContain("公安");
    await screenshot(applicant, "headline-08-approved");
    const api: ApiClient = await filing.relogin();
    const done = await api.call<{ status: string; icpNumber: string }>("GET", `/api/filings/${filing.id}`);
    expect(done).toMatchObject({ status: "approved", icpNumber: expect.stringMatching(/^浙ICP备/) });
  }, 300_000);
});
