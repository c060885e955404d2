import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsRecipients } from "../src/sms/recipients.js";
import type { UploadedRecord } from "../src/xml/upload-xml.js";
import { drainDownloads, simClient, startTestSim } from "./support/sim-client.js";
import { inbox, lastCode, verifyOnPage } from "./support/sms.js";
import { bgba, SITE_PRINCIPAL, SUBJECT_PRINCIPAL, xzba, xzjr, xzwz, zxba, type TestPerson } from "./support/xml.js";

const NEW_PRINCIPAL: TestPerson = { name: "孙八", id: "330106199202020018", mobile: "13500000005" };

describe("who gets a code (R-SMS-1, R-SMS-2), pure", () => {
  const person = (mobile: string, cert: string) => ({ name: "某", certificateType: "2", certificateNumber: cert, mobile, email: "a@b.cn" });
  const site = (mobile: string, cert: string, siteIcpNumber?: string) => ({ name: "站", domains: ["a.cn"], homeUrl: "a.cn", ips: [], principal: person(mobile, cert), ...(siteIcpNumber ? { siteIcpNumber } : {}) });
  const subject = { name: "公司", nature: "4", certificateType: "1", certificateNumber: "USCC", provinceCode: "330000", address: "x", principal: person("13800000001", "ID1") };

  it.each([
    ["XZBA, different mobiles → subject and website principal", { type: "XZBA", recordId: "r", subject, websites: [site("13800000002", "ID2")] }, ["13800000001:subject", "13800000002:website"]],
    ["XZBA, same mobile → one code for both roles", { type: "XZBA", recordId: "r", subject, websites: [site("13800000001", "ID1")] }, ["13800000001:subject,website"]],
    ["XZWZ → website principals only", { type: "XZWZ", recordId: "r", websites: [site("13800000002", "ID2"), site("13800000003", "ID3")] }, ["13800000002:website", "13800000003:website"]],
    ["XZJR → website principal", { type: "XZJR", recordId: "r", websites: [site("13800000002", "ID2")] }, ["13800000002:website"]],
    ["ZXBA → nobody", { type: "ZXBA", recordId: "r", websites: [] }, []],
  ] as [string, UploadedRecord, string[]][])("%s", (_name, record, expected) => {
    expect(smsRecipients(record).map((r) => `${r.mobile}:${r.roles.join(",")}`)).toEqual(expected);
  });

  it("the subject principal may verify with the subject's certificate too", () => {
    const [first] = smsRecipients({ type: "XZBA", recordId: "r", subject, websites: [site("13800000001", "ID9")] });
    expect(first!.certificateNumbers).toEqual(["ID1", "USCC", "ID9"]);
  });

  it("BGBA → only the principals whose mobile changed", () => {
    const record: UploadedRecord = { type: "BGBA", recordId: "r", subject, websites: [site("13800000002", "ID2", "N-1"), site("13900000009", "ID3", "N-2")] };
    const known = { subject: "13800000001", websites: { "N-1": "13800000002", "N-2": "13800000003" } };
    expect(smsRecipients(record, known).map((r) => r.mobile)).toEqual(["13900000009"]);
    expect(smsRecipients(record).map((r) => r.mobile)).toEqual(["13800000001", "13800000002", "13900000009"]);
  });
});

