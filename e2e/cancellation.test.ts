/**
 * Cancellations in the browser (R-PRE-2, issue 5): an applicant starts 注销网站, is told by the
 * live check that the number is wrong, fixes it, gives the reason and submits; no materials and no
 * SMS are asked for, and the filing waits for the provider.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.js";
import { startSystem } from "./support/system.js";

let system: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe("cancellations in the browser (issue 5)", () => {
  it("注销网站: ICP number checked live, reason required, submitted without materials", async () => {
    const reg = await fetch(`${system.baseUrl}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "cancel@example.com", password: "Zhuxiao-mima-2026", mobile: "13800138001" }),
    });
    expect(reg.status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${system.baseUrl}/login`);
    await page.getByLabel("邮箱", { exact: true }).fill("cancel@example.com");
    await page.getByLabel("密码", { exact: true }).fill("Zhuxiao-mima-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { name: "我的备案" }).waitFor();

    await page.goto(`${system.baseUrl}/filings/new`);
    await page.getByTestId("filing-type").getByText("注销网站", { exact: true }).click();
    await page.getByRole("button", { name: "开始填写" }).click();
    const form = page.getByTestId("cancellation-form");
    await form.waitFor();

    await form.getByLabel("备案所在省份").click();
    await page.keyboard.type("浙江");
    await page.keyboard.press("Enter");
    await form.getByLabel("网站备案号").fill("浙ICP备123号");
    await form.getByText(/备案号/).filter({ hasText: /格式|不正确|应为/ }).first().waitFor();
    await screenshot(page, "cancel-01-live-error");

    await form.getByLabel("网站备案号").fill("浙ICP备2026000001号-1");
    await form.getByLabel("网站域名").fill("old-site.cn");
    await form.getByRole("button", { name: "提交注销网站申请" }).click();
    await form.getByText("请填写原因。").waitFor();
    await form.getByLabel("注销网站原因").fill("网站已停止运营");
    await form.getByRole("button", { name: "提交注销网站申请" }).click();

    await page.waitForURL(/\/filings\/[0-9a-f-]+$/);
    await page.getByText("待接入商审核").first().waitFor();
    await screenshot(page, "cancel-02-submitted");
    expect(await page.getByTestId("sms-status").count()).toBe(0);
  });
});
