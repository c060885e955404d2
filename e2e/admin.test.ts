import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { phonePhoto } from "../packages/server/test/support/images.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { confirmPopover, pickOption, settle, sidewaysScrollers, signInToConsole } from "./support/console.js";
import { login, submitPersonalFiling, type SubmittedFiling } from "./support/review-api.js";
import { startSystem } from "./support/system.js";

// The admin part of the provider console (issue 6 point 4): return-reason templates, province
// policies, notification templates and the delivery list. The mail server refuses every message,
// so the delivery list has something to show; one filing waits for a reviewer.

const REVIEWER = { email: "reviewer.li@example.com", password: "Reviewer-2026" };
const DESKTOP = { timezoneId: "Asia/Shanghai", locale: "zh-CN", viewport: { width: 1440, height: 900 } };
const HI_URL = "https://hi.beian.miit.gov.cn/state/outPortal/messageAuthentication.action";
const EDITED_REASON = "网站名称须与网站实际内容一致，不能使用域名、纯数字或与主体无关的名称。";
const NEW_REASON = "网站首页网址无法访问或不是备案域名下的地址，请填写可以打开的首页网址。";
const EDITED_NOTICE = "（管理员修改）";

let sys: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;
let filing: SubmittedFiling;

beforeAll(async () => {
  sys = await startSystem({
    mail: {
      kind: "smtp",
      send: async (m) => {
        throw new Error(`550 mailbox unavailable: ${m.to}`);
      },
      close: async () => undefined,
    },
  });
  browser = await launchBrowser();
  const admin = await login(sys.baseUrl, sys.adminEmail, sys.adminPassword);
  await admin.call("POST", "/api/admin/users", { ...REVIEWER, role: "reviewer" });
  filing = await submitPersonalFiling(sys.baseUrl, 0, new Date(), await phonePhoto(1200, 900));
}, 180_000);

let open: Page | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail" && open && !open.isClosed()) await screenshot(open, `admin-failed-${ctx.task.name.slice(0, 40)}`);
  if (open && !open.isClosed()) await open.context().close();
  open = undefined;
});

afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

const ADMIN = () => ({ email: sys.adminEmail, password: sys.adminPassword });
const row = (page: Page, key: string) => page.locator(`[data-row-key="${key}"]`);

async function menu(page: Page, item: string) {
  await page.getByRole("menuitem", { name: item }).click();
  await page.getByRole("heading", { name: item, level: 3 }).waitFor();
}

async function dialogOf(page: Page) {
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await settle(page);
  return dialog;
}

