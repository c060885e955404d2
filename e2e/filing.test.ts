import { divisionName, type FilingInput, type PersonInput } from "@beian/rules";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { organisationFiling, personalFiling } from "../packages/rules/test/fixtures.js";
import { phonePhoto } from "../packages/server/test/support/images.js";
import { startBureau } from "./support/bureau.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { startSystem } from "./support/system.js";

// The fixtures of the rules package (dated 2026-03-02) stay valid at the time of writing
// (2026-11): IDs and licences are 长期, domains expire 2029–2030, real-name dates are months old.
// Server and browser both run on the real clock, as the live checks and the pre-review must agree.

let bureau: Awaited<ReturnType<typeof startBureau>>;
let system: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;
let photo: Buffer;

beforeAll(async () => {
  bureau = await startBureau([
    {
      subjectName: "杭州示例科技有限公司",
      subjectNature: "企业",
      certificateType: "营业执照",
      certificateNumber: "91330100MA27XXXX1X",
      subjectIcpNumber: "浙ICP备2026000001号",
      siteName: "示例科技官网",
      siteIcpNumber: "浙ICP备2026000001号-1",
      domain: "example.cn",
      approvedAt: new Date("2026-03-01T02:00:00Z"),
    },
  ]);
  system = await startSystem({ bureauUrl: bureau.url });
  browser = await launchBrowser();
  // A 12 MP phone photo (≈ several MB): the server must bring it to ≤ 100 KB.
  photo = await phonePhoto(4000, 3000);
});
// The page of the running test, photographed when the test fails.
let current: Page | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail" && current && !current.isClosed()) await screenshot(current, `failed-${ctx.task.name.slice(0, 20)}`);
  current = undefined;
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
  await bureau?.stop();
});

