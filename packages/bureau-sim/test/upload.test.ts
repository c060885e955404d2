import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { filings, registry } from "../src/db/schema.js";
import { drainDownloads, simClient, startTestSim, T0 } from "./support/sim-client.js";
import { xzba } from "./support/xml.js";

let env: Awaited<ReturnType<typeof startTestSim>>;
let client: Awaited<ReturnType<typeof simClient>>;

beforeAll(async () => {
  env = await startTestSim();
  client = await simClient(env.sim);
});
afterAll(async () => {
  await env.sim.close();
});

describe("WSDL", () => {
  it.each(["/ISPWebService/upDownLoad", "/BeianStatusWebService/queryBeianStatus", "/BeianStatusWebService/verifyBamm"])("serves %s?wsdl", async (path) => {
    const res = await fetch(`${env.sim.url}${path}?wsdl`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("wsdl:definitions");
    expect(text).toContain(`${env.sim.url}${path}`);
  });
});

describe("authentication on every call", () => {
  it.each([
    ["bad user → 4", { userName: "someone" }, "4"],
    ["bad password → 5", { password: "wrong" }, "5"],
    ["unknown ispId → 12", { ispId: "999" }, "12"],
    ["randVal shorter than 20 → 16", { randVal: "short-rand" }, "16"],
    ["hash algorithm other than MD5 → 10", { hashAlgorithm: "1" }, "10"],
  ])("%s", async (_name, over, code) => {
    const reply = await client.call("upDownLoad", "isp_querypreviousupload", client.auth(over));
    expect(reply.msg_code).toBe(code);
  });

  it("accepts GBK-hashed credentials and reports no previous upload", async () => {
    const reply = await client.call("upDownLoad", "isp_querypreviousupload", client.auth());
    expect(reply).toMatchObject({ msg_code: "0", dataSequence: ["0"] });
  });
});

describe("uploaded files are validated before they are accepted", () => {
  it.each([
    ["not well-formed XML → 5001", "<XZBA version=\"V.3.0\"><Bajl>", "5001"],
    ["wrong interface version → 5004", xzba({ version: "V.2.0" }), "5004"],
    ["missing required field (Dwmc) → 5001", xzba().replace("<Dwmc>杭州某某网络科技有限公司</Dwmc>", ""), "5001"],
    ["unknown element → 5001", xzba().replace("<Dwxz>4</Dwxz>", "<Dwxz>4</Dwxz><Foo>1</Foo>"), "5001"],
    ["bad mobile → 5001", xzba().replace("13800000001", "12345"), "5001"],
    ["unknown message type → 5001", "<HELLO version=\"V.3.0\"><Bajl/></HELLO>", "5001"],
    ["control characters → 5008", xzba().replace("文三路100号", "文三路\u0001"), "5008"],
  ])("%s", async (_name, xml, code) => {
    const reply = await client.upload(xml, 1);
    expect(reply.msg_code).toBe(code);
  });

  it.each([
    ["hash mismatch → 7", (a: Record<string, unknown>) => void (a.beianInfoHash = "AAAAAAAAAAAAAAAAAAAAAA=="), "7"],
    ["not base64 / undecryptable → 6", (a: Record<string, unknown>) => void (a.beianInfo = "!!!"), "6"],
    ["unknown encryption → 9", (a: Record<string, unknown>) => void (a.encryptAlgorithm = "7"), "9"],
    ["unknown compression → 11", (a: Record<string, unknown>) => void (a.compressionFormat = "3"), "11"],
    ["non-numeric sequence → 999", (a: Record<string, unknown>) => void (a.dataSequence = "one"), "999"],
  ])("%s", async (_name, tamper, code) => {
    const reply = await client.upload(xzba(), 1, { tamper });
    expect(reply.msg_code).toBe(code);
  });

  it("a file over 50 MB → 18, refused from the archive's directory without inflating it", async () => {
    const reply = await client.upload(`<XZBA version="V.3.0">${" ".repeat(51 * 1024 * 1024)}</XZBA>`, 1);
    expect(reply.msg_code).toBe("18");
  });

  it("refused files do not use up a sequence number", async () => {
    const reply = await client.call("upDownLoad", "isp_querypreviousupload", client.auth());
    expect(reply.dataSequence).toEqual(["0"]);
  });
});

describe("data sequence", () => {
  it("accepts 1, refuses a gap with code 14 and the missing list, and reports the last accepted file", async () => {
    expect((await client.upload(xzba({ recordId: "S1", domain: "seq-one.cn" }), 1, { fileName: "XZBA0001.xml" })).msg_code).toBe("0");
    const gap = await client.upload(xzba({ recordId: "S4", domain: "seq-four.cn" }), 4);
    expect(gap.msg_code).toBe("14");
    expect(gap.dataSequences).toEqual({ dataSequence: ["2", "3"] });
    const previous = await client.call("upDownLoad", "isp_querypreviousupload", client.auth());
    expect(previous).toMatchObject({ dataSequence: ["1"], fileName: "XZBA0001.xml" });
  });

  it("answers a retried, already accepted file as accepted without applying it twice", async () => {
    const xml = xzba({ recordId: "S2", domain: "seq-two.cn" });
    expect((await client.upload(xml, 2, { fileName: "XZBA0002.xml" })).msg_code).toBe("0");
    expect((await client.upload(xml, 2, { fileName: "XZBA0002.xml" })).msg_code).toBe("0");
    const other = await client.upload(xzba({ recordId: "S9", domain: "seq-nine.cn" }), 2);
    expect(other.msg_code).toBe("14");
    expect(await env.sim.db.select().from(filings).where(eq(filings.recordId, "S2"))).toHaveLength(1);
  });

  it("accepts unencrypted uploads (encryptAlgorithm 0)", async () => {
    expect((await client.upload(xzba({ recordId: "S3", domain: "seq-three.cn" }), 3, { encrypt: false })).msg_code).toBe("0");
  });
});

describe("downloads (isp_download / isp_downloadack)", () => {
  it("answers 2 when nothing is pending, then resends the same file until it is acknowledged", async () => {
    await drainDownloads(client);
    expect((await client.download()).reply.msg_code).toBe("2");
    // A domain that is already filed is refused on receipt: a result file to download.
    await env.sim.db.insert(registry).values({
      subjectName: "某公司",
      subjectNature: "企业",
      certificateType: "营业执照",
      certificateNumber: "X",
      subjectIcpNumber: "浙ICP备2025000001号",
      siteName: "某站",
      siteIcpNumber: "浙ICP备2025000001号-1",
      domain: "taken.cn",
      approvedAt: T0,
    });
    const previous = await client.call("upDownLoad", "isp_querypreviousupload", client.auth());
    const next = Number((previous.dataSequence as string[])[0]) + 1;
    expect((await client.upload(xzba({ recordId: "TAKEN1", domain: "taken.cn" }), next)).msg_code).toBe("0");
    const first = await client.download();
    expect(first.reply.msg_code).toBe("1");
    expect(first.xml).toContain("<Jrsbaid>TAKEN1</Jrsbaid>");
    expect(first.xml).toContain("<Jgdm>1005</Jgdm>");
    const again = await client.download();
    expect(again.fileName).toBe(first.fileName);
    expect((await client.ack(first.fileName!)).msg_code).toBe("0");
    expect((await client.ack(first.fileName!)).msg_code).toBe("0");
    expect((await client.download()).reply.msg_code).toBe("2");
  });

  it("answers 3 while more files wait, and 21 for an empty acknowledgement", async () => {
    const previous = await client.call("upDownLoad", "isp_querypreviousupload", client.auth());
    let next = Number((previous.dataSequence as string[])[0]) + 1;
    for (const id of ["TAKEN2", "TAKEN3"]) expect((await client.upload(xzba({ recordId: id, domain: "taken.cn" }), next++)).msg_code).toBe("0");
    const first = await client.download();
    expect(first.reply.msg_code).toBe("3");
    await client.ack(first.fileName!);
    const second = await client.download();
    expect(second.reply.msg_code).toBe("1");
    expect(second.fileName).not.toBe(first.fileName);
    expect((await client.ack("")).msg_code).toBe("21");
    expect((await client.ack("NOSUCHFILE")).msg_code).toBe("999");
  });
});

describe("input that is not a SOAP call", () => {
  it("a body that is not XML gets a SOAP fault, and the simulator keeps serving", async () => {
    const res = await fetch(`${env.sim.url}/ISPWebService/upDownLoad`, { method: "POST", headers: { "content-type": "text/xml" }, body: "this is not xml <<<" });
    expect(res.status).toBe(500);
    expect(await res.text()).toContain("Fault");
    const reply = await client.call("upDownLoad", "isp_querypreviousupload", client.auth());
    expect(reply.msg_code).toBe("0");
  });

  it("structured values where strings are expected count as missing: code 12, not a crash", async () => {
    const envelope = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns:isp_download xmlns:ns="http://beian.miit.gov.cn/ispws"><ispId><a>1</a></ispId><userName>beian</userName></ns:isp_download></soap:Body></soap:Envelope>`;
    const res = await fetch(`${env.sim.url}/ISPWebService/upDownLoad`, { method: "POST", headers: { "content-type": "text/xml", soapaction: "isp_download" }, body: envelope });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("&lt;msg_code&gt;12&lt;/msg_code&gt;");
  });
});
