/**
 * Contract tests of the SOAP bureau gateway against the real simulator over real HTTP/SOAP,
 * plus the faults a provider meets: bureau down, slow, lost replies, duplicate downloads,
 * sequence gaps, malformed replies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FilingInput } from "@beian/rules";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../bureau-sim/src/clock.js";
import { filings as simFilings } from "../../bureau-sim/src/db/schema.js";
import { startBureauSim, type RunningSim } from "../../bureau-sim/src/start.js";
import { COMPANY_USCC, DELEGATE, LEGAL_REP, organisationFiling, PERSON, personalFiling } from "../../rules/test/fixtures.js";
import { BUREAU_DEFAULTS, loadBureauGatewayConfig, type BureauGatewayConfig } from "../src/gateways/bureau/config.js";
import { filingToXml } from "../src/gateways/bureau/filing-xml.js";
import { BureauError, type BureauDownload, type BureauGateway, type BureauResult } from "../src/gateways/bureau/port.js";
import { createSoapBureauGateway, type SequenceStore } from "../src/gateways/bureau/soap-client.js";

const ZJ_PAGE = "/zj/state/outPortal/messageAuthentication.action";
const clock = manualClock(new Date("2026-03-02T02:00:00Z"));
let sim: RunningSim;
let gateway: BureauGateway;

const configFor = (url: string, over: Partial<BureauGatewayConfig> = {}): BureauGatewayConfig => ({ ...loadBureauGatewayConfig({ BUREAU_URL: url }), timeoutMs: 5_000, ...over });

beforeAll(async () => {
  sim = await startBureauSim({
    config: { host: "127.0.0.1", port: 0, dataDir: null, databaseUrl: undefined, sweepIntervalMs: 0 },
    clock,
    logger: pino({ level: "silent" }),
  });
  gateway = createSoapBureauGateway(configFor(sim.url));
});
afterAll(async () => {
  await sim.close();
});

// --- the applicant's and the bureau reviewer's side, through the simulator's pages ---------

async function codesFor(mobile: string): Promise<string[]> {
  const res = await sim.app.inject({ url: `/sim/sms?mobile=${mobile}`, headers: { accept: "application/json" } });
  return (res.json().messages as { text: string }[]).flatMap((m) => /核验码为(\d{6})/.exec(m.text)?.[1] ?? []);
}
async function texts(mobile: string): Promise<string[]> {
  const res = await sim.app.inject({ url: `/sim/sms?mobile=${mobile}`, headers: { accept: "application/json" } });
  return (res.json().messages as { text: string }[]).map((m) => m.text);
}
async function verify(certificateNumber: string, mobile: string) {
  const code = (await codesFor(mobile)).at(-1)!;
  const res = await sim.app.inject({
    method: "POST",
    url: ZJ_PAGE,
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ certificateNumber, mobile, code }).toString(),
  });
  return res.json() as { result: string };
}
async function reviewQueue(): Promise<{ id: string; recordId: string }[]> {
  return (await sim.app.inject({ url: "/sim/operator", headers: { accept: "application/json" } })).json().filings;
}
async function operator(filingId: string, action: "approve" | "return", reason?: string) {
  const id = (await reviewQueue()).find((f) => f.recordId === filingId)!.id;
  return sim.app.inject({
    method: "POST",
    url: `/sim/operator/filings/${id}/${action}`,
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    payload: reason ? `reason=${encodeURIComponent(reason)}` : "",
  });
}
const sendCodes = async () => {
  clock.advance(5 * 60_000);
  await sim.sweep();
};

/** Downloads and acknowledges every pending file, as the provider's job would. */
async function drain(gw: BureauGateway = gateway): Promise<BureauResult[]> {
  const out: BureauResult[] = [];
  for (let file = await gw.download(); file; file = await gw.download()) {
    out.push(...file.results);
    await gw.ack(file.fileName);
  }
  return out;
}

