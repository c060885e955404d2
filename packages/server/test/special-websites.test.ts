import { PERSON } from "../../rules/test/fixtures.js";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications } from "../src/db/schema.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { phonePhoto } from "./support/images.js";
import { multipart } from "./support/multipart.js";
import { inspectPdf } from "./support/pdf.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

/** R-FORM-7: special websites filed elsewhere — the applicant's records and the provider's check. */
let sys: TestSystem;
let owner: Session;
let other: Session;
let reviewer: Session;
let photo: Buffer;

beforeAll(async () => {
  sys = await startTestSystem();
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  await register(sys.app, "owner@example.com", "Passw0rd-s");
  owner = await loginAs(sys.app, "owner@example.com", "Passw0rd-s");
  await register(sys.app, "other@example.com", "Passw0rd-o", "13900139111");
  other = await loginAs(sys.app, "other@example.com", "Passw0rd-o");
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email: "r@example.com", password: "Review3r-pass", role: "reviewer" } });
  reviewer = await loginAs(sys.app, "r@example.com", "Review3r-pass");
  photo = await phonePhoto(1200, 900);
}, 60_000);
afterAll(() => sys.close());

const record = (over: Record<string, unknown> = {}) => ({
  siteName: "张三的旧博客",
  domain: "Old-Blog.CN",
  icpNumber: "浙ICP备12345678号-1",
  holder: { type: "personal", name: "张三", certificateType: "resident_id", certificateNumber: PERSON.certificate.number },
  emergencyContact: { name: "李四", mobile: "+86 139 0000 1234", qq: "12345678" },
  ...over,
});
const create = (s: Session | null, payload: unknown) => sys.app.inject({ method: "POST", url: "/api/special-websites", headers: bearer(s), payload: payload as object });
const get = (s: Session | null, id: string) => sys.app.inject({ url: `/api/special-websites/${id}`, headers: bearer(s) });
const upload = (s: Session | null, id: string, kind: string, data = photo) =>
  sys.app.inject({ method: "POST", url: `/api/special-websites/${id}/documents`, ...multipart({ kind }, { name: `${kind}.jpg`, type: "image/jpeg", data }, bearer(s)) });
const review = (s: Session | null, id: string, payload: Record<string, unknown>) =>
  sys.app.inject({ method: "POST", url: `/api/review/special-websites/${id}/review`, headers: bearer(s), payload });