describe("the admin console (issue 6)", () => {
  it("edits, adds and deletes return-reason templates", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, ADMIN());
    await menu(page, "退回理由模板");
    await row(page, "SITE_NAME_INVALID").getByText("网站1 · 网站名称").waitFor();
    await screenshot(page, "admin-01-reason-templates");

    await page.getByRole("button", { name: "编辑 SITE_NAME_INVALID" }).click();
    let dialog = await dialogOf(page);
    await dialog.getByLabel("原因说明", { exact: true }).fill("太短");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.getByText("请写明原因，至少 4 个字。").waitFor();
    await dialog.getByLabel("原因说明", { exact: true }).fill(EDITED_REASON);
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "hidden" });
    await row(page, "SITE_NAME_INVALID").getByText(EDITED_REASON).waitFor();
    // Edited in place: still third for reviewers.
    expect(await row(page, "SITE_NAME_INVALID").locator("td").first().textContent()).toBe("3");

    await page.getByRole("button", { name: "新增模板" }).click();
    dialog = await dialogOf(page);
    await dialog.getByLabel("代码", { exact: true }).fill("HOME_URL_WRONG");
    await dialog.getByLabel("涉及字段", { exact: true }).click();
    await page.keyboard.type("首页");
    await pickOption(page, "网站1 · 网站首页网址");
    await dialog.getByLabel("原因说明", { exact: true }).fill(NEW_REASON);
    await screenshot(page, "admin-02-reason-template-dialog");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "hidden" });
    await row(page, "HOME_URL_WRONG").getByText("网站1 · 网站首页网址").waitFor();

    await page.getByRole("button", { name: "删除 ID_PHOTO_UNCLEAR" }).click();
    await confirmPopover(page, "删除");
    await row(page, "ID_PHOTO_UNCLEAR").waitFor({ state: "detached" });
    await screenshot(page, "admin-03-reason-templates-edited");
  });

  it("overrides province policies and the help center follows at once", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, ADMIN());
    await menu(page, "省份政策");
    await page.getByLabel("省份", { exact: true }).click();
    await page.keyboard.type("海南");
    await pickOption(page, "海南省");
    await page.waitForURL(/province=hi/);
    const sms = row(page, "smsVerification");
    // R-SMS-7: the seed gives 海南 the host of 湖南.
    await sms.getByText(/hn\.beian\.miit\.gov\.cn/).first().waitFor();
    await screenshot(page, "admin-04-provinces-hi");

    await page.getByRole("button", { name: "编辑 短信核验：试点省份与核验网址" }).click();
    const dialog = await dialogOf(page);
    await dialog.getByLabel("短信核验网址", { exact: true }).fill("hi.beian.miit.gov.cn");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.getByText("请填写以 http:// 或 https:// 开头的完整网址。").waitFor();
    await dialog.getByLabel("短信核验网址", { exact: true }).fill(HI_URL);
    await dialog.getByLabel("依据", { exact: true }).fill("已向海南省通信管理局核实");
    await screenshot(page, "admin-05-policy-dialog");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "hidden" });
    await sms.getByText("已覆盖").waitFor();
    await sms.getByTestId("in-force").getByText(HI_URL, { exact: false }).waitFor();
    await sms.getByText(/已向海南省通信管理局核实/).waitFor();
    // Who changed the province and when (#6).
    const changed = page.getByTestId("province-changed");
    await changed.getByText(`修改人：${sys.adminEmail}`, { exact: false }).waitFor();
    expect(await changed.textContent()).toMatch(/修改时间：\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    await screenshot(page, "admin-05b-provinces-hi-changed");

    // A rule switched on in 浙江 straight from the table.
    await page.getByLabel("省份", { exact: true }).click();
    await page.keyboard.type("浙江");
    await pickOption(page, "浙江省");
    await page.waitForURL(/province=zj/);
    await page.getByRole("switch", { name: "须使用本省手机号开关" }).click();
    await row(page, "localMobile").getByText("已覆盖").waitFor();
    await screenshot(page, "admin-06-provinces-zj");

    // A list value: one more forbidden word for 上海 (it has “论坛”).
    await page.getByLabel("省份", { exact: true }).click();
    await page.keyboard.type("上海");
    await pickOption(page, "上海市");
    await page.waitForURL(/province=sh/);
    await page.getByRole("button", { name: "编辑 网站名称禁用词" }).click();
    const words = await dialogOf(page);
    await words.getByLabel("网站名称禁用词", { exact: true }).fill("博客");
    await page.keyboard.press("Enter");
    await words.getByRole("button", { name: "保存" }).click();
    await words.waitFor({ state: "hidden" });
    await row(page, "siteNameForbiddenWords").getByTestId("in-force").getByText("网站名称禁用词：“论坛”、“博客”").waitFor();

    // The help center of the same page reads the new policies without a reload.
    await page.getByRole("link", { name: "帮助", exact: true }).click();
    await page.getByRole("menuitem", { name: "各省要求" }).click();
    await page.getByRole("link", { name: /海南省/ }).click();
    await page.getByRole("heading", { name: "海南省备案要求", level: 2 }).waitFor();
    await page.getByRole("link", { name: HI_URL }).waitFor();
    await screenshot(page, "admin-07-help-hi");
    await page.getByRole("menuitem", { name: "各省要求" }).click();
    await page.getByRole("link", { name: /浙江省/ }).click();
    await page.getByTestId("special-rules").getByText("负责人须使用本省手机号码（由审核员核对）").waitFor();

    // Back to the default.
    await page.goto(`${sys.baseUrl}/console/provinces?province=zj`);
    await page.getByRole("button", { name: "恢复默认 须使用本省手机号" }).click();
    await confirmPopover(page, "恢复默认");
    await expect.poll(() => row(page, "localMobile").getByText("已覆盖").count()).toBe(0);
    expect(await page.getByRole("switch", { name: "须使用本省手机号开关" }).isChecked()).toBe(false);
  });

  it("edits a notification template, refused first with the reason at the field", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, ADMIN());
    await menu(page, "通知模板");
    await page.getByRole("button", { name: "编辑 备案被退回（接入商）" }).click();
    const drawer = await dialogOf(page);
    const body = drawer.getByLabel("正文", { exact: true });
    const typed = "{{subjectName}} 的备案申请未通过审核，请查看 {{foo}}。";
    await body.fill(typed);
    await drawer.getByRole("button", { name: "保存" }).click();
    await drawer.getByText("正文中的变量 {{foo}} 不存在").first().waitFor();
    // Both of the server's reasons for the body show under it (showProblem, #6).
    const bodyErrors = drawer.locator(".ant-form-item-has-error .ant-form-item-explain-error");
    await expect.poll(() => bodyErrors.allTextContents()).toEqual([
      expect.stringContaining("正文中的变量 {{foo}} 不存在"),
      expect.stringContaining("正文必须包含变量 {{reasons}}"),
    ]);
    await screenshot(page, "admin-08a-notification-template-two-errors");
    expect(await body.inputValue()).toBe(typed);
    await drawer.getByTestId("template-preview").getByText("{{foo}}").waitFor();

    await body.fill(`{{subjectName}} 的备案申请需要修改${EDITED_NOTICE}，原因如下：\n{{reasons}}\n请登录备案系统修改后重新提交。`);
    await drawer.getByTestId("template-preview").getByText("张三").first().waitFor();
    await screenshot(page, "admin-08-notification-template");
    await drawer.getByRole("button", { name: "保存" }).click();
    await drawer.waitFor({ state: "hidden" });
    await row(page, "filing.returned").getByText("已修改").waitFor();
    await screenshot(page, "admin-09-notification-templates");
  });

  it("lists the deliveries the mail server refused, masked, and sends one again", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, ADMIN());
    await menu(page, "通知发送记录");
    // The server pages (#6): the page asks for one page, not for everything.
    const asked = page.waitForRequest((r) => /\/api\/admin\/notifications\?status=pending&page=1&pageSize=20/.test(r.url()));
    await page.getByText("待发送", { exact: true }).click();
    await page.waitForURL(/status=pending/);
    await asked;
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await rows.first().textContent()) ?? "", { timeout: 30_000 }).toContain("550 mailbox unavailable");
    const text = (await page.locator(".ant-table-tbody").textContent()) ?? "";
    expect(text).toContain("***@example.com");
    expect(text).not.toContain("review-applicant-0@example.com");
    await page.getByTestId("delivery-total").waitFor();
    await page.locator(".ant-pagination-total-text").getByText(/共 \d+ 条/).waitFor();
    await screenshot(page, "admin-10-deliveries");

    await page.getByLabel("渠道", { exact: true }).click();
    await pickOption(page, "短信");
    await page.waitForURL(/channel=sms/);
    await page.getByLabel("渠道", { exact: true }).click();
    await pickOption(page, "邮件");
    await page.waitForURL(/channel=email/);
    await rows.first().getByRole("button", { name: "重发" }).click();
    await confirmPopover(page, "重发");
    await page.getByText(/已重新安排发送给/).waitFor();
  });

  it("offers the reviewer the edited templates, without the admin menu, and the applicant gets the edited notice", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    expect(await page.getByRole("menuitem", { name: "省份政策" }).count()).toBe(0);
    await page.goto(`${sys.baseUrl}/console/provinces`);
    await page.getByRole("heading", { name: "审核队列" }).waitFor();

    await page.goto(`${sys.baseUrl}/console/filings/${filing.id}`);
    await page.getByRole("heading", { name: /备案审核/ }).waitFor();
    await page.getByRole("button", { name: "退回修改", exact: true }).click();
    const dialog = await dialogOf(page);
    await dialog.getByLabel("从模板添加原因").click();
    const options = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
    // The popup opens with an animation and may render again when the templates arrive: read
    // its options until they are there rather than once.
    await expect.poll(() => options.allTextContents()).toContain(EDITED_REASON);
    const offered = await options.allTextContents();
    expect(offered.some((o) => o.startsWith("证件照片不清晰"))).toBe(false);
    await page.keyboard.type("首页网址");
    await pickOption(page, NEW_REASON);
    await dialog.getByTitle("网站1 · 网站首页网址").waitFor();
    await screenshot(page, "admin-11-reviewer-return-dialog");
    await dialog.getByRole("button", { name: "退回", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });

    const applicant = await filing.relogin();
    await expect
      .poll(async () => (await applicant.call<{ items: { template: string; body: string }[] }>("GET", "/api/me/notifications")).items.find((n) => n.template === "filing.returned")?.body ?? "")
      .toContain(EDITED_NOTICE);
  });

  it("restores a notification template to its default after a confirmation (#6)", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, ADMIN());
    await menu(page, "通知模板");
    await row(page, "filing.returned").getByText("已修改").waitFor();
    await page.getByRole("button", { name: "恢复默认 备案被退回（接入商）" }).click();
    await page.locator(".ant-popover:visible").getByText("管理员修改的标题、正文和短信都将被内置文字替换。").waitFor();
    await screenshot(page, "admin-12-notification-template-restore");
    await confirmPopover(page, "恢复默认");
    await row(page, "filing.returned").getByText("默认文字").waitFor();
    expect(await page.getByRole("button", { name: "恢复默认 备案被退回（接入商）" }).count()).toBe(0);
    await page.getByRole("button", { name: "编辑 备案被退回（接入商）" }).click();
    const drawer = await dialogOf(page);
    expect(await drawer.getByLabel("正文", { exact: true }).inputValue()).not.toContain(EDITED_NOTICE);
  });

  it("fits a phone-sized screen", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN", viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = (open = await context.newPage());
    await signInToConsole(page, sys.baseUrl, ADMIN());
    for (const [path, heading, shot] of [
      ["/console/provinces?province=hi", "省份政策", "admin-13-phone-provinces"],
      ["/console/reason-templates", "退回理由模板", "admin-14-phone-reason-templates"],
      ["/console/notification-templates", "通知模板", "admin-15-phone-notification-templates"],
      ["/console/notifications?status=pending", "通知发送记录", "admin-16-phone-deliveries"],
    ] as const) {
      await page.goto(`${sys.baseUrl}${path}`);
      await page.getByRole("heading", { name: heading, level: 3 }).waitFor();
      await page.locator("[data-row-key]").first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // Nor a table that scrolls sideways inside the page (#6): everything is readable without swiping.
      expect(await sidewaysScrollers(page), path).toEqual([]);
      await screenshot(page, shot);
    }
  });
});
