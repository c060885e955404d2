import type { Browser, Page } from "playwright-core";
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

async function fill(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

describe("accounts in the browser (issue 3)", () => {
  it("an applicant registers (fixing a mistake), sees the dashboard, reloads, logs out", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${system.baseUrl}/`);
    // Not signed in: the guard sends us to the login page.
    await page.getByRole("heading", { name: "登录" }).or(page.getByText("还没有账号？")).first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "01-login");

    await page.getByRole("link", { name: "注册备案账号" }).click();
    // The login page has an 邮箱 field too: wait until the registration form has replaced it.
    await page.waitForURL(/\/register$/);
    await page.getByLabel("确认密码", { exact: true }).waitFor();
    await fill(page, "邮箱", "zhang.san@example.com");
    await fill(page, "手机号码", "1380013800"); // one digit short
    await fill(page, "密码", "Lanse-dahai-2026");
    await fill(page, "确认密码", "Lanse-dahai-2026");
    await page.getByRole("button", { name: "注册" }).click();
    await page.getByText("手机号码应为中国大陆 11 位手机号").waitFor();
    // Nothing typed is lost.
    expect(await page.getByLabel("邮箱", { exact: true }).inputValue()).toBe("zhang.san@example.com");
    expect(await page.getByLabel("密码", { exact: true }).inputValue()).toBe("Lanse-dahai-2026");
    await screenshot(page, "02-register-error");

    await fill(page, "手机号码", "13800138000");
    await page.getByRole("button", { name: "注册" }).click();
    await page.getByRole("heading", { name: "我的备案" }).waitFor();
    await page.getByText("您还没有备案申请").waitFor();
    await screenshot(page, "03-dashboard");

    await page.reload();
    await page.getByRole("heading", { name: "我的备案" }).waitFor();
    await expect(page.getByText("zhang.san@example.com").first().isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${system.baseUrl}/`);
    await page.waitForURL(/\/login$/);
    await page.close();
  });

  it("a wrong password says so in Chinese", async () => {
    const page = await browser.newPage();
    await page.goto(`${system.baseUrl}/login`);
    await fill(page, "邮箱", "zhang.san@example.com");
    await fill(page, "密码", "Wrong-pass-1");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByText("邮箱或密码不正确").waitFor();
    await page.close();
  });

  it("the admin creates a reviewer, who lands on the review queue", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${system.baseUrl}/login`);
    await fill(page, "邮箱", system.adminEmail);
    await fill(page, "密码", system.adminPassword);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { name: "审核队列" }).waitFor();
    await page.getByRole("menuitem", { name: "用户管理" }).click();
    await page.getByRole("heading", { name: "用户管理" }).waitFor();
    await fill(page, "邮箱", "reviewer.li@example.com");
    await fill(page, "初始密码", "Reviewer-2026");
    await page.getByRole("button", { name: "创建账号" }).click();
    await page.getByRole("cell", { name: "reviewer.li@example.com" }).waitFor();
    await screenshot(page, "04-console-users");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login$/);

    await fill(page, "邮箱", "reviewer.li@example.com");
    await fill(page, "密码", "Reviewer-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { name: "审核队列" }).waitFor();
    expect(await page.getByRole("menuitem", { name: "用户管理" }).count()).toBe(0);
    // A reviewer sent to the applicant portal comes back to the console.
    await page.goto(`${system.baseUrl}/`);
    await page.waitForURL(/\/console$/);
    await page.close();
  });

  it("works on a phone-sized screen", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${system.baseUrl}/register`);
    await page.getByRole("button", { name: "注册" }).waitFor();
    await screenshot(page, "05-phone-register");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto(`${system.baseUrl}/login`);
    await fill(page, "邮箱", "zhang.san@example.com");
    await fill(page, "密码", "Lanse-dahai-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { name: "我的备案" }).waitFor();
    await screenshot(page, "06-phone-dashboard");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
