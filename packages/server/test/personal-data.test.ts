import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../src/config.js";
import { bureauExchanges, filings, personalDataKeys, personalDataSweeps } from "../src/db/schema.js";
import { decryptPersonalFields, encryptPersonalFields } from "../src/modules/personal-data/columns.js";
import { PersonalDataKeyError } from "../src/modules/personal-data/errors.js";
import { encryptPlaintextRows } from "../src/modules/personal-data/encrypt-plaintext-rows.js";
import { DEV_KEY_FILE, resolveMasterKeys } from "../src/modules/personal-data/master-key.js";
import { createSystem } from "../src/system.js";
import { LOG_REDACT, maskPersonalData } from "../src/logging/mask.js";
import { submittedFiling, type SubmittedFiling } from "./support/filings.js";
import { bearer, loginAs, type Session } from "./support/http.js";
import { ADMIN, startTestSystem, testDatabaseUrl, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
let reviewer: Session;
let filed: SubmittedFiling;
/** Every certificate number and mobile applicant 1 entered (see support/filings.ts): filled in once filed. */
const secrets: string[] = [];

/** Everything a database dump would show of the tables that hold personal data. */
async function rawDump(system: TestSystem): Promise<string> {
  const tables = ["users", "subjects", "filings", "notifications", "notification_reminders", "bureau_exchanges", "audit_log"];
  const parts = await Promise.all(tables.map((t) => system.ctx.database.executor.executeSql(`select * from ${t}`)));
  return JSON.stringify(parts.map((p) => p.rows));
}

const plainIn = (text: string) => secrets.filter((s) => text.includes(s) || text.includes(s.toLowerCase()));

beforeAll(async () => {
  sys = await startTestSystem();
  sys.clock.set(new Date("2026-03-02T02:00:00Z"));
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email: "pd-r@example.com", password: "Review3r-pass", role: "reviewer" } });
  reviewer = await loginAs(sys.app, "pd-r@example.com", "Review3r-pass");
  filed = await submittedFiling(sys, 1);
  secrets.push(filed.certificateNumber, "13700001001", "13900002001", "13600003001");
}, 120_000);
afterAll(() => sys.close());