const upload = (filing: FilingInput, filingId: string, gw: BureauGateway = gateway) => gw.upload(filingToXml({ filing, filingId, now: clock.now() }));

describe("contract: a first filing end to end (R-SMS-1, R-SMS-2, R-SMS-6, R-ST-1)", () => {
  const filingId = "0b3c1d2e-0000-4000-8000-000000000001";
  const filing = organisationFiling(2);
  let subjectNumber = "";

  it("uploads with dataSequence 1 and the filing id as record id", async () => {
    await drain();
    const receipt = await upload(filing, filingId);
    expect(receipt.dataSequence).toBe(1);
    expect(receipt.fileName).toMatch(/^XZBA[0-9a-f]+\d+$/);
  });

  it("R-SMS-1/R-SMS-2: codes go to the subject principal and the other website principal, one per mobile", async () => {
    await sendCodes();
    // LEGAL_REP is subject principal and principal of website 0: one code; DELEGATE runs website 1.
    expect(await codesFor(LEGAL_REP.mobile)).toHaveLength(1);
    expect(await codesFor(DELEGATE.mobile)).toHaveLength(1);
    expect(await gateway.download()).toBeNull();
  });

  it("R-SMS-6: after every code is verified the provider downloads an sms_verified result for the filing", async () => {
    expect((await verify(COMPANY_USCC, LEGAL_REP.mobile)).result).toBe("verified");
    expect((await verify(DELEGATE.certificate.number, DELEGATE.mobile)).result).toBe("verified");
    const results = await drain();
    expect(results).toEqual([expect.objectContaining({ kind: "sms_verified", recordId: filingId, code: 1101, operation: "XZBA" })]);
  });

  it("R-ST-1: approval comes back with the subject number and one number per website", async () => {
    const res = await operator(filingId, "approve");
    expect(res.statusCode, res.body).toBe(200);
    const [result] = await drain();
    expect(result).toMatchObject({ kind: "approved", recordId: filingId, code: 1001 });
    if (result?.kind !== "approved") throw new Error("expected approval");
    subjectNumber = result.icpNumber;
    expect(subjectNumber).toMatch(/^浙ICP备2026\d{6}号$/);
    expect(result.websites).toEqual([
      { name: filing.websites[0]!.name, domain: "mouxtech0.com", icpNumber: `${subjectNumber}-1` },
      { name: filing.websites[1]!.name, domain: "mouxtech1.com", icpNumber: `${subjectNumber}-2` },
    ]);
  });

  it("queryStatus finds the approved records by domain and by business licence", async () => {
    expect(await gateway.queryStatus({ kind: "domain", domain: "mouxtech1.com" })).toEqual([
      { filed: true, siteName: filing.websites[1]!.name, subjectIcpNumber: subjectNumber, siteIcpNumber: `${subjectNumber}-2` },
    ]);
    const byLicence = await gateway.queryStatus({ kind: "certificate", queryType: 1, number: COMPANY_USCC });
    expect(byLicence.map((s) => s.siteIcpNumber).sort()).toEqual([`${subjectNumber}-1`, `${subjectNumber}-2`]);
    expect(await gateway.queryStatus({ kind: "domain", domain: "never-filed.cn" })).toEqual([{ filed: false }]);
  });

  it("verifyPassword checks the filing password the bureau texted on approval", async () => {
    const password = /备案密码(\S+?)，/.exec((await texts(LEGAL_REP.mobile)).at(-1)!)![1]!;
    expect(await gateway.verifyPassword(subjectNumber, password)).toBe(true);
    expect(await gateway.verifyPassword(subjectNumber, "not-it")).toBe(false);
    // The bureau limits checks per filing number: past the limit the gateway throws code 22.
    for (let i = 0; i < 3; i++) await gateway.verifyPassword(subjectNumber, "not-it");
    await expect(gateway.verifyPassword(subjectNumber, password)).rejects.toMatchObject({ kind: "refused", msgCode: 22 });
  });

  it("新增网站 (XZWZ): only the website principal is texted, and the site gets the next number", async () => {
    const newSite = { ...organisationFiling(3), type: "new_site" as const };
    newSite.subject.icpNumber = subjectNumber;
    newSite.websites = [newSite.websites[2]!];
    newSite.websites[0]!.principal = PERSON;
    const id = "0b3c1d2e-0000-4000-8000-000000000002";
    const before = (await codesFor(LEGAL_REP.mobile)).length;
    await upload(newSite, id);
    await sendCodes();
    expect(await codesFor(LEGAL_REP.mobile)).toHaveLength(before);
    expect((await verify(PERSON.certificate.number, PERSON.mobile)).result).toBe("verified");
    await drain();
    await operator(id, "approve");
    const [result] = await drain();
    expect(result).toMatchObject({ kind: "approved", recordId: id, icpNumber: subjectNumber, websites: [{ domain: "mouxtech2.com", icpNumber: `${subjectNumber}-3` }] });
  });

  it("新增接入 (XZJR) with a wrong filing password is returned with code 1018", async () => {
    const access: FilingInput = { ...organisationFiling(1), type: "new_access", access: { icpNumber: `${subjectNumber}-1`, filingPassword: "wrong" } };
    const id = "0b3c1d2e-0000-4000-8000-000000000003";
    await upload(access, id);
    expect(await drain()).toEqual([expect.objectContaining({ kind: "returned", recordId: id, code: 1018, operation: "XZJR" })]);
  });
});