const auditOf = async (id: string) => (await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((e) => e.action);

describe("special websites (R-FORM-7)", () => {
  let id: string;

  it("R-FORM-7: the applicant records a special website; values are stored as the rules write them", async () => {
    const res = await create(owner, record());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      version: 1,
      domain: "old-blog.cn",
      icpNumber: "浙ICP备12345678号-1",
      emergencyContact: { name: "李四", mobile: "13900001234", qq: "12345678" },
      status: "pending",
      statusLabel: "待审核",
      documents: [],
      missingDocuments: ["identity", "responsibility_letter"],
    });
    id = body.id;
    // #11: the mobile and the certificate number are encrypted at rest, like a filing's.
    const raw = JSON.stringify((await sys.ctx.database.executor.executeSql("select * from special_websites where id = $1", [id])).rows);
    expect(raw).not.toContain("13900001234");
    expect(raw).not.toContain(PERSON.certificate.number);
    const list = (await sys.app.inject({ url: "/api/special-websites", headers: bearer(owner) })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await get(owner, id)).json().siteName).toBe("张三的旧博客");
  });

  it("R-FORM-7: bad values answer 400 with the rules' codes and Chinese messages at each field", async () => {
    const res = await create(
      owner,
      record({
        domain: "http://old-blog.cn/x",
        icpNumber: "浙ICP备12345678号",
        holder: { type: "organisation", name: "某公司", certificateType: "resident_id", certificateNumber: "1" },
        emergencyContact: { name: "李四", mobile: "12345", qq: "0123" },
      }),
    );
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; code: string; message: string }[];
    expect(Object.fromEntries(errors.map((e) => [e.path, e.code]))).toEqual({
      domain: "DOMAIN_NOT_A_DOMAIN",
      icpNumber: "ICP_NUMBER_NOT_WEBSITE",
      "emergencyContact.mobile": "MOBILE_INVALID",
      "emergencyContact.qq": "QQ_INVALID",
      "holder.certificateType": "CERT_TYPE_NOT_ALLOWED",
    });
    for (const e of errors) expect(e.message).toMatch(/\p{Script=Han}/u);
    expect((await create(owner, record({ icpNumber: "ICP12345" }))).json().errors[0]).toMatchObject({ path: "icpNumber", code: "ICP_NUMBER_FORMAT" });
    const wrongId = record({ holder: { type: "personal", name: "张三", certificateType: "resident_id", certificateNumber: "330106199003154560" } });
    expect((await create(owner, wrongId)).json().errors[0].path).toBe("holder.certificateNumber");
    for (const bad of [{}, { ...record(), extra: 1 }, { ...record(), siteName: "" }, { ...record(), siteName: "名".repeat(101) }]) {
      const r = await create(owner, bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json().code).toBe("VALIDATION_FAILED");
    }
  });

  it("R-FORM-7: the same domain twice is 409 SPECIAL_WEBSITE_DUPLICATE, whatever its spelling", async () => {
    const res = await create(owner, record({ domain: "old-blog.cn." }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("SPECIAL_WEBSITE_DUPLICATE");
  });

  it("R-FORM-7 / R-MAT-1: the ID and the signed letter are uploaded as compliant images; anything else is refused", async () => {
    let res = await upload(owner, id, "identity");
    expect(res.statusCode, res.body).toBe(201);
    res = await upload(owner, id, "responsibility_letter");
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.missingDocuments).toEqual([]);
    expect(body.version).toBe(3);
    for (const d of body.documents) expect(d.storedBytes).toBeLessThanOrEqual(100 * 1024);
    const file = await sys.app.inject({ url: body.documents[1].url, headers: bearer(owner) });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/jpeg");

    expect((await upload(owner, id, "passport")).json().code).toBe("MATERIAL_KIND_UNKNOWN");
    const pdf = await upload(owner, id, "identity", Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().code).toBe("FILE_TYPE_UNSUPPORTED");
  });

  it("R-FORM-7: the responsibility letter is pre-filled from the record for printing", async () => {
    const res = await sys.app.inject({ url: `/api/special-websites/${id}/responsibility-letter.pdf`, headers: bearer(owner) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = inspectPdf(res.rawPayload, "special-website-letter");
    expect(pdf.pages).toBe(1);
    for (const text of ["信息安全责任书", "old-blog.cn", "浙ICP备12345678号-1", "李四"]) expect(pdf.compact).toContain(text);
  });

  it("R-FORM-7: the owner edits at the version read; a stale version is 409", async () => {
    const current = (await get(owner, id)).json();
    const res = await sys.app.inject({ method: "PUT", url: `/api/special-websites/${id}`, headers: bearer(owner), payload: { ...record({ siteName: "张三的新博客" }), expectedVersion: current.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ siteName: "张三的新博客", version: current.version + 1 });
    const stale = await sys.app.inject({ method: "PUT", url: `/api/special-websites/${id}`, headers: bearer(owner), payload: { ...record(), expectedVersion: current.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("SPECIAL_WEBSITE_VERSION_CONFLICT");
  });

  it("R-FORM-7: a reviewer lists, reads, returns with a reason and accepts; an edit sends it back to review", async () => {
    const list = (await sys.app.inject({ url: "/api/review/special-websites?status=pending", headers: bearer(reviewer) })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    const doc = await sys.app.inject({ url: `/api/special-websites/${id}/documents/identity`, headers: bearer(reviewer) });
    expect(doc.statusCode).toBe(200);
    let current = (await get(reviewer, id)).json();

    const noReason = await review(reviewer, id, { expectedVersion: current.version, decision: "returned" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ path: "reason", code: "RETURN_REASON_REQUIRED" });

    let res = await review(reviewer, id, { expectedVersion: current.version, decision: "returned", reason: "责任书缺少签字，请签字后重新上传。" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "returned", statusLabel: "已退回", reviewReason: "责任书缺少签字，请签字后重新上传。" });
    // The applicant is told, by mail and in the inbox, with the reason.
    const notices = await sys.ctx.db.select().from(notifications).where(like(notifications.idempotencyKey, `special_website:${id}:%`));
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "inbox"]);
    expect(notices.find((n) => n.channel === "email")!.body).toContain("退回原因：责任书缺少签字");

    res = await upload(owner, id, "responsibility_letter");
    expect(res.json().status).toBe("pending");
    current = res.json();
    res = await review(reviewer, id, { expectedVersion: current.version, decision: "accepted" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "accepted", reviewReason: null });
    expect((await review(reviewer, id, { expectedVersion: current.version, decision: "accepted" })).json().code).toBe("SPECIAL_WEBSITE_VERSION_CONFLICT");
  });

  it("R-FORM-7: a record without both documents cannot be accepted", async () => {
    const bare = (await create(owner, record({ domain: "bare-site.cn", icpNumber: "浙ICP备12345678号-2" }))).json();
    const res = await review(reviewer, bare.id, { expectedVersion: bare.version, decision: "accepted" });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["documents.identity", "documents.responsibility_letter"]);
  });

  it("R-FORM-7: the staff's list masks personal data like the queue, filters by status, and sorts oldest or newest first", async () => {
    sys.clock.set(new Date("2026-03-02T03:00:00Z"));
    const later = (await create(owner, record({ domain: "later-site.cn", icpNumber: "浙ICP备12345678号-3" }))).json();
    const list = async (query: string) =>
      (await sys.app.inject({ url: `/api/review/special-websites${query}`, headers: bearer(reviewer) })).json().items as { id: string; status: string }[];
    const oldest = await list("?status=pending");
    const newest = await list("?status=pending&order=newest");
    expect(oldest.map((i) => i.id).at(-1)).toBe(later.id);
    expect(newest[0]!.id).toBe(later.id);
    expect(newest.map((i) => i.id).sort()).toEqual(oldest.map((i) => i.id).sort());
    expect(newest.every((i) => i.status === "pending")).toBe(true);
    expect((await list("?status=accepted")).map((i) => i.id)).toContain(id);

    const masked = (await list("")).find((i) => i.id === later.id);
    expect(masked).toMatchObject({
      domain: "later-site.cn",
      holder: { name: "张*", certificateNumber: expect.stringMatching(/^\d{4}\*{10}\w{4}$/) },
      emergencyContact: { name: "李*", mobile: "139****1234", qq: "12****78" },
    });
    // The record itself, opened by the reviewer, shows everything.
    expect((await get(reviewer, later.id)).json().emergencyContact).toEqual({ name: "李四", mobile: "13900001234", qq: "12345678" });
    expect((await sys.app.inject({ url: "/api/review/special-websites?order=sideways", headers: bearer(reviewer) })).statusCode).toBe(400);
  });

  it("R-FORM-7: only the owner sees and changes a record: another applicant 404, staff 403 on changes, anonymous 401", async () => {
    const put = (s: Session | null) => sys.app.inject({ method: "PUT", url: `/api/special-websites/${id}`, headers: bearer(s), payload: { ...record(), expectedVersion: 99 } });
    const del = (s: Session | null) => sys.app.inject({ method: "DELETE", url: `/api/special-websites/${id}`, headers: bearer(s) });
    expect((await get(other, id)).statusCode).toBe(404);
    expect((await get(null, id)).statusCode).toBe(401);
    expect((await get(owner, "nonsense")).statusCode).toBe(404);
    expect((await put(other)).statusCode).toBe(404);
    expect((await put(reviewer)).statusCode).toBe(403);
    expect((await del(other)).statusCode).toBe(404);
    expect((await del(null)).statusCode).toBe(401);
    expect((await upload(other, id, "identity")).statusCode).toBe(404);
    expect((await sys.app.inject({ url: `/api/special-websites/${id}/documents/identity`, headers: bearer(other) })).statusCode).toBe(404);
    expect((await sys.app.inject({ url: `/api/special-websites/${id}/responsibility-letter.pdf`, headers: bearer(other) })).statusCode).toBe(404);
    expect((await review(owner, id, { expectedVersion: 1, decision: "accepted" })).statusCode).toBe(403);
    expect((await sys.app.inject({ url: "/api/review/special-websites", headers: bearer(owner) })).statusCode).toBe(403);
    expect((await create(reviewer, record({ domain: "staff.cn" }))).statusCode).toBe(403);
    expect((await sys.app.inject({ url: "/api/special-websites", headers: bearer(other) })).json().items).toEqual([]);
  });

  it("R-FORM-7 / R-ST-2: every change is audited, and the owner deletes the record", async () => {
    const res = await sys.app.inject({ method: "DELETE", url: `/api/special-websites/${id}`, headers: bearer(owner) });
    expect(res.statusCode).toBe(204);
    expect((await get(owner, id)).statusCode).toBe(404);
    expect(await auditOf(id)).toEqual([
      "special_website.created",
      "special_website.document_uploaded",
      "special_website.document_uploaded",
      "special_website.updated",
      "special_website.returned",
      "special_website.document_uploaded",
      "special_website.accepted",
      "special_website.deleted",
    ]);
    const [created] = await sys.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id)).limit(1);
    // Personal data is masked in the audit row.
    expect(JSON.stringify(created!.data)).not.toContain("13900001234");
  });
});
