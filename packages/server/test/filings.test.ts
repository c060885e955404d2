import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { heicHeader, phonePhoto } from "./support/images.js";
import { multipart } from "./support/multipart.js";

let sys: TestSystem;
let a: Session;
let b: Session;
let reviewer: Session;

beforeAll(async () => {
  sys = await startTestSystem();
  await register(sys.app, "fa@example.com");
  await register(sys.app, "fb@example.com", "Passw0rd-x", "13900139000");
  a = await loginAs(sys.app, "fa@example.com", "Passw0rd-x");
  b = await loginAs(sys.app, "fb@example.com", "Passw0rd-x");
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({
    method: "POST",
    url: "/api/admin/users",
    headers: bearer(admin),
    payload: { email: "frev@example.com", password: "Review3r-pass", role: "reviewer" },
  });
  reviewer = await loginAs(sys.app, "frev@example.com", "Review3r-pass");
});
afterAll(() => sys.close());

const create = (s: Session, payload: object = { type: "first" }) =>
  sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(s), payload });

describe("draft filings (R-ACC-1, WF-1)", () => {
  let id = "";
  let version = 0;

  it("creates a draft for the applicant's one subject", async () => {
    const res = await create(a, { type: "first", form: { subject: { type: "personal", name: "张三" } } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ type: "first", status: "draft", version: 1, subjectName: "张三" });
    expect(body.timeline).toEqual([expect.objectContaining({ action: "filing.created", toState: "draft" })]);
    id = body.id;
    version = body.version;
  });

  it("refuses a second open filing of the same subject", async () => {
    const res = await create(a, { type: "new_site" });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("FILING_ALREADY_OPEN");
  });

  it("autosaves partial data as typed and bumps the version", async () => {
    const form = { subject: { type: "personal", name: "张三", principal: { mobile: "1380013" } }, websites: [{ name: "张三的", domains: ["zhangsan"] }] };
    const res = await sys.app.inject({ method: "PATCH", url: `/api/filings/${id}`, headers: bearer(a), payload: { expectedVersion: version, form } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: version + 1, form, domains: ["zhangsan"] });
    const stale = await sys.app.inject({ method: "PATCH", url: `/api/filings/${id}`, headers: bearer(a), payload: { expectedVersion: version, form } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("FILING_VERSION_CONFLICT");
    version += 1;
  });

  it("refuses unknown fields and oversized values without losing the saved draft", async () => {
    const res = await sys.app.inject({
      method: "PATCH",
      url: `/api/filings/${id}`,
      headers: bearer(a),
      payload: { expectedVersion: version, form: { subject: { name: "x".repeat(101), hacked: true } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["form.subject.name"]));
    const saved = await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(a) });
    expect(saved.json()).toMatchObject({ version, subjectName: "张三" });
  });

  it("hides the filing from other applicants and, while a draft, from reviewers", async () => {
    for (const s of [b, reviewer]) {
      const res = await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(s) });
      expect(res.statusCode).toBe(404);
    }
    const other = await sys.app.inject({ method: "PATCH", url: `/api/filings/${id}`, headers: bearer(b), payload: { expectedVersion: version, form: {} } });
    expect(other.statusCode).toBe(404);
    expect((await sys.app.inject({ url: "/api/filings/not-a-uuid", headers: bearer(a) })).statusCode).toBe(404);
  });

  it("lists only the applicant's own filings", async () => {
    const mine = await sys.app.inject({ url: "/api/filings", headers: bearer(a) });
    expect(mine.json().items.map((f: { id: string }) => f.id)).toEqual([id]);
    const theirs = await sys.app.inject({ url: "/api/filings", headers: bearer(b) });
    expect(theirs.json().items).toEqual([]);
  });

  it("does not let staff create filings", async () => {
    expect((await create(reviewer)).statusCode).toBe(403);
  });

  describe("materials (R-MAT-1, R-MAT-6)", () => {
    it("stores a 12 MP phone photo as a compliant image and serves it to the owner only", async () => {
      const photo = await phonePhoto(4000, 3000);
      const res = await sys.app.inject({
        method: "POST",
        url: `/api/filings/${id}/materials`,
                ...multipart({ kind: "principal_id" }, { name: "身份证.jpg", type: "image/jpeg", data: photo }, bearer(a)),
      });
      expect(res.statusCode, res.body).toBe(201);
      const material = res.json();
      expect(material).toMatchObject({ kind: "principal_id", originalName: "身份证.jpg", originalBytes: photo.length });
      expect(material.storedBytes).toBeLessThanOrEqual(100 * 1024);
      expect(Math.min(material.width, material.height)).toBeGreaterThanOrEqual(600);

      const file = await sys.app.inject({ url: material.url, headers: bearer(a) });
      expect(file.statusCode).toBe(200);
      expect(file.headers["content-type"]).toBe("image/jpeg");
      expect(file.rawPayload.length).toBe(material.storedBytes);
      expect((await sys.app.inject({ url: material.url, headers: bearer(b) })).statusCode).toBe(404);

      const details = await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(a) });
      expect(details.json().timeline.map((t: { action: string }) => t.action)).toContain("material.uploaded");
    });

    it("replaces an earlier upload of the same kind", async () => {
      const upload = async () =>
        sys.app.inject({
          method: "POST",
          url: `/api/filings/${id}/materials`,
                    ...multipart({ kind: "domain_certificate" }, { name: "cert.jpg", type: "image/jpeg", data: await phonePhoto(1200, 900) }, bearer(a)),
        });
      await upload();
      const second = (await upload()).json();
      const details = (await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(a) })).json();
      const certs = details.materials.filter((m: { kind: string }) => m.kind === "domain_certificate");
      expect(certs.map((m: { id: string }) => m.id)).toEqual([second.id]);
    });

    it.each([
      ["an iPhone HEIC photo", { name: "IMG_0001.HEIC", type: "image/heic", data: heicHeader() }, 415, "FILE_TYPE_HEIC"],
      ["a text file named .jpg", { name: "a.jpg", type: "image/jpeg", data: Buffer.from("not an image at all") }, 415, "FILE_TYPE_UNSUPPORTED"],
      ["a file over 20 MB", { name: "big.jpg", type: "image/jpeg", data: Buffer.alloc(21 * 1024 * 1024, 1) }, 413, "FILE_TOO_LARGE"],
    ])("refuses %s with a Chinese reason", async (_name, file, status, code) => {
      const res = await sys.app.inject({
        method: "POST",
        url: `/api/filings/${id}/materials`,
                ...multipart({ kind: "principal_id" }, file, bearer(a)),
      });
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().detail).toMatch(/[\u4e00-\u9fff]/);
    });

    it("refuses uploads to someone else's filing", async () => {
      const res = await sys.app.inject({
        method: "POST",
        url: `/api/filings/${id}/materials`,
                ...multipart({ kind: "principal_id" }, { name: "x.jpg", type: "image/jpeg", data: await phonePhoto(1000, 800) }, bearer(b)),
      });
      expect(res.statusCode).toBe(404);
    });
  });
});
