import { resolve } from "node:path";
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

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The element is inside the viewport (a deep link scrolled to it). */
const inView = (page: Page, id: string) =>
  page.evaluate((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return r !== undefined && r.top >= 0 && r.top < window.innerHeight;
  }, id);

describe("help center (issue 10)", () => {
  it("an anonymous visitor opens help from the login page, searches, reads a province and a finding", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${system.baseUrl}/login`);
    await page.getByRole("link", { name: "备案帮助中心" }).click();
    await page.waitForURL(/\/help$/);
    await page.getByRole("heading", { name: "备案帮助中心", level: 2 }).waitFor();
    await screenshot(page, "help-01-home");

    await page.getByLabel("搜索帮助").fill("幕布");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.getByRole("heading", { name: "搜索“幕布”" }).waitFor();
    expect(await page.getByTestId("search-results").getByRole("link").count()).toBeGreaterThan(1);
    await screenshot(page, "help-02-search");
    await page.getByRole("link", { name: "幕布照（当面核验照片）要求" }).click();
    await page.getByRole("heading", { name: "幕布照与图片要求", level: 2 }).waitFor();
    await page.getByText("系统会自动处理上传的图片").waitFor();
    await screenshot(page, "help-03-photo");

    await page.getByRole("menuitem", { name: "各省要求" }).click();
    await page.getByRole("link", { name: /上海市/ }).click();
    await page.waitForURL(/\/help\/provinces\/sh$/);
    await page.getByRole("heading", { name: "上海市备案要求", level: 2 }).waitFor();
    const special = page.getByTestId("special-rules");
    await special.getByText("网站名称禁用词：“论坛”").waitFor();
    expect(await special.getByText(/来源：/).count()).toBeGreaterThan(3);
    await page.getByRole("link", { name: "https://sh.beian.miit.gov.cn/state/outPortal/messageAuthentication.action" }).waitFor();
    await screenshot(page, "help-04-province-sh");

    // A finding's deep link lands on its entry.
    await page.goto(`${system.baseUrl}/help/findings#DOMAIN_IS_SUBDOMAIN`);
    await page.locator("#DOMAIN_IS_SUBDOMAIN").getByText("应填写主域名而不是子域名").waitFor();
    await expect.poll(() => inView(page, "DOMAIN_IS_SUBDOMAIN")).toBe(true);
    await screenshot(page, "help-05-finding");
    // What the visitor sees on arrival, not the whole page.
    await page.screenshot({ path: resolve(import.meta.dirname, "screenshots/help-05-finding-viewport.png") });

    // The site-name examples show the rules' own verdicts.
    await page.getByRole("menuitem", { name: "网站名称与前置审批" }).click();
    await page.getByRole("heading", { name: "网站名称规则", level: 4 }).waitFor();
    expect(await page.locator('[data-testid=name-example][data-verdict="fail"]').count()).toBeGreaterThan(3);
    await screenshot(page, "help-06-site-names");

    for (const [path, heading, shot] of [
      ["/help/process", "办理流程", "help-07-process"],
      ["/help/materials?subject=organisation&province=gd", "备案资料与核验单", "help-08-materials-gd"],
      ["/help/sms", "短信核验", "help-09-sms"],
    ] as const) {
      await page.goto(`${system.baseUrl}${path}`);
      await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
      await screenshot(page, shot);
    }
    await page.getByText("106598051001").waitFor();
    await page.close();
  });

  it("a signed-in visitor sees the provider's corrected province settings", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${system.baseUrl}/login`);
    const url = "https://hi.beian.miit.gov.cn/state/outPortal/messageAuthentication.action";
    // The admin corrects 海南's verification page (the source lists hn. for both 海南 and 湖南).
    const status = await page.evaluate(
      async ({ email, password, url }) => {
        const login = await fetch("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const res = await fetch("/api/admin/provinces/hi", {
          method: "PUT",
          headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
          body: JSON.stringify({ overrides: { smsVerification: { value: { pilot: true, url }, source: "海南省通信管理局网站（管理员核实）", year: 2026 } } }),
        });
        return res.status;
      },
      { email: system.adminEmail, password: system.adminPassword, url },
    );
    expect(status).toBe(200);
    await page.goto(`${system.baseUrl}/help/provinces/hi`);
    await page.getByRole("heading", { name: "海南省备案要求", level: 2 }).waitFor();
    await page.getByRole("link", { name: url }).waitFor();
    await page.getByText("海南省通信管理局网站（管理员核实）").first().waitFor();
    await page.getByRole("button", { name: "返回控制台" }).waitFor();
    await screenshot(page, "help-10-province-hi-override");
    await page.close();
  });

  it("fits a 390 px phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const [path, heading, shot] of [
      ["/help", "备案帮助中心", "help-phone-01-home"],
      ["/help/materials?subject=organisation", "备案资料与核验单", "help-phone-02-materials"],
      ["/help/sms", "短信核验", "help-phone-03-sms"],
      ["/help/provinces/gs", "甘肃省备案要求", "help-phone-04-province-gs"],
      ["/help/site-names", "网站名称与前置审批", "help-phone-05-site-names"],
      ["/help/findings#SITE_NAME_PERSONAL_FORBIDDEN_WORD", "检查提示说明", "help-phone-06-finding"],
    ] as const) {
      await page.goto(`${system.baseUrl}${path}`);
      await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, shot);
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