describe("contract: returns and SMS failures come back as typed results (R-SMS-5)", () => {
  it("the bureau's return carries the reviewer's opinion", async () => {
    const id = "1b3c1d2e-0000-4000-8000-000000000001";
    const filing = personalFiling();
    filing.websites[0]!.domains = ["returned-site.cn"];
    filing.websites[0]!.homeUrl = "www.returned-site.cn";
    await upload(filing, id);
    await sendCodes();
    expect((await verify(PERSON.certificate.number, PERSON.mobile)).result).toBe("verified");
    await drain();
    await operator(id, "return", "网站名称与内容不符");
    expect(await drain()).toEqual([expect.objectContaining({ kind: "returned", recordId: id, code: 1002, reason: "网站名称与内容不符" })]);
  });

  it("R-SMS-5: 48 hours without verification → sms_expired", async () => {
    const id = "1b3c1d2e-0000-4000-8000-000000000002";
    const filing = personalFiling();
    filing.websites[0]!.domains = ["expired-site.cn"];
    await upload(filing, id);
    await sendCodes();
    clock.advance(48 * 3600_000);
    await sim.sweep();
    expect(await drain()).toEqual([expect.objectContaining({ kind: "sms_expired", recordId: id, code: 1103 })]);
  });

  it("R-SMS-5: five wrong attempts → sms_failed", async () => {
    const id = "1b3c1d2e-0000-4000-8000-000000000003";
    const filing = personalFiling();
    filing.websites[0]!.domains = ["failed-site.cn"];
    await upload(filing, id);
    await sendCodes();
    for (let i = 0; i < 5; i++) await verify("110101199003070000", PERSON.mobile);
    const [result] = await drain();
    expect(result).toMatchObject({ kind: "sms_failed", recordId: id, code: 1102 });
    if (result?.kind !== "sms_failed") throw new Error("expected sms_failed");
    expect(result.reason).toContain("5次");
  });
});

