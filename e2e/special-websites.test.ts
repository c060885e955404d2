/**
 * Issue 5 in the browser: an applicant withdraws (撤回) a filing after a dialog that explains what
 * it means (WF-4), and records a special website (R-FORM-7) with live checks in Chinese, the ID and
 * the signed 信息安全责任书 uploaded as images.
 */
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.js";
import { startSystem } from "./support/system.js";

let system: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;
let page: Page;
let token: string;
const EMAIL = "special@example.com";
const PASSWORD = "Teshu-wangzhan-2026";

/** A scan-like photo the server can make compliant (≥ 800×600). */
const photo = () =>
  sharp({ create: { width: 1400, height: 1000, channels: 3, background: { r: 235, g: 238, b: 242 } } })
    .composite([{ input: Buffer.from('<svg width="1400" height="1000"><rect x="80" y="80" width="1240" height="840" fill="none" stroke="#335" stroke-width="6"/><text x="140" y="220" font-size="72" fill="#223">ID CARD 0001</text></svg>'), top: 0, left: 0 }])
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  system = await startSystem();
  browser = await launchBrowser();
  const reg = await fetch(`${system.baseUrl}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD, mobile: "13800138011" }),
  });
  expect(reg.status).toBe(201);
  const login = await fetch(`${system.baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  token = ((await login.json()) as { token: string }).token;
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${system.baseUrl}/login`);
  await page.getByLabel("邮箱", { exact: true }).fill(EMAIL);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("heading", { name: "我的备案" }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe("applicant filing extras in the browser (issue 5)", () => {
  it("WF-4: withdraws a filing after a confirmation that explains the consequence; the timeline shows it", async () => {
    const created = await fetch(`${system.baseUrl}/api/filings`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: "first", form: { subject: { type: "personal", name: "张三" } } }),
    });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`${system.baseUrl}/filings/${id}`);
    await page.getByTestId("withdraw").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("这一操作无法撤销").waitFor();
    await dialog.getByLabel("撤回原因").fill("网站名称需要更改，稍后重新申请");
    await screenshot(page, "withdraw-01-confirm");
    await page.getByTestId("withdraw-confirm").click();
    await page.getByTestId("withdrawn-restart").waitFor();
    await page.getByTestId("stage").filter({ hasText: "已撤回" }).waitFor();
    await page.getByText("原因：网站名称需要更改，稍后重新申请").waitFor();
    expect(await page.getByTestId("withdraw").count()).toBe(0);
    expect(await page.getByText("打印备案资料").count()).toBe(0);
    await screenshot(page, "withdraw-02-withdrawn");
  });

  it("R-FORM-7: records a special website with live checks, then uploads the ID and the signed letter", async () => {
    await page.goto(`${system.baseUrl}/`);
    await page.getByTestId("special-websites-link").getByRole("button", { name: "去登记" }).click();
    await page.getByRole("heading", { name: "特殊网站登记" }).waitFor();
    await page.getByTestId("special-website-new").click();
    const form = page.getByTestId("special-website-form");
    await form.waitFor();

    await form.getByLabel("网站名称").fill("张三的旧博客");
    await form.getByLabel("网站域名").fill("http://old-blog.cn");
    await form.getByLabel("网站备案号").fill("浙ICP备12345678号");
    await form.getByLabel("主办者姓名").fill("张三");
    await form.getByLabel("证件号码").fill("33010619900315456");
    await form.getByLabel("24 小时应急联系人").fill("李四");
    await form.getByLabel("应急联系手机").fill("1390000");
    await form.getByLabel("应急联系 QQ").fill("0123");
    await form.getByText("这里只填写域名本身").waitFor();
    await form.getByText("请填写网站备案号（主体备案号后带“-序号”）").waitFor();
    await form.getByText("QQ 号码应为 5–12 位数字").waitFor();
    await form.getByText(/手机号码应为中国大陆 11 位手机号/).waitFor();
    await screenshot(page, "special-01-live-errors");

    await form.getByLabel("网站域名").fill("old-blog.cn");
    await form.getByLabel("网站备案号").fill("浙ICP备12345678号-1");
    await form.getByLabel("证件号码").fill("330106199003154568");
    await form.getByLabel("应急联系手机").fill("13900001234");
    await form.getByLabel("应急联系 QQ").fill("12345678");
    await page.getByTestId("special-website-save").click();

    const card = page.getByTestId("special-website");
    await card.getByText("old-blog.cn").waitFor();
    await card.getByTestId("special-website-status").filter({ hasText: "待审核" }).waitFor();
    await card.getByText(/还需上传/).waitFor();
    const image = await photo();
    await card.getByTestId("document-identity").locator('input[type="file"]').setInputFiles({ name: "id-card.jpg", mimeType: "image/jpeg", buffer: image });
    await card.getByTestId("document-identity").getByText("已上传").waitFor();
    await card.getByTestId("document-responsibility_letter").locator('input[type="file"]').setInputFiles({ name: "letter.jpg", mimeType: "image/jpeg", buffer: image });
    await card.getByTestId("document-responsibility_letter").getByText("已上传").waitFor();
    expect(await card.getByText(/还需上传/).count()).toBe(0);
    const letter = await card.getByTestId("letter-download").getAttribute("href");
    const pdf = await page.request.get(`${system.baseUrl}${letter}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await screenshot(page, "special-02-recorded");
  });

  it("R-FORM-7: a record the provider returned shows the reason; changing it sends it back to review", async () => {
    const json = { "content-type": "application/json" };
    const signIn = async (email: string, password: string) =>
      ((await (await fetch(`${system.baseUrl}/api/auth/login`, { method: "POST", headers: json, body: JSON.stringify({ email, password }) })).json()) as { token: string }).token;
    const admin = await signIn(system.adminEmail, system.adminPassword);
    await fetch(`${system.baseUrl}/api/admin/users`, {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${admin}` },
      body: JSON.stringify({ email: "reviewer@e2e.local", password: "Review3r-pass", role: "reviewer" }),
    });
    const reviewer = await signIn("reviewer@e2e.local", "Review3r-pass");
    const list = (await (await fetch(`${system.baseUrl}/api/review/special-websites?status=pending`, { headers: { authorization: `Bearer ${reviewer}` } })).json()) as {
      items: { id: string; version: number }[];
    };
    const record = list.items[0]!;
    const returned = await fetch(`${system.baseUrl}/api/review/special-websites/${record.id}/review`, {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${reviewer}` },
      body: JSON.stringify({ expectedVersion: record.version, decision: "returned", reason: "信息安全责任书缺少签字，请签字后重新上传。" }),
    });
    expect(returned.status).toBe(200);

    await page.reload();
    const card = page.getByTestId("special-website");
    await card.getByTestId("special-website-return").getByText("信息安全责任书缺少签字").waitFor();
    await card.getByTestId("special-website-status").filter({ hasText: "已退回" }).waitFor();
    await screenshot(page, "special-03-returned");

    await card.getByRole("button", { name: "修改" }).click();
    const form = page.getByTestId("special-website-form");
    await form.getByLabel("应急联系 QQ").fill("87654321");
    await page.getByTestId("special-website-save").click();
    await card.getByTestId("special-website-status").filter({ hasText: "待审核" }).waitFor();
    await card.getByText("QQ 87654321").waitFor();
  });
});
