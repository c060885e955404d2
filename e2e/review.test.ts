import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { phonePhoto } from "../packages/server/test/support/images.js";
import { launchBrowser, screenshot } from "./support/browser.js";
import { confirmPopover, pickOption, settle, signInToConsole } from "./support/console.js";
import { organisationFiling } from "../packages/rules/test/fixtures.js";
import { login, submitFiling, submitPersonalFiling, type ApiClient, type SubmittedFiling } from "./support/review-api.js";
import { startReviewSystem } from "./support/review-system.js";

// The provider console (issue 6). Filings are made over the API as an applicant's client would;
// the reviewer works in the browser. The first filing is submitted with the server's clock two
// weeks back, so the queue holds an overdue filing next to three on time. (No filing can be shown
// due today: the server's deadlines fall on 24:00 and its slaState compares with "<", see report.)

const REVIEWER = { email: "reviewer.wang@example.com", password: "Reviewer-2026" };
const SECOND = { email: "reviewer.zhao@example.com", password: "Reviewer-2026" };
const CONFLICT = "该备案已被其他审核员处理，请刷新后查看最新状态";
// Reviewers work in Beijing time: date pickers and the page's own times then agree.
const PHONE_ZONE = { timezoneId: "Asia/Shanghai", locale: "zh-CN" };
const DESKTOP = { ...PHONE_ZONE, viewport: { width: 1440, height: 900 } };

let sys: Awaited<ReturnType<typeof startReviewSystem>>;
let browser: Browser;
let photo: Buffer;
const filed: SubmittedFiling[] = [];

beforeAll(async () => {
  sys = await startReviewSystem();
  browser = await launchBrowser();
  photo = await phonePhoto(1200, 900);
  const admin = await login(sys.baseUrl, sys.adminEmail, sys.adminPassword);
  for (const r of [REVIEWER, SECOND]) await admin.call("POST", "/api/admin/users", { ...r, role: "reviewer" });

  const realNow = new Date();
  sys.setClock(new Date(realNow.getTime() - 14 * 86_400_000));
  filed.push(await submitPersonalFiling(sys.baseUrl, 0, sys.now(), photo));
  sys.setClock(realNow);
  // A site name that hints at audiovisual content: the pre-review warns (PRE-3), the reviewer sees it at the name.
  filed.push(
    await submitPersonalFiling(sys.baseUrl, 1, sys.now(), photo, (form) => {
      form.websites[0]!.name = "李四的读书视频";
    }),
  );
  filed.push(await submitPersonalFiling(sys.baseUrl, 2, sys.now(), photo));
  filed.push(await submitPersonalFiling(sys.baseUrl, 3, sys.now(), photo));
  // A company with two sites, the second run by a delegate (SUB-3: authorization letter).
  filed.push(await submitFiling(sys.baseUrl, 4, organisationFiling(2), photo));
}, 180_000);

// The page a test works on, photographed when the test fails.
let open: Page | undefined;
afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail" && open && !open.isClosed()) await screenshot(open, `review-failed-${ctx.task.name.slice(0, 40)}`);
  if (open && !open.isClosed()) await open.context().close();
  open = undefined;
});

afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

const rows = (page: Page) => page.locator(".ant-table-tbody tr.ant-table-row");
const statusTag = (page: Page, label: string) => page.locator(".ant-tag", { hasText: new RegExp(`^${label}$`) }).first().waitFor();
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function openDialog(page: Page, button: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await settle(page);
  return dialog;
}

async function openByDomain(page: Page, domain: string) {
  await page.getByLabel("搜索备案").fill(domain);
  await page.getByLabel("搜索备案").press("Enter");
  await page.waitForURL(new RegExp(`q=${domain.replace(".", "\\.")}`));
  await expect.poll(() => rows(page).count()).toBe(1);
  await rows(page).first().getByText(domain).waitFor();
}