describe("faults", () => {
  it("duplicate download: without an ack the same file comes again, and parses the same", async () => {
    const filing = personalFiling();
    filing.websites[0]!.domains = ["mouxtech0.com"]; // already filed → refused on receipt
    await upload(filing, "2b3c1d2e-0000-4000-8000-000000000001");
    const first = (await gateway.download()) as BureauDownload;
    const second = (await gateway.download()) as BureauDownload;
    expect(second.fileName).toBe(first.fileName);
    expect(second.results).toEqual(first.results);
    expect(first.results[0]).toMatchObject({ kind: "returned", code: 1005 });
    await gateway.ack(first.fileName);
    expect(await gateway.download()).toBeNull();
  });

  it("sequence gap: a stale local sequence is refused with 14 and the gateway resynchronises", async () => {
    let saved: number | null = null;
    const store: SequenceStore = { load: async () => 40, save: async (n) => void (saved = n) };
    const gw = createSoapBureauGateway({ ...configFor(sim.url), sequenceStore: store });
    const filing = personalFiling();
    filing.websites[0]!.domains = ["gap-site.cn"];
    const receipt = await upload(filing, "2b3c1d2e-0000-4000-8000-000000000002", gw);
    expect(receipt.dataSequence).toBeLessThan(40);
    expect(saved).toBe(receipt.dataSequence);
    // The shared gateway's own counter is now behind: it too resynchronises.
    filing.websites[0]!.domains = ["gap-site-two.cn"];
    const next = await upload(filing, "2b3c1d2e-0000-4000-8000-000000000003");
    expect(next.dataSequence).toBe(receipt.dataSequence + 1);
  });

  it("refusals carry the bureau's msg_code: bad password → 5, wrong interface version → 5004", async () => {
    const wrong = createSoapBureauGateway(configFor(sim.url, { password: "not-the-password" }));
    await expect(wrong.download()).rejects.toMatchObject({ name: "BureauError", kind: "refused", msgCode: 5 });
    const file = filingToXml({ filing: personalFiling(), filingId: "v2", now: clock.now() });
    const error = await gateway.upload({ ...file, xml: file.xml.replace('version="V.3.0"', 'version="V.2.0"') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BureauError);
    expect(error).toMatchObject({ kind: "refused", msgCode: 5004, retryable: false });
  });

  it("integrity: a file that does not decrypt with our key is refused, not acknowledged", async () => {
    const filing = personalFiling();
    filing.websites[0]!.domains = ["mouxtech1.com"];
    await upload(filing, "2b3c1d2e-0000-4000-8000-000000000004");
    const wrongKey = createSoapBureauGateway(configFor(sim.url, { aes: { key: "0000000000000000", iv: BUREAU_DEFAULTS.aesIv } }));
    await expect(wrongKey.download()).rejects.toMatchObject({ kind: "integrity" });
    expect(await drain()).toHaveLength(1);
  });

  it("simulator down: connection refused is a retryable 'unreachable' BureauError", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = createSoapBureauGateway(configFor(`http://127.0.0.1:${port}`));
    await expect(down.download()).rejects.toMatchObject({ name: "BureauError", kind: "unreachable", retryable: true });
    await expect(down.upload({ fileName: "XZBA1", xml: "<x/>" })).rejects.toMatchObject({ kind: "unreachable" });
  });

  describe("through a proxy that misbehaves", () => {
    type Mode = "pass" | "hang" | "slow_reply" | "garbage" | "not_xml_return" | "empty_all_downloaded";
    let mode: Mode = "pass";
    let proxy: Server;
    let proxyUrl = "";
    const held: ServerResponse[] = [];

    async function forward(req: IncomingMessage, res: ServerResponse, delayMs = 0) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const upstream = await fetch(`${sim.url}${req.url}`, {
        method: req.method!,
        headers: { "content-type": req.headers["content-type"] ?? "text/xml", soapaction: String(req.headers.soapaction ?? "") },
        ...(req.method === "POST" ? { body: Buffer.concat(chunks) } : {}),
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (res.destroyed) return;
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "text/xml" });
      res.end(body);
    }

    beforeAll(async () => {
      proxy = createServer((req, res) => {
        const isCall = req.method === "POST";
        if (isCall && mode === "hang") return void held.push(res);
        if (isCall && mode === "garbage") return void res.writeHead(200, { "content-type": "text/html" }).end("<html>维护中</html>");
        if (isCall && mode === "empty_all_downloaded") {
          return void res
            .writeHead(200, { "content-type": "text/xml" })
            .end(
              `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns:isp_downloadResponse xmlns:ns="http://beian.miit.gov.cn/ispws"><return>&lt;return&gt;&lt;msg_code&gt;1&lt;/msg_code&gt;&lt;msg&gt;操作成功，数据已经下载完毕&lt;/msg&gt;&lt;/return&gt;</return></ns:isp_downloadResponse></soap:Body></soap:Envelope>`,
            );
        }
        if (isCall && mode === "not_xml_return") {
          return void res
            .writeHead(200, { "content-type": "text/xml" })
            .end(
              `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns:isp_downloadResponse xmlns:ns="http://beian.miit.gov.cn/ispws"><return>no msg code here</return></ns:isp_downloadResponse></soap:Body></soap:Envelope>`,
            );
        }
        forward(req, res, isCall && mode === "slow_reply" ? 3_000 : 0).catch(() => res.destroy());
      });
      await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      for (const res of held) res.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((r) => proxy.close(() => r()));
    });

    it("slow bureau: a call that gets no answer in time is a retryable 'timeout'", async () => {
      mode = "hang";
      const gw = createSoapBureauGateway(configFor(proxyUrl, { timeoutMs: 1_000 }));
      const started = Date.now();
      await expect(gw.download()).rejects.toMatchObject({ kind: "timeout", retryable: true });
      expect(Date.now() - started).toBeLessThan(5_000);
      mode = "pass";
    });

    it("lost reply: an upload that timed out after the bureau accepted it is retried without applying it twice", async () => {
      const gw = createSoapBureauGateway(configFor(proxyUrl, { timeoutMs: 1_500 }));
      const fileFor = (domain: string, id: string) => {
        const filing = personalFiling();
        filing.websites[0]!.domains = [domain];
        return filingToXml({ filing, filingId: id, now: clock.now() });
      };
      const lostId = "3b3c1d2e-0000-4000-8000-000000000002";
      // A first upload through the proxy brings the gateway's sequence in step.
      const first = await gw.upload(fileFor("before-lost.cn", "3b3c1d2e-0000-4000-8000-000000000001"));
      mode = "slow_reply";
      const lost = fileFor("lost-reply.cn", lostId);
      await expect(gw.upload(lost)).rejects.toMatchObject({ kind: "timeout" });
      const stored = () => sim.db.select().from(simFilings).where(eq(simFilings.recordId, lostId));
      for (let i = 0; i < 50 && (await stored()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await stored()).toHaveLength(1);
      mode = "pass";
      // The retry carries the same sequence and the same bytes: the bureau answers 0 and applies nothing.
      const retried = await gw.upload(lost);
      expect(retried.dataSequence).toBe(first.dataSequence + 1);
      expect(await stored()).toHaveLength(1);
      const next = await gw.upload(fileFor("after-lost.cn", "3b3c1d2e-0000-4000-8000-000000000003"));
      expect(next.dataSequence).toBe(retried.dataSequence + 1);
    });

    it("'all downloaded' (1) without a file means nothing to download", async () => {
      mode = "empty_all_downloaded";
      expect(await createSoapBureauGateway(configFor(proxyUrl)).download()).toBeNull();
      mode = "pass";
    });

    it.each([
      ["an HTML page instead of SOAP", "garbage"],
      ["a <return> without msg_code", "not_xml_return"],
    ] as const)("malformed reply: %s is a 'malformed_reply' BureauError", async (_name, m) => {
      mode = m;
      const gw = createSoapBureauGateway(configFor(proxyUrl));
      await expect(gw.download()).rejects.toMatchObject({ name: "BureauError", kind: "malformed_reply", msgCode: null });
      mode = "pass";
    });
  });
});
