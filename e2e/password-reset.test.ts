/**
 * 忘记密码 in the browser (#11.3): the login page links to it, the request page answers the same
 * for any email, and the mailed link sets a new password (a common one is refused at the field).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailMessage, MailSender } from "../packages/server/src/gateways/mail/port.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { startSystem } from "./support/system.js";

const sent: MailMessage[] = [];
const mail: MailSender = { kind: "smtp", send: async (m) => void sent.push(m), close: async () => {} };

let system: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem({ mail });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe("忘记密码 (#11.3)", () => {
  it("#11.3 requests a reset link from the login page and sets a new password with it", async () => {
    const email = "forgot.page@example.com";
    const reg = await fetch(`${system.baseUrl}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "Lanse-dahai-42", mobile: "13800138003" }),
    });
    expect(reg.status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${system.baseUrl}/login`);
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await page.getByLabel("邮箱", { exact: true }).fill(email);
    await page.getByRole("button", { name: "发送重置链接" }).click();
    await page.getByText("如果该邮箱已注册").waitFor();
    await screenshot(page, "password-reset-01-requested");

    await expect
      .poll(() => sent.find((m) => m.to === email && m.subject === "重置您的备案系统密码"), { timeout: 15_000 })
      .toBeDefined();
    const text = sent.find((m) => m.to === email && m.subject === "重置您的备案系统密码")!.text;
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

    await page.goto(`${system.baseUrl}/reset-password?token=${token}`);
    await page.getByLabel("新密码", { exact: true }).fill("Password123");
    await page.getByLabel("确认新密码").fill("Password123");
    await page.getByRole("button", { name: "设置新密码" }).click();
    await page.getByText("该密码过于常见").waitFor();
    await screenshot(page, "password-reset-02-common-password");

    await page.getByLabel("新密码", { exact: true }).fill("Hongse-shan-77");
    await page.getByLabel("确认新密码").fill("Hongse-shan-77");
    await page.getByRole("button", { name: "设置新密码" }).click();
    await page.waitForURL(`${system.baseUrl}/login`);
    await page.getByLabel("邮箱", { exact: true }).fill(email);
    await page.getByLabel("密码", { exact: true }).fill("Hongse-shan-77");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { name: "我的备案" }).waitFor();
    await page.close();
  }, 90_000);
});