describe("the review console in the browser (issue 6)", () => {
  it("lists the queue oldest first with deadlines, overdue rows in red", async () => {
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    await expect.poll(() => rows(page).count()).toBe(5);
    const first = rows(page).nth(0);
    expect(await first.textContent()).toContain(filed[0]!.domain);
    await first.getByText("已超时").waitFor();
    for (const i of [1, 2, 3, 4]) await rows(page).nth(i).getByText("未到期").waitFor();
    await rows(page).nth(1).getByText("提醒 1").waitFor();
    // Person names are masked in the list.
    expect(await first.textContent()).toContain("张*");
    const background = await first.locator("td").first().evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(background).toBe("rgb(255, 241, 240)");
    await screenshot(page, "review-01-queue");

    await page.getByLabel("审核时限").click();
    await pickOption(page, "已超时");
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByRole("button", { name: "重置" }).click();
    await expect.poll(() => rows(page).count()).toBe(5);
    await page.close();
  });

  it("returns a filing with two field reasons, approves the fixed one, verifies and submits it to the bureau", async () => {
    const f = filed[1]!;
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    await openByDomain(page, f.domain);
    await screenshot(page, "review-02-search");
    await rows(page).first().getByRole("link", { name: "审核", exact: true }).click();
    await page.getByRole("heading", { name: "备案审核 · 李四" }).waitFor();
    await page.locator('[data-path="websites.0.name"]').getByText("李四的读书视频").waitFor();
    await page.locator('[data-path="websites.0.name"] [data-finding="PRE_APPROVAL_SUGGESTED"]').waitFor();
    await page.locator('[data-material="负责人身份证件"]').first().locator("img").waitFor();
    await screenshot(page, "review-03-filing");

    // Zoom and rotate in the preview.
    await page.locator('[data-material="负责人身份证件"] .ant-image').first().click();
    await page.locator(".ant-image-preview-actions-action").first().waitFor();
    await screenshot(page, "review-04-preview");
    await page.keyboard.press("Escape");

    const dialog = await openDialog(page, "退回修改");
    await dialog.getByLabel("从模板添加原因").click();
    await pickOption(page, "网站名称不符合要求");
    await dialog.getByText("原因 1", { exact: true }).waitFor();
    await dialog.getByRole("button", { name: "自己填写原因" }).click();
    await dialog.getByLabel("原因 2 涉及字段").click();
    await page.keyboard.type("详细地址");
    await pickOption(page, "主体信息 · 通信地址（详细地址）");
    await dialog.getByLabel("原因 2 说明").fill("通信地址请写到门牌号，与身份证住址一致。");
    expect(await dialog.getByText("网站1 · 网站名称").count()).toBe(1);
    await screenshot(page, "review-05-return-dialog");
    await dialog.getByRole("button", { name: "退回", exact: true }).click();
    await statusTag(page, "已退回主办者");
    await page.getByTestId("return-history").getByText("主体信息 · 通信地址（详细地址）").waitFor();

    // The applicant fixes both fields and submits again.
    const applicant = await f.relogin();
    const returned = await applicant.call<{ version: number; form: any; returns: { reasons: { path?: string }[] }[] }>("GET", `/api/filings/${f.id}`);
    expect(returned.returns.at(-1)!.reasons.map((r) => r.path)).toEqual(["websites.0.name", "subject.address.detail"]);
    const form = {
      ...returned.form,
      subject: { ...returned.form.subject, address: { ...returned.form.subject.address, detail: "文三路200号3幢802室（东单元）" } },
      websites: [{ ...returned.form.websites[0], name: "李四读书笔记" }],
    };
    const saved = await applicant.call<{ version: number }>("PATCH", `/api/filings/${f.id}`, { expectedVersion: returned.version, form });
    await applicant.call("POST", `/api/filings/${f.id}/submit`, { expectedVersion: saved.version });

    await page.reload();
    await statusTag(page, "待初审");
    await page.locator('[data-path="websites.0.name"]').getByText("李四读书笔记").waitFor();
    // The warning went with the old name; the return's reasons stand at the fields they concerned.
    expect(await page.locator('[data-path="websites.0.name"] [data-finding]').count()).toBe(0);
    await page.locator('[data-path="websites.0.name"] [data-return-reason="SITE_NAME_INVALID"]').waitFor();
    await page.locator('[data-path="subject.address.detail"] [data-return-reason="OTHER"]').waitFor();
    await page.getByTestId("return-history").getByText("网站1 · 网站名称").waitFor();
    await screenshot(page, "review-06-resubmitted");
    await page.getByRole("button", { name: "初审通过" }).click();
    await confirmPopover(page, "通过");
    await statusTag(page, "待核验");

    // The applicant asks for a curtain by post; the reviewer records its posting.
    const v1 = await applicant.call<{ version: number }>("GET", `/api/filings/${f.id}`);
    await applicant.call("POST", `/api/filings/${f.id}/verification`, {
      expectedVersion: v1.version,
      method: "curtain_photo",
      mailing: { recipient: "李四", mobile: "13700001001", provinceCode: "330000", cityCode: "330100", districtCode: "330106", detail: "文三路200号3幢802室" },
    });
    await page.reload();
    await (await openDialog(page, "登记幕布寄出")).getByLabel("快递单号").fill("SF1234567890");
    await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.getByTestId("verification").getByText(/SF1234567890/).waitFor();

    // The photo arrives: the queue says so, the reviewer approves it and submits to the bureau.
    await applicant.upload(`/api/filings/${f.id}/photo`, {}, { name: "curtain.jpg", data: photo });
    await page.goto(`${sys.baseUrl}/console`);
    await openByDomain(page, f.domain);
    await rows(page).first().getByText("待审照片").waitFor();
    await rows(page).first().getByRole("link", { name: "审核", exact: true }).click();
    await page.getByTestId("verification").locator("img").waitFor();
    await screenshot(page, "review-07-photo");
    // The first photo misses the curtain: rejected with a template reason; a new one follows.
    const reject = await openDialog(page, "照片不通过");
    await reject.getByLabel("从模板添加原因").click();
    await pickOption(page, "核验照片背景不符合要求");
    await reject.getByText("原因 1", { exact: true }).waitFor();
    expect(await reject.getByLabel("原因 1 涉及字段").count()).toBe(0);
    await reject.getByRole("button", { name: "不通过", exact: true }).click();
    await reject.waitFor({ state: "hidden" });
    await page.getByTestId("return-history").getByText("核验照片不通过").waitFor();
    expect(await page.getByRole("button", { name: "照片通过" }).count()).toBe(0);
    await applicant.upload(`/api/filings/${f.id}/photo`, {}, { name: "curtain-2.jpg", data: photo });
    await page.reload();
    await page.getByTestId("verification").getByText("待审照片").waitFor();
    await page.getByRole("button", { name: "照片通过" }).click();
    await confirmPopover(page, "通过");
    await page.getByTestId("verification").getByText("核验已通过", { exact: true }).waitFor();
    await page.getByRole("button", { name: "提交管局" }).click();
    await confirmPopover(page, "提交");
    await statusTag(page, "待短信核验");
    await screenshot(page, "review-08-submitted");
    // The printed forms download as PDFs with the reviewer's session.
    const href = await page.getByRole("link", { name: /网站备案信息真实性核验单/ }).getAttribute("href");
    const pdf = await page.request.get(`${sys.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await applicant.call<{ stage: string }>("GET", `/api/filings/${f.id}`)).stage).toBe("待短信核验");
    await page.close();
  }, 240_000);

  it("tells a reviewer who acted on a stale version that someone else was first, then verifies on site", async () => {
    const f = filed[2]!;
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    await page.goto(`${sys.baseUrl}/console/filings/${f.id}`);
    await statusTag(page, "待初审");
    // Meanwhile a colleague approves it.
    const second: ApiClient = await login(sys.baseUrl, SECOND.email, SECOND.password);
    const { version } = await second.call<{ version: number }>("GET", `/api/filings/${f.id}`);
    await second.call("POST", `/api/review/filings/${f.id}/approve`, { expectedVersion: version });

    await page.getByRole("button", { name: "初审通过" }).click();
    await confirmPopover(page, "通过");
    await page.locator(".ant-alert").getByText(CONFLICT).waitFor();
    await statusTag(page, "待核验");
    await screenshot(page, "review-09-conflict");

    const dialog = await openDialog(page, "登记现场核验");
    await dialog.getByLabel("主办者身份证原件").check();
    await dialog.getByLabel("网站备案信息真实性核验单（本人签字）").check();
    await dialog.getByLabel("核验地点").fill("杭州市西湖区文三路90号 接入商服务大厅");
    await screenshot(page, "review-10-on-site-dialog");
    await dialog.getByRole("button", { name: "核验通过并保存" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("verification").getByText("核验已通过", { exact: true }).waitFor();
    await page.getByTestId("verification").getByText("主办者身份证原件、网站备案信息真实性核验单（本人签字）").waitFor();
    await page.getByRole("button", { name: "提交管局" }).waitFor();
    await screenshot(page, "review-11-on-site");
    await page.close();
  });

  it("shows an organisation's filing with both websites, the delegate and the authorization letter", async () => {
    const f = filed[4]!;
    const page = (open = await browser.newPage(DESKTOP));
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    await page.getByLabel("主办单位性质").click();
    await pickOption(page, "企业");
    await expect.poll(() => rows(page).count()).toBe(1);
    // Organisations are not masked.
    await rows(page).first().getByRole("link", { name: "杭州某某网络科技有限公司" }).click();
    await page.getByRole("heading", { name: "备案审核 · 杭州某某网络科技有限公司" }).waitFor();
    await page.locator('[data-path="subject.legalRepresentativeName"]').getByText("王五").waitFor();
    await page.locator('[data-section="websites.1.principal"]').getByText("赵六").first().waitFor();
    await page.locator('[data-path="websites.1.serviceContent"]').getByText("单位门户网站").waitFor();
    await page.locator('[data-material="网站备案授权书"]').first().locator("img").waitFor();
    await page.getByRole("button", { name: /网站备案授权书/ }).first().waitFor();
    await screenshot(page, "review-12-organisation");
    await (await openDialog(page, "退回修改")).getByRole("button", { name: "自己填写原因" }).click();
    await page.getByRole("dialog").getByLabel("原因 1 涉及字段").click();
    await page.keyboard.type("网站2 · 网站负责人 · 手机");
    await pickOption(page, "网站2 · 网站负责人 · 手机号码");
    await page.getByRole("dialog").getByTitle("网站2 · 网站负责人 · 手机号码").waitFor();
    await screenshot(page, "review-12-organisation-reason");
    expect(f.domain).toBe("mouxtech0.com");
  });

  it("works on a phone-sized screen", async () => {
    const context = await browser.newContext({ ...PHONE_ZONE, viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = (open = await context.newPage());
    await signInToConsole(page, sys.baseUrl, REVIEWER);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "review-13-phone-queue");
    await page.goto(`${sys.baseUrl}/console/filings/${filed[3]!.id}`);
    await page.getByRole("heading", { name: /备案审核/ }).waitFor();
    await page.locator('[data-material="负责人身份证件"]').first().locator("img").waitFor();
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "review-14-phone-filing");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(import.meta.dirname, "screenshots/review-15-phone-filing-top.png") });
    await context.close();
  });
});