describe("personal data at rest (#11.4)", () => {
  it("shows no certificate number or mobile in clear in any table after a filing is created and submitted (#11.4)", async () => {
    const dump = await rawDump(sys);
    expect(dump).toContain("pd1.");
    expect(plainIn(dump)).toEqual([]);
    const [row] = (await sys.ctx.database.executor.executeSql("select certificate_numbers from filings where id = $1", [filed.id])).rows as { certificate_numbers: string[] }[];
    expect(row!.certificate_numbers).toHaveLength(1);
    expect(row!.certificate_numbers[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("still gives the owner and the reviewer the full values through the API (#11.4)", async () => {
    for (const who of [filed.session, reviewer]) {
      const res = await sys.app.inject({ url: `/api/filings/${filed.id}`, headers: bearer(who) });
      expect(res.statusCode, res.body).toBe(200);
      const form = res.json().form;
      expect(form.subject.certificate.number).toBe(secrets[0]);
      expect(form.subject.principal.mobile).toBe(secrets[1]);
      expect(form.subject.emergencyContact.mobile).toBe(secrets[2]);
      expect(form.websites[0].domainCertificates[0].registrantCertNumber).toBe(secrets[0]);
    }
  });

  it("encrypts the 备案密码 of a 新增接入 with the certificate numbers and mobiles (#11.4, R-FORM-5)", () => {
    const form = { access: { icpNumber: "浙ICP备12345678号", filingPassword: "Bureau-secret-7" }, subject: { certificate: { number: "X1" } } };
    const stored = JSON.stringify(encryptPersonalFields(form));
    expect(stored).not.toContain("Bureau-secret-7");
    expect(stored).toContain("浙ICP备12345678号");
    expect(decryptPersonalFields(JSON.parse(stored))).toEqual(form);
  });

  it("finds the filing in the review queue by its certificate number, in any case (#11.4, R-REV)", async () => {
    for (const q of [secrets[0]!, secrets[0]!.toLowerCase(), ` ${secrets[0]} `]) {
      const res = await sys.app.inject({ url: `/api/review/queue?q=${encodeURIComponent(q)}`, headers: bearer(reviewer) });
      expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([filed.id]);
    }
  });

  it("masks certificate numbers and mobiles in log lines and audit payloads (#11.4)", async () => {
    await sys.app.inject({ url: `/api/review/queue?q=${secrets[0]}`, headers: bearer(reviewer) });
    expect(plainIn(sys.logLines.join("\n"))).toEqual([]);
    expect(sys.logLines.join("\n")).toContain(`3301**********${secrets[0]!.slice(-4)}`);
    const audit = JSON.stringify((await sys.ctx.database.executor.executeSql("select data from audit_log")).rows);
    expect(audit).toContain("136****3001");
    expect(plainIn(audit)).toEqual([]);
  });

  it.each([
    [{ subject: { certificate: { type: "resident_id", number: "330106199003151017" } } }, { subject: { certificate: { type: "resident_id", number: "3301**********1017" } } }],
    [{ principal: { mobile: "13700001001", mobile2: "13900002001" } }, { principal: { mobile: "137****1001", mobile2: "139****2001" } }],
    [{ domainCertificates: [{ registrantCertNumber: "91330106MA2XXXXX1X" }] }, { domainCertificates: [{ registrantCertNumber: "9133**********XX1X" }] }],
  ])("masks %j in audit payloads (#11.4)", (data, masked) => {
    expect(maskPersonalData(data)).toEqual(masked);
  });

  it("masks mobiles and certificate numbers that reach a log line by field name, and drops credentials (#11.4)", () => {
    const lines: string[] = [];
    const log = pino({ redact: LOG_REDACT }, { write: (l: string) => void lines.push(l) });
    log.info({ mobile: "13700001001", filing: { certificateNumber: "330106199003151017", password: "x" } }, "line");
    expect(JSON.parse(lines[0]!)).toMatchObject({ mobile: "137****1001", filing: { certificateNumber: "3301**********1017", password: "[redacted]" } });
  });

  it("encrypts the XML exchanged with the bureau (#11.4)", async () => {
    const xml = `<XZBA><Zjhm>${secrets[0]}</Zjhm><Fzr_sjhm>${secrets[1]}</Fzr_sjhm></XZBA>`;
    const [row] = await sys.ctx.db.insert(bureauExchanges).values({ direction: "upload", fileName: "pd-test.xml", status: "sent", xml }).returning();
    const raw = (await sys.ctx.database.executor.executeSql("select xml from bureau_exchanges where id = $1", [row!.id])).rows;
    expect(plainIn(JSON.stringify(raw))).toEqual([]);
    const [read] = await sys.ctx.db.select({ xml: bureauExchanges.xml }).from(bureauExchanges).where(eq(bureauExchanges.id, row!.id));
    expect(read!.xml).toBe(xml);
  });

  it("keeps values written with an older data key readable after a rotation, and writes with the new key (#11.4)", async () => {
    const keyOf = async () => {
      const [r] = (await sys.ctx.database.executor.executeSql("select form::text as form from filings where id = $1", [filed.id])).rows as { form: string }[];
      return /pd1\.([0-9a-f]{16})\./.exec(r!.form)![1];
    };
    const before = await keyOf();
    const rotated = await sys.ctx.personalData.rotate(new Date(), 0);
    expect(rotated).not.toBe(before);
    const res = await sys.app.inject({ url: `/api/filings/${filed.id}`, headers: bearer(reviewer) });
    expect(res.json().form.subject.certificate.number).toBe(secrets[0]);
    // A new write uses the new key; the filing still reads back whole.
    const [row] = await sys.ctx.db.select({ form: filings.form }).from(filings).where(eq(filings.id, filed.id));
    await sys.ctx.db.update(filings).set({ form: row!.form }).where(eq(filings.id, filed.id));
    expect(await keyOf()).toBe(rotated);
    const again = await sys.app.inject({ url: `/api/filings/${filed.id}`, headers: bearer(filed.session) });
    expect(again.json().form.subject.principal.mobile).toBe(secrets[1]);
  });

  it("does not use a rotated key before its activation time, so every process has loaded it first (#11.4)", async () => {
    const now = new Date();
    const pending = await sys.ctx.personalData.rotate(now, 120_000);
    const [row] = await sys.ctx.db.select({ form: filings.form }).from(filings).where(eq(filings.id, filed.id));
    await sys.ctx.db.update(filings).set({ form: row!.form }).where(eq(filings.id, filed.id));
    const raw = (await sys.ctx.database.executor.executeSql("select form::text as form from filings where id = $1", [filed.id])).rows as { form: string }[];
    expect(raw[0]!.form).not.toContain(pending);
    await sys.ctx.personalData.refresh(new Date(now.getTime() + 120_000));
    await sys.ctx.db.update(filings).set({ form: row!.form }).where(eq(filings.id, filed.id));
    const after = (await sys.ctx.database.executor.executeSql("select form::text as form from filings where id = $1", [filed.id])).rows as { form: string }[];
    expect(after[0]!.form).toContain(pending);
  });

  it("encrypts and hashes rows written in clear before #11.4, once and idempotently (#11.4)", async () => {
    const legacy = await submittedFiling(sys, 2);
    const number = legacy.certificateNumber;
    // What a pre-11.4 database holds: the same data in clear.
    const form = JSON.stringify((await sys.app.inject({ url: `/api/filings/${legacy.id}`, headers: bearer(reviewer) })).json().form);
    await sys.ctx.database.executor.executeSql("update filings set form = $1::jsonb, certificate_numbers = array[$2] where id = $3", [form, number, legacy.id]);
    await sys.ctx.database.executor.executeSql("update users set mobile = '13600003002' where email = 'applicant-2@example.com'");
    await sys.ctx.db.delete(personalDataSweeps);
    expect(JSON.stringify((await sys.ctx.database.executor.executeSql("select form from filings where id = $1", [legacy.id])).rows)).toContain(number);

    await encryptPlaintextRows(sys.ctx);
    await sys.ctx.db.delete(personalDataSweeps);
    await encryptPlaintextRows(sys.ctx);

    const dump = await rawDump(sys);
    expect(dump).not.toContain(number);
    expect(dump).not.toContain("13600003002");
    const res = await sys.app.inject({ url: `/api/filings/${legacy.id}`, headers: bearer(reviewer) });
    expect(res.json().form.subject.certificate.number).toBe(number);
    const found = await sys.app.inject({ url: `/api/review/queue?q=${number}`, headers: bearer(reviewer) });
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([legacy.id]);
    const me = await sys.app.inject({ url: "/api/me", headers: bearer(legacy.session) });
    expect(JSON.stringify(me.json())).toContain("136****3002");
  });
});

describe("the master key (#11.4)", () => {
  const base = (): Config => ({ ...loadConfig({}), webDist: null, runWorkers: false, bureauPollSeconds: 0, adminEmail: ADMIN.email, adminPassword: ADMIN.password, logLevel: "silent" });

  it("is required in production, with a message that says how to make one (#11.4)", () => {
    const attempt = () => resolveMasterKeys({ ...base(), production: true, dataEncryptionKey: undefined }, () => {});
    expect(attempt).toThrow(PersonalDataKeyError);
    expect(attempt).toThrow(/DATA_KEY_MISSING.*DATA_ENCRYPTION_KEY.*openssl rand -base64 32/);
    expect(() => resolveMasterKeys({ ...base(), dataEncryptionKey: "too-short" }, () => {})).toThrow(/DATA_KEY_MALFORMED/);
  });

  it("is generated once into DATA_DIR in development, with a warning (#11.4)", () => {
    const dataRoot = mkdtempSync(join(tmpdir(), "beian-pd-"));
    const warnings: string[] = [];
    const config = { ...base(), dataRoot, dataDir: join(dataRoot, "server-db"), dataEncryptionKey: undefined };
    const first = resolveMasterKeys(config, (m) => warnings.push(m));
    const second = resolveMasterKeys(config, () => {});
    expect(first.current.equals(second.current)).toBe(true);
    expect(readFileSync(join(dataRoot, DEV_KEY_FILE), "utf8").trim()).toBe(first.current.toString("base64"));
    expect(warnings[0]).toMatch(/DATA_ENCRYPTION_KEY is not set/);
  });

  it("stops the start with a clear error when it is not the key the database was encrypted with, and can be replaced through DATA_ENCRYPTION_KEY_PREVIOUS (#11.4)", async () => {
    const database = await testDatabaseUrl();
    const dataRoot = mkdtempSync(join(tmpdir(), "beian-pd-"));
    const config = { ...base(), databaseUrl: database.url, dataRoot, dataDir: database.url ? null : join(dataRoot, "server-db") };
    const keyA = randomBytes(32).toString("base64");
    const keyB = randomBytes(32).toString("hex");
    const logger = pino({ level: "silent" });
    try {
      const first = await createSystem({ ...config, dataEncryptionKey: keyA }, { logger });
      await first.stop();

      await expect(createSystem({ ...config, dataEncryptionKey: keyB }, { logger })).rejects.toThrow(/DATA_KEY_MISMATCH/);

      const rotated = await createSystem({ ...config, dataEncryptionKey: keyB, dataEncryptionKeyPrevious: keyA }, { logger });
      expect(await rotated.ctx.db.select().from(personalDataKeys)).not.toHaveLength(0);
      await rotated.stop();
      // Re-wrapped: the new key alone opens the database now; the old one no longer does.
      const again = await createSystem({ ...config, dataEncryptionKey: keyB }, { logger });
      await again.stop();
      await expect(createSystem({ ...config, dataEncryptionKey: keyA }, { logger })).rejects.toThrow(/DATA_KEY_MISMATCH/);
    } finally {
      await database.dispose();
    }
  });
});