/** The provider's reviewer, over the API: the admin creates the account once, the reviewer returns a filing. */
let reviewerToken: string | undefined;
async function asJson(method: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${system.baseUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}
async function returnFiling(id: string, reasons: { path: string; code: string; message: string }[]) {
  if (!reviewerToken) {
    const admin = await asJson("POST", "/api/auth/login", { email: system.adminEmail, password: system.adminPassword });
    await asJson("POST", "/api/admin/users", { email: "reviewer.filing@example.com", password: "Reviewer-2026", role: "reviewer" }, admin.token as string);
    reviewerToken = (await asJson("POST", "/api/auth/login", { email: "reviewer.filing@example.com", password: "Reviewer-2026" })).token as string;
  }
  const filing = await asJson("GET", `/api/filings/${id}`, undefined, reviewerToken);
  await asJson("POST", `/api/review/filings/${id}/return`, { expectedVersion: filing.version, reasons }, reviewerToken);
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function register(page: Page, email: string, mobile: string) {
  await page.goto(`${system.baseUrl}/register`);
  await page.getByLabel("邮箱", { exact: true }).fill(email);
  await page.getByLabel("手机号码", { exact: true }).fill(mobile);
  await page.getByLabel("密码", { exact: true }).fill("Filing-pass-2026");
  await page.getByLabel("确认密码", { exact: true }).fill("Filing-pass-2026");
  await page.getByRole("button", { name: "注册" }).click();
  await page.getByRole("heading", { name: "我的备案" }).waitFor();
}

const OPEN_DROPDOWN = ".ant-select-dropdown:visible, .ant-cascader-dropdown:visible";

/** Opens an antd Select (or Cascader) by its label, picks options by their titles and waits for it to close. */
async function pick(page: Page, scope: Page | Locator, label: string, ...titles: string[]) {
  await page.locator(OPEN_DROPDOWN).first().waitFor({ state: "hidden" });
  const input = scope.getByLabel(label, { exact: true });
  // The form may already have chosen it (the nature's certificate type is offered).
  const shown = input
    .locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]")
    .locator(`[title="${titles.at(-1)}"]`);
  if (titles.length === 1 && (await shown.count()) > 0) return;
  await input.click();
  for (const title of titles) {
    await page.locator(OPEN_DROPDOWN).getByTitle(title, { exact: true }).first().click();
  }
  await page.locator(OPEN_DROPDOWN).first().waitFor({ state: "hidden" });
}

/** Waits until the autosave has the latest change (and the live checks have run). */
async function saved(page: Page) {
  await page.locator('[data-save-state="saved"]').waitFor();
  await page.waitForTimeout(300);
}

const section = (page: Page, path: string) => page.locator(`[data-section="${path}"]`);
const field = (page: Page, path: string) => page.locator(`[data-path="${path}"]`);

async function fillDate(scope: Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press("Enter");
  await input.press("Tab");
}

async function fillContact(page: Page, base: string, p: PersonInput) {
  const s = section(page, base);
  await s.getByLabel("手机号码", { exact: true }).fill(p.mobile);
  await s.getByLabel("电子邮箱", { exact: true }).fill(p.email);
  await s.getByLabel("办公电话", { exact: true }).fill(p.officePhone ?? "");
}

async function fillAddress(page: Page, f: FilingInput, shot?: string) {
  const a = f.subject.address;
  if (shot) {
    // The three-level picker open on the screen at hand, to be looked at.
    await page.getByLabel("通信地址", { exact: true }).click();
    await page.locator(OPEN_DROPDOWN).getByTitle(divisionName(a.provinceCode)!, { exact: true }).click();
    await page.waitForTimeout(300);
    await screenshot(page, shot);
    await page.keyboard.press("Escape");
  }
  await pick(page, page, "通信地址", divisionName(a.provinceCode)!, divisionName(a.cityCode)!, divisionName(a.districtCode)!);
  await page.getByLabel("详细地址", { exact: true }).fill(a.detail);
  // Province rules appear as soon as the province is known.
  await page.getByText(`备案省份：${divisionName(a.provinceCode)}`).waitFor();
  await page.getByTestId("province-notes").getByText("每个域名各填一份核验单").waitFor();
}

async function fillWebsite(page: Page, f: FilingInput) {
  const w = f.websites[0]!;
  const card = section(page, "websites.0");
  await card.getByLabel("网站名称", { exact: true }).fill(w.name);
  await card.getByLabel("域名 1", { exact: true }).fill(w.domains[0]!);
  await card.getByLabel("网站首页网址", { exact: true }).fill(w.homeUrl);
  if (w.ips?.[0]) {
    await card.getByRole("button", { name: "添加IP 地址" }).click();
    await card.getByLabel("IP 地址 1", { exact: true }).fill(w.ips[0]);
  }
  if (w.remark) await card.getByLabel("备注", { exact: true }).fill(w.remark);
  const cert = w.domainCertificates![0]!;
  await card.getByText("域名证书信息").click();
  const certs = section(page, "websites.0.domainCertificates.0");
  await certs.getByLabel("域名持有者", { exact: true }).fill(cert.registrantName);
  await certs.getByLabel("持有者证件号码", { exact: true }).fill(cert.registrantCertNumber!);
  await fillDate(certs, "域名到期日期", cert.expiresAt!);
  await fillDate(certs, "实名认证完成日期", cert.verifiedAt!.slice(0, 10));
}

/** Uploads the phone photo for a checklist item and reads the processed size the page reports. */
async function uploadPhoto(page: Page, kind: string): Promise<number> {
  const item = page.locator(`[data-kind="${kind}"]`).first();
  await item.locator("input[type=file]").setInputFiles({ name: `${kind}.jpg`, mimeType: "image/jpeg", buffer: photo });
  const result = item.getByTestId("material-result");
  await result.waitFor({ timeout: 60_000 });
  const text = await result.innerText();
  expect(text).toMatch(/原图 [\d.]+ MB → 处理后 [\d.]+ KB，\d+×\d+ 像素/);
  const kb = Number(/处理后 ([\d.]+) KB/.exec(text)![1]);
  expect(kb).toBeLessThanOrEqual(100);
  const [, w, h] = /(\d+)×(\d+) 像素/.exec(text)!.map(Number);
  expect(Math.max(w!, h!)).toBeGreaterThanOrEqual(800);
  expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(600);
  return kb;
}

async function nextStep(page: Page, title: string) {
  await page.getByRole("button", { name: "下一步" }).click();
  await page.locator(".ant-steps-item-process").getByText(title).waitFor();
}

describe("filing in the browser (issue 5)", () => {
  it("a person pre-checks, fills in on a phone, fixes a live error, reloads, uploads a phone photo and submits", async () => {
    const f = personalFiling();
    const p = f.subject.principal;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    current = page;
    await register(page, "zhang.san.filing@example.com", "13700000013");
    await page.getByText("您还没有备案申请").waitFor();
    await page.getByRole("link", { name: "开始备案" }).first().click();

    // R-PRE-1: by domain, then by certificate; the suggestion and its reason are shown.
    await page.getByLabel("域名", { exact: true }).fill(f.websites[0]!.domains[0]!);
    await page.getByRole("button", { name: "查询" }).click();
    await page.getByTestId("precheck-domain").getByText("未查询到备案记录").waitFor();
    await page.getByText("按证件号码查询", { exact: true }).click();
    await page.getByLabel("证件号码", { exact: true }).fill(p.certificate.number);
    await page.getByRole("button", { name: "查询" }).click();
    await page.getByTestId("precheck-certificate").getByText("建议选择：首次备案").waitFor();
    expect(await page.getByRole("radio", { name: /首次备案/ }).isChecked()).toBe(true);
    await screenshot(page, "filing-01-phone-precheck");
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "开始填写" }).click();
    await page.getByRole("heading", { name: /填写备案信息/ }).waitFor();

    // 主体信息, with a wrong check digit first (ID-1), caught as typed.
    await pick(page, page, "主办单位性质", "个人");
    await page.getByLabel("主办者姓名", { exact: true }).fill(f.subject.name);
    await pick(page, page, "主办者证件类型", "居民身份证");
    const wrong = p.certificate.number.slice(0, 17) + (p.certificate.number.endsWith("1") ? "2" : "1");
    await page.getByLabel("主办者证件号码", { exact: true }).fill(wrong);
    const checksum = field(page, "subject.certificate.number").getByText("最后一位校验位不正确");
    await checksum.waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, "filing-02-phone-live-error");
    await page.getByLabel("主办者证件号码", { exact: true }).fill(p.certificate.number);
    await checksum.waitFor({ state: "detached" });
    await field(page, "subject.certificate.validUntil").getByText("长期有效").click();
    await fillAddress(page, f, "filing-02b-phone-address-picker");
    await fillContact(page, "subject.principal", p);
    await page.getByLabel("应急联系电话", { exact: true }).fill(f.subject.emergencyContact!.mobile);

    // Reload at once, before the autosave: the copy kept in the browser brings everything back.
    await page.reload();
    await page.getByRole("heading", { name: /填写备案信息/ }).waitFor();
    await expect(page.getByLabel("主办者证件号码", { exact: true }).inputValue()).resolves.toBe(p.certificate.number);
    await expect(page.getByLabel("详细地址", { exact: true }).inputValue()).resolves.toBe(f.subject.address.detail);
    await expect(page.getByLabel("应急联系电话", { exact: true }).inputValue()).resolves.toBe(f.subject.emergencyContact!.mobile);
    await saved(page);
    await screenshot(page, "filing-03-phone-subject");
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    await nextStep(page, "网站信息");
    await fillWebsite(page, f);
    await saved(page);
    await screenshot(page, "filing-04-phone-website");
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    // The network fails: the page says so, keeps everything, and saves once it is back.
    const patches = "**/api/filings/*";
    await page.route(patches, (route) => (route.request().method() === "PATCH" ? route.abort("internetdisconnected") : route.continue()));
    await section(page, "websites.0").getByLabel("备注", { exact: true }).fill(`${f.websites[0]!.remark}欢迎交流。`);
    await page.locator('[data-save-state="failed"]').getByText("保存失败，稍后重试").waitFor();
    await screenshot(page, "filing-04b-phone-save-failed");
    await page.unroute(patches);
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 20_000 });

    // A reload after the autosave: the server copy has it all.
    await page.reload();
    await expect(section(page, "websites.0").getByLabel("网站名称", { exact: true }).inputValue()).resolves.toBe(f.websites[0]!.name);
    await expect(section(page, "websites.0").getByLabel("备注", { exact: true }).inputValue()).resolves.toBe(`${f.websites[0]!.remark}欢迎交流。`);

    await nextStep(page, "上传资料");
    await page.locator('[data-kind="principal_id"]').waitFor();
    await expect(page.locator('[data-kind="verification_photo"]').getByText("初审通过后上传").isVisible()).resolves.toBe(true);
    await uploadPhoto(page, "principal_id");
    await uploadPhoto(page, "domain_certificate");
    await page.getByText("提交所需的资料已全部上传").waitFor();
    await screenshot(page, "filing-05-phone-materials");
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    await nextStep(page, "确认提交");
    await page.getByTestId("pre-review").getByText("没有需要修改的错误").waitFor();
    await screenshot(page, "filing-06-phone-confirm");
    await page.getByRole("button", { name: "提交接入商审核" }).click();
    await page.waitForURL(/\/filings\/[0-9a-f-]+$/);
    await expect(page.getByTestId("stage").innerText()).resolves.toBe("待接入商审核");
    await page.getByTestId("next-step").getByText("接入商正在初审").waitFor();
    await page.getByTestId("printable-forms").getByText("网站备案信息真实性核验单").first().waitFor();
    await page.getByText("提交备案").first().waitFor();
    await screenshot(page, "filing-07-phone-status");
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    // Back to the dashboard by the header link (once the toast above it has gone).
    await page.locator(".ant-message-notice").first().waitFor({ state: "detached" });
    await page.getByRole("link", { name: "备案系统" }).click();
    await page.getByRole("heading", { name: "我的备案" }).waitFor();
    await page.getByTestId("filing-card").getByText("待接入商审核").waitFor();
    await screenshot(page, "filing-08-phone-dashboard");
    await context.close();
  });

  it("an organisation fills in, fixes a live error, is refused on submit for missing materials, uploads them, submits, is returned with a reason at a field and resubmits", async () => {
    const f = organisationFiling(1);
    const s = f.subject;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    current = page;
    await register(page, "wangwu.filing@example.com", "13800000011");
    await page.getByRole("link", { name: "开始备案" }).first().click();
    await page.getByLabel("域名", { exact: true }).fill("https://www.example.cn/");
    await page.getByRole("button", { name: "查询" }).click();
    await page.getByTestId("precheck-domain").getByText("已有备案记录").waitFor();
    expect(await page.getByRole("radio", { name: /新增接入/ }).isChecked()).toBe(true);
    await page.getByRole("radio", { name: /首次备案/ }).check();
    await page.getByRole("button", { name: "开始填写" }).click();
    await page.getByRole("heading", { name: /填写备案信息/ }).waitFor();

    await pick(page, page, "主办单位性质", "企业");
    await page.getByLabel("主办单位名称", { exact: true }).fill(s.name);
    await pick(page, page, "主办者证件类型", "营业执照（统一社会信用代码）");
    await page.getByLabel("主办者证件号码", { exact: true }).fill(s.certificate.number);
    await field(page, "subject.certificate.validUntil").getByText("长期有效").click();
    await page.getByLabel("证件住所", { exact: true }).fill(s.certificate.domicile!);
    await page.getByLabel("投资人或主管单位", { exact: true }).fill(s.investor!);
    await page.getByLabel("法定代表人姓名", { exact: true }).fill(s.legalRepresentativeName!);
    await fillAddress(page, f);

    const principal = section(page, "subject.principal");
    await principal.getByLabel("主体负责人姓名", { exact: true }).fill(s.principal.name);
    await pick(page, principal, "证件类型", "居民身份证");
    const id = s.principal.certificate.number;
    await principal.getByLabel("证件号码", { exact: true }).fill(id.slice(0, 16) + id[17] + id[16]); // two digits swapped
    await field(page, "subject.principal.certificate.number").getByText("最后一位校验位不正确").waitFor();
    await principal.getByLabel("证件号码", { exact: true }).fill(id);
    await field(page, "subject.principal.certificate.number").getByText("最后一位校验位不正确").waitFor({ state: "detached" });
    await field(page, "subject.principal.certificate.validUntil").getByText("长期有效").click();
    await fillContact(page, "subject.principal", s.principal);
    await page.getByLabel("应急联系人姓名", { exact: true }).fill(s.emergencyContact!.name!);
    await page.getByLabel("应急联系电话", { exact: true }).fill(s.emergencyContact!.mobile);
    await saved(page);
    await screenshot(page, "filing-11-org-subject");

    await nextStep(page, "网站信息");
    await fillWebsite(page, f);
    await pick(page, section(page, "websites.0"), "网站服务内容", "单位门户网站");
    // The website principal is the legal representative (the default): no authorization letter.
    await expect(section(page, "websites.0").getByLabel(/与主体负责人相同/).isChecked()).resolves.toBe(true);
    await saved(page);
    await screenshot(page, "filing-12-org-website");

    // Straight to 确认提交 without materials: the server refuses and lists what is missing.
    await page.locator(".ant-steps-item").getByText("确认提交").click();
    await page.getByTestId("pre-review").getByText("没有需要修改的错误").waitFor();
    await page.getByRole("button", { name: "提交接入商审核" }).click();
    const refusals = page.getByTestId("submit-errors");
    await refusals.getByText(/提交未成功/).waitFor();
    await expect(refusals.getByText("单位证件").first().isVisible()).resolves.toBe(true);
    await screenshot(page, "filing-13-org-refused");
    await refusals.getByRole("button").first().click();
    await page.locator(".ant-steps-item-process").getByText("上传资料").waitFor();

    await page.reload();
    await page.locator('[data-kind="subject_certificate"]').waitFor();

    // R-MAT-6: on a slow uplink the progress is real (upload events), then the server's processing.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    const first = page.locator('[data-kind="subject_certificate"]');
    await first.locator("input[type=file]").setInputFiles({ name: "licence.jpg", mimeType: "image/jpeg", buffer: photo });
    await first.getByText(/正在上传（共 [\d.]+ MB）/).waitFor();
    await page.waitForFunction(() => {
      const bar = document.querySelector('[data-kind="subject_certificate"] .ant-progress');
      const percent = Number(bar?.getAttribute("aria-valuenow") ?? bar?.querySelector("[aria-valuenow]")?.getAttribute("aria-valuenow") ?? 0);
      return percent > 10 && percent < 100;
    });
    await screenshot(page, "filing-14a-org-upload-progress");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await first.getByTestId("material-result").waitFor({ timeout: 60_000 });

    for (const kind of ["legal_rep_id", "domain_certificate"]) await uploadPhoto(page, kind);
    await page.getByText("提交所需的资料已全部上传").waitFor();
    await screenshot(page, "filing-14-org-materials");

    await nextStep(page, "确认提交");
    await page.getByRole("button", { name: "提交接入商审核" }).click();
    await page.waitForURL(/\/filings\/[0-9a-f-]+$/);
    await expect(page.getByTestId("stage").innerText()).resolves.toBe("待接入商审核");
    await screenshot(page, "filing-15-org-status");

    // The provider returns it with a reason at the site name (R-REV-1): shown in place, fixed, resubmitted.
    const filingId = new URL(page.url()).pathname.split("/").pop()!;
    await returnFiling(filingId, [{ path: "websites.0.name", code: "SITE_NAME_CONTENT", message: "网站名称须与网站内容一致，请改为体现产品介绍的名称。" }]);
    await page.reload();
    await expect(page.getByTestId("stage").innerText()).resolves.toBe("未提交");
    const reasons = page.getByTestId("return-reasons");
    await reasons.getByText("网站名称须与网站内容一致").waitFor();
    await screenshot(page, "filing-16-org-returned");
    await reasons.getByRole("button", { name: /网站名称/ }).click();
    await page.locator(".ant-steps-item-process").getByText("网站信息").waitFor();
    const name = section(page, "websites.0").getByLabel("网站名称", { exact: true });
    await field(page, "websites.0.name").getByText("退回原因：网站名称须与网站内容一致").waitFor();
    // The field is focused once the step has rendered and scrolled to it: wait for that.
    await expect.poll(() => name.evaluate((el) => el === document.activeElement), { timeout: 10_000 }).toBe(true);
    await screenshot(page, "filing-17-org-reason-at-field");
    await name.fill("某某科技产品介绍网");
    await saved(page);
    await page.locator(".ant-steps-item").getByText("确认提交").click();
    await page.getByRole("button", { name: "提交接入商审核" }).click();
    await page.waitForURL(/\/filings\/[0-9a-f-]+$/);
    await expect(page.getByTestId("stage").innerText()).resolves.toBe("待接入商审核");
    await page.getByText("退回主办者").first().waitFor();
    await screenshot(page, "filing-18-org-resubmitted");
    await page.close();
  });
});
