/**
 * 账号与数据 in the browser (#11.3, #11.4): an applicant is refused a common password, changes
 * the password and is signed out, downloads their data, and closes the account after reading why
 * some records are kept.
 */
import { readFileSync } from "node:fs";
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

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${system.baseUrl}/login`);
  await page.getByLabel("邮箱", { exact: true }).fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // The login page returns to where the applicant was (here: 账号与数据 after the password change).
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** antd dialogs open with a zoom animation; a click during it can be lost on a loaded machine. */
const settled = (page: Page) => page.waitForTimeout(600);

describe("账号与数据 (#11.3, #11.4)", () => {
  it("changes the password, exports the data and closes the account", async () => {
    const email = "account.page@example.com";
    const reg = await fetch(`${system.baseUrl}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "Lanse-dahai-42", mobile: "13800138002" }),
    });
    expect(reg.status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, email, "Lanse-dahai-42");
    await page.getByRole("heading", { name: "我的备案" }).waitFor();
    await page.getByRole("link", { name: "账号与数据" }).click();
    await page.getByRole("heading", { name: "账号与数据" }).waitFor();

    // #11.3: a common password is refused under its field.
    await page.getByLabel("当前密码").fill("Lanse-dahai-42");
    await page.getByLabel("新密码", { exact: true }).fill("Password123");
    await page.getByLabel("确认新密码").fill("Password123");
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.getByText("该密码过于常见").waitFor();
    await screenshot(page, "account-01-common-password");

    // A good one signs the account out; the new password works.
    await page.getByLabel("新密码", { exact: true }).fill("Hongse-shan-77");
    await page.getByLabel("确认新密码").fill("Hongse-shan-77");
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.waitForURL(`${system.baseUrl}/login`);
    await signIn(page, email, "Hongse-shan-77");

    // #11.4: the export downloads as one JSON file with the account in it.
    await page.goto(`${system.baseUrl}/account`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出我的数据" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^beian-personal-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(data.account).toMatchObject({ email, mobile: "13800138002" });

    // Closing the account: a wrong password is refused in the dialog, the right one closes it.
    await page.getByRole("button", { name: "注销账号" }).click();
    const dialog = page.getByRole("dialog", { name: "注销账号" });
    await dialog.waitFor();
    await settled(page);
    await dialog.getByLabel("密码").fill("Wrong-passw0rd");
    await dialog.getByRole("button", { name: "确认注销" }).click();
    await dialog.getByText("当前密码不正确").waitFor();
    await dialog.getByLabel("密码").fill("Hongse-shan-77");
    await dialog.getByRole("button", { name: "确认注销" }).click();
    const closed = page.getByRole("dialog").filter({ hasText: "账号已注销" });
    await closed.waitFor();
    await closed.getByText(/^操作日志/).waitFor();
    await settled(page);
    await screenshot(page, "account-02-closed");
    await closed.getByRole("button", { name: "知道了" }).click();
    await page.waitForURL(`${system.baseUrl}/login`);

    const login = await fetch(`${system.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "Hongse-shan-77" }),
    });
    expect(login.status).toBe(401);
  });
});