describe("after a first filing is approved", () => {
  let env: Awaited<ReturnType<typeof startTestSim>>;
  let client: Awaited<ReturnType<typeof simClient>>;
  let seq = 0;
  let subjectNumber = "";
  let password = "";

  const json = { accept: "application/json" };
  const queue = async () => (await env.sim.app.inject({ url: "/sim/operator", headers: json })).json().filings as { id: string; recordId: string }[];
  const approve = async (recordId: string) => {
    const id = (await queue()).find((f) => f.recordId === recordId)!.id;
    const res = await env.sim.app.inject({ method: "POST", url: `/sim/operator/filings/${id}/approve`, headers: json });
    expect(res.statusCode, res.body).toBe(200);
    return drainDownloads(client);
  };
  const sendCodes = async () => {
    env.clock.advance(5 * 60_000);
    await env.sim.sweep();
  };
  const filed = async (domain: string) => (await env.sim.app.inject({ url: `/sim/query?domain=${domain}`, headers: json })).json();

  beforeAll(async () => {
    env = await startTestSim();
    client = await simClient(env.sim);
    await client.upload(xzba({ recordId: "FIRST", domain: "first-site.cn" }), ++seq);
    await sendCodes();
    await verifyOnPage(env.sim, { certificateNumber: SUBJECT_PRINCIPAL.id, mobile: SUBJECT_PRINCIPAL.mobile, code: (await lastCode(env.sim, SUBJECT_PRINCIPAL.mobile))! });
    await verifyOnPage(env.sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SITE_PRINCIPAL.mobile, code: (await lastCode(env.sim, SITE_PRINCIPAL.mobile))! });
    await drainDownloads(client);
    const [file] = await approve("FIRST");
    subjectNumber = /<Ztbah>(.+?)<\/Ztbah>/.exec(file!)![1]!;
    password = /备案密码(\S+?)，/.exec((await inbox(env.sim, SUBJECT_PRINCIPAL.mobile)).at(-1)!.text)![1]!;
  });
  afterAll(async () => {
    await env.sim.close();
  });

  it("XZWZ: the new website's principal verifies, the site gets the next number", async () => {
    expect((await client.upload(xzwz("WZ1", subjectNumber, "second-site.cn", NEW_PRINCIPAL), ++seq)).msg_code).toBe("0");
    await sendCodes();
    expect(await inbox(env.sim, NEW_PRINCIPAL.mobile)).toHaveLength(1);
    expect((await verifyOnPage(env.sim, { certificateNumber: NEW_PRINCIPAL.id, mobile: NEW_PRINCIPAL.mobile, code: (await lastCode(env.sim, NEW_PRINCIPAL.mobile))! })).allDone).toBe(true);
    await drainDownloads(client);
    const [file] = await approve("WZ1");
    expect(file).toContain(`<Wzbah>${subjectNumber}-2</Wzbah>`);
    expect((await filed("second-site.cn")).records[0]).toMatchObject({ subjectIcpNumber: subjectNumber, siteIcpNumber: `${subjectNumber}-2` });
  });

  it("XZWZ for an unknown subject number is refused on receipt with 1016", async () => {
    expect((await client.upload(xzwz("WZ2", "浙ICP备2026999999号", "third-site.cn", NEW_PRINCIPAL), ++seq)).msg_code).toBe("0");
    const [file] = await drainDownloads(client);
    expect(file).toContain("<Jgdm>1016</Jgdm>");
  });

  it("XZJR with the right filing password: website principal texted, numbers kept on approval", async () => {
    expect((await client.upload(xzjr("JR1", `${subjectNumber}-1`, password, "first-site.cn", SITE_PRINCIPAL), ++seq)).msg_code).toBe("0");
    await sendCodes();
    const before = (await inbox(env.sim, SUBJECT_PRINCIPAL.mobile)).length;
    await verifyOnPage(env.sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SITE_PRINCIPAL.mobile, code: (await lastCode(env.sim, SITE_PRINCIPAL.mobile))! });
    expect(await inbox(env.sim, SUBJECT_PRINCIPAL.mobile)).toHaveLength(before);
    await drainDownloads(client);
    const [file] = await approve("JR1");
    expect(file).toContain("<Jgdm>1001</Jgdm>");
    expect(file).toContain(`<Wzbah>${subjectNumber}-1</Wzbah>`);
  });

  it("BGBA: only the changed website principal's mobile is texted; approval updates the registry", async () => {
    const changed = { ...SITE_PRINCIPAL, mobile: "13600000006" };
    const xml = bgba("BG1", subjectNumber, "杭州某某网络科技股份有限公司", SUBJECT_PRINCIPAL, [{ number: `${subjectNumber}-1`, domain: "first-site.cn", principal: changed }]);
    const subjectTexts = (await inbox(env.sim, SUBJECT_PRINCIPAL.mobile)).length;
    expect((await client.upload(xml, ++seq)).msg_code).toBe("0");
    await sendCodes();
    expect(await inbox(env.sim, SUBJECT_PRINCIPAL.mobile)).toHaveLength(subjectTexts);
    expect(await inbox(env.sim, changed.mobile)).toHaveLength(1);
    await verifyOnPage(env.sim, { certificateNumber: changed.id, mobile: changed.mobile, code: (await lastCode(env.sim, changed.mobile))! });
    await drainDownloads(client);
    await approve("BG1");
    expect((await filed("first-site.cn")).records[0]).toMatchObject({ subjectName: "杭州某某网络科技股份有限公司", siteIcpNumber: `${subjectNumber}-1` });
  });

  it("ZXBA: no SMS, straight to review; approval removes the website from the registry", async () => {
    expect((await client.upload(zxba("ZX1", "1", `${subjectNumber}-2`), ++seq)).msg_code).toBe("0");
    expect((await queue()).map((f) => f.recordId)).toContain("ZX1");
    const [file] = await approve("ZX1");
    expect(file).toContain("<Czlx>ZXBA</Czlx>");
    expect((await filed("second-site.cn")).filed).toBe(false);
    expect((await filed("first-site.cn")).filed).toBe(true);
  });
});
