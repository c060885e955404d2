/**
 * Issue 5, the provider's side of R-FORM-7 in the browser: a reviewer finds an applicant's special
 * website in the console (personal data masked in the list), opens it (every field, both
 * documents zoomable, the letter), returns it with a reason — a missing reason and a version
 * conflict are explained inline without losing the typed text — the applicant reads the reason
 * and uploads a new letter, and the reviewer accepts it. The list and the record fit a phone.
 */
import type { TSpecialWebsite } from "@beian/contracts";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { phonePhoto } from "../packages/server/test/support/images.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { confirmPopover, settle, sidewaysScrollers, signInToConsole } from "./support/console.js";
import { login, type ApiClient } from "./support/review-api.js";
import { startSystem } from "./support/system.js";

const REVIEWER = { email: "reviewer.sw@example.com", password: "Reviewer-2026" };
const APPLICANT = { email: "holder.sw@example.com", password: "Teshu-wangzhan-2026", mobile: "13800138012" };
const DESKTOP = { timezoneId: "Asia/Shanghai", locale: "zh-CN", viewport: { width: 1440, height: 900 } };
const PHONE = { timezoneId: "Asia/Shanghai", locale: "zh-CN", viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const REASON = "信息安全责任书缺少主办者签字，请签字后重新拍照上传。";

let sys: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;
let applicant: ApiClient;
let record: TSpecialWebsite;
let photo: Buffer;

beforeAll(async () => {
  sys = await startSystem();
  browser = await launchBrowser();
  const admin = await login(sys.baseUrl, sys.adminEmail, sys.adminPassword);
  await admin.call("POST", "/api/admin/users", { ...REVIEWER, role: "reviewer" });
  const reg = await fetch(`${sys.baseUrl}/api/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(APPLICANT) });
  expect(reg.status, await reg.text()).toBe(201);
  applicant = await login(sys.baseUrl, APPLICANT.email, APPLICANT.password);
  // The applicant's registration through the API (the applicant's page has its own e2e test).
  record = await applicant.call<TSpecialWebsite>("POST", "/api/special-websites", {
    siteName: "张三的旧博客",
    domain: "old-blog.cn",
    icpNumber: "浙ICP备12345678号-1",
    holder: { type: "personal", name: "张三", certificateType: "resident_id", certificateNumber: "330106199003154568" },
    emergencyContact: { name: "李四", mobile: "13900001234", qq: "12345678" },
  });
  photo = await phonePhoto(1200, 900);
  for (const kind of ["identity", "responsibility_letter"]) {
    record = await applicant.upload<TSpecialWebsite>(`/api/special-websites/${record.id}/documents`, { kind }, { name: `${kind}.jpg`, data: photo });
  }
  expect(record.missingDocuments).toEqual([]);
}, 180_000);

let open: Page | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail" && open && !open.isClosed()) await screenshot(open, `special-review-failed-${ctx.task.name.slice(0, 40)}`);
  if (open && !open.isClosed()) await open.context().close();
  open = undefined;
});

afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

async function openFromList(page: Page) {
  await page.getByRole("menuitem", { name: "特殊网站" }).click();
  await page.getByRole("heading", { name: "特殊网站", level: 3 }).waitFor();
  const row = page.locator(`[data-row-key="${record.id}"]`);
  await row.waitFor();
  return row;
}

describe("special websites in the provider console (R-FORM-7, issue 5)", () => {
  it("a reviewer finds the record, returns it with a reason; a missing reason and a conflict are explained inline", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    const row = await openFromList(page);
    // The list masks personal data, as the queue does; the record shows it in full.
    await row.getByText("张*").waitFor();
    await row.getByText("139****1234 · QQ 12****78").waitFor();
    expect(await row.textContent()).not.toContain("330106199003154568");
    await row.getByText("资料齐全").waitFor();
    await row.getByText("待审核").waitFor();
    await screenshot(page, "special-review-01-list");

    await row.getByRole("link", { name: "审核" }).click();
    await page.getByRole("heading", { name: "特殊网站 · 张三的旧博客" }).waitFor();
    for (const text of ["old-blog.cn", "浙ICP备12345678号-1", "330106199003154568", "13900001234", "12345678", "李四"]) {
      await page.getByText(text, { exact: true }).first().waitFor();
    }
    const letter = await page.getByTestId("letter-download").getAttribute("href");
    const pdf = await page.request.get(`${sys.baseUrl}${letter}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await screenshot(page, "special-review-02-record");

    // The signed letter zooms in the preview.
    await page.getByTestId("document-responsibility_letter").locator("img").click();
    const preview = page.locator(".ant-image-preview");
    await preview.waitFor();
    await settle(page);
    await screenshot(page, "special-review-03-letter-preview");
    await page.keyboard.press("Escape");
    await preview.waitFor({ state: "hidden" });

    const decision = page.getByTestId("special-website-decision");
    await decision.getByRole("button", { name: "退回" }).click();
    await decision.getByText("退回时请写明原因").waitFor();

    // Meanwhile the applicant uploads the letter again: the record's version moves on.
    await applicant.upload(`/api/special-websites/${record.id}/documents`, { kind: "responsibility_letter" }, { name: "letter-again.jpg", data: photo });
    await decision.getByLabel("退回原因").fill(REASON);
    await decision.getByRole("button", { name: "退回" }).click();
    await page.getByTestId("special-website-problem").getByText("已被修改").waitFor();
    expect(await decision.getByLabel("退回原因").inputValue()).toBe(REASON);
    await screenshot(page, "special-review-04-conflict");

    // Checked again, the same reason goes out.
    await decision.getByRole("button", { name: "退回" }).click();
    await page.getByTestId("special-website-status").filter({ hasText: "已退回" }).waitFor();
    await page.getByTestId("special-website-return").getByText(REASON).waitFor();
    expect(await page.getByTestId("special-website-problem").count()).toBe(0);
    // Returned, the record waits for the applicant: no second return, accepting stays possible.
    expect(await decision.getByLabel("退回原因").count()).toBe(0);
    await decision.getByText("等待主办者修改").waitFor();
    await screenshot(page, "special-review-05-returned");
  });

  it("the applicant reads the reason and uploads a signed letter; the record waits for review again", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await page.goto(`${sys.baseUrl}/login`);
    await page.getByLabel("邮箱", { exact: true }).fill(APPLICANT.email);
    await page.getByLabel("密码", { exact: true }).fill(APPLICANT.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { name: "我的备案" }).waitFor();
    await page.goto(`${sys.baseUrl}/special-websites`);
    const card = page.getByTestId("special-website");
    await card.getByTestId("special-website-return").getByText(REASON).waitFor();
    await card.getByTestId("special-website-status").filter({ hasText: "已退回" }).waitFor();
    await screenshot(page, "special-review-06-applicant-sees-reason");
    await card.getByTestId("document-responsibility_letter").locator('input[type="file"]').setInputFiles({ name: "signed-letter.jpg", mimeType: "image/jpeg", buffer: photo });
    await card.getByTestId("special-website-status").filter({ hasText: "待审核" }).waitFor();
  });

  it("the reviewer finds it waiting again, sees the last reason, and accepts it", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    const row = await openFromList(page);
    await row.getByRole("link", { name: "审核" }).click();
    await page.getByTestId("special-website-return").getByText(`上次退回`).waitFor();
    const decision = page.getByTestId("special-website-decision");
    await decision.getByRole("button", { name: "接受" }).click();
    await confirmPopover(page, "接受");
    await page.getByTestId("special-website-status").filter({ hasText: "审核通过" }).waitFor();
    expect(await decision.getByRole("button", { name: "接受" }).count()).toBe(0);
    await screenshot(page, "special-review-07-accepted");

    await page.goto(`${sys.baseUrl}/console/special-websites?status=accepted&order=newest`);
    await page.locator(`[data-row-key="${record.id}"]`).getByText("审核通过").waitFor();
    await page.goto(`${sys.baseUrl}/console/special-websites`);
    await page.getByText("暂无待审核的特殊网站登记").waitFor();
    const status = (await applicant.call<TSpecialWebsite>("GET", `/api/special-websites/${record.id}`)).status;
    expect(status).toBe("accepted");
  });

  it("the list and the record fit a phone-sized screen", async () => {
    const context = await browser.newContext(PHONE);
    const page = (open = await context.newPage());
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    for (const [path, ready, shot] of [
      ["/console/special-websites?status=all", () => page.locator(`[data-row-key="${record.id}"]`).waitFor(), "special-review-08-phone-list"],
      [`/console/special-websites/${record.id}`, () => page.getByTestId("special-website-decision").waitFor(), "special-review-09-phone-record"],
    ] as const) {
      await page.goto(`${sys.baseUrl}${path}`);
      await ready();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
      expect(await sidewaysScrollers(page), path).toEqual([]);
      await screenshot(page, shot);
    }
  });
});
