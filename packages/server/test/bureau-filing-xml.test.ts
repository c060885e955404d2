/**
 * The pure half of the bureau gateway: filing → upload XML, result file → typed results, and
 * the envelope. The simulator's own reader is the referee for the XML: what we build must be
 * what the bureau's structure check accepts.
 */
import { createHash } from "node:crypto";
import type { FilingInput } from "@beian/rules";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { SIM_DEFAULTS } from "../../bureau-sim/src/config.js";
import { passwordHash } from "../../bureau-sim/src/protocol/auth.js";
import { unpackFile } from "../../bureau-sim/src/protocol/payload.js";
import { buildResultXml } from "../../bureau-sim/src/xml/result-xml.js";
import { readUploadXml } from "../../bureau-sim/src/xml/upload-xml.js";
import { COMPANY_USCC, DELEGATE, LEGAL_REP, mutate, organisationFiling, PERSON, personalFiling } from "../../rules/test/fixtures.js";
import { BUREAU_DEFAULTS, loadBureauGatewayConfig } from "../src/gateways/bureau/config.js";
import { packUpload, pwdHash, randVal, unpackDownload } from "../src/gateways/bureau/envelope.js";
import { filingToXml, FilingXmlError, parseResultFile } from "../src/gateways/bureau/filing-xml.js";

const NOW = new Date("2026-03-02T02:00:00Z");
const ID = "6f1c2a9e-8a43-4b6f-9a59-0d1c7e5b2a10";
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => ["Wz_xx", "Ym_xx", "Ip_xx", "Bajl"].includes(n) });
const parsed = (xml: string) => parser.parse(xml) as Record<string, { "@_version": string; Bajl: Record<string, unknown>[] }>;

const numbered = (f: FilingInput): FilingInput =>
  mutate(f, (c) => {
    c.subject.icpNumber = "浙ICP备2026000123号";
    c.websites.forEach((w, i) => (w.icpNumber = `浙ICP备2026000123号-${i + 1}`));
  });

describe("filing → upload XML", () => {
  it("maps a first filing (XZBA) with subject Zt_xx and websites Wz_xx, carrying the filing id as Jrsbaid", () => {
    const file = filingToXml({ filing: organisationFiling(10), filingId: ID, now: NOW });
    expect(file.messageType).toBe("XZBA");
    const root = parsed(file.xml).XZBA!;
    expect(root["@_version"]).toBe("V.3.0");
    const record = root.Bajl[0] as Record<string, any>;
    expect(record.Jrsbaid).toBe(ID);
    expect(record.Zt_xx).toMatchObject({
      Dwmc: "杭州某某网络科技有限公司",
      Dwxz: "4",
      Tzr: "王五",
      Txdz: { Shengid: "330000", Shiid: "330100", Xianid: "330106", Xxdz: "文三路100号1幢501室" },
      Zj: { Zjlx: "1", Zjhm: COMPANY_USCC, Zjzs: "浙江省杭州市西湖区文三路100号" },
      Fzr: { Fzr_xm: "王五", Fzr_zjlx: "2", Fzr_zjhm: LEGAL_REP.certificate.number, Fzr_sjhm: LEGAL_REP.mobile, Fzr_dzyj: LEGAL_REP.email, Fzr_dhhm: "0571-88888888" },
      Bbfs: "0",
    });
    expect(record.Wz_xx).toHaveLength(10);
    expect(record.Wz_xx[9]).toMatchObject({
      Wzmc: "某某科技产品介绍十",
      Fwnr_id: "enterprise_portal",
      Yylb_id: "zh-CN",
      Ym_xx: [{ Ym: "mouxtech9.com" }],
      Jr_xx: { Ip_xx: [{ Qsip: "203.0.113.10", Zzip: "203.0.113.10" }] },
      Wz_Fzr: { Fzr_xm: DELEGATE.name, Fzr_sjhm: DELEGATE.mobile },
      Syurl: "www.mouxtech9.com",
    });
  });

  it("R-SMS-3: only the mobile of contact slot 1 is sent as Fzr_sjhm", () => {
    const filing = mutate(personalFiling(), (f) => {
      f.subject.principal.mobile2 = "13911112222";
      f.websites[0]!.principal.mobile2 = "13911112222";
    });
    const file = filingToXml({ filing, filingId: ID, now: NOW });
    expect(file.xml).toContain(`<Fzr_sjhm>${PERSON.mobile}</Fzr_sjhm>`);
    expect(file.xml).not.toContain("13911112222");
    expect(parsed(file.xml).XZBA!.Bajl[0]).toMatchObject({ Zt_xx: { Dwxz: "5", Zj: { Zjlx: "2" } } });
  });

  it.each([
    ["first → XZBA", organisationFiling(2)],
    ["personal first → XZBA", personalFiling()],
    ["new_site → XZWZ", { ...numbered(organisationFiling(1)), type: "new_site" }],
    ["new_access → XZJR", { ...organisationFiling(1), type: "new_access", access: { icpNumber: "浙ICP备2026000123号-1", filingPassword: "pw" } }],
    ["change → BGBA", { ...numbered(organisationFiling(2)), type: "change" }],
    ["cancel_subject → ZXBA", { ...numbered(personalFiling()), type: "cancel_subject", cancellation: { reason: "不再运营" } }],
    ["cancel_site → ZXBA", { ...numbered(personalFiling()), type: "cancel_site", cancellation: { reason: "网站关闭" } }],
    ["cancel_access → ZXBA", { ...numbered(personalFiling()), type: "cancel_access", cancellation: { reason: "迁出" } }],
  ] as [string, FilingInput][])("%s passes the bureau's structure check", (_name, filing) => {
    const file = filingToXml({ filing, filingId: ID, now: NOW });
    const read = readUploadXml(file.xml);
    expect(read.ok ? read.type : read.errors).toBe(file.messageType);
    if (read.ok) expect(read.records[0]!.recordId).toBe(ID);
  });

  it("ZXBA says what is cancelled (Zxlb) and why (Zxly)", () => {
    const file = filingToXml({ filing: { ...numbered(personalFiling()), type: "cancel_site", cancellation: { reason: "网站关闭" } }, filingId: ID, now: NOW });
    expect(parsed(file.xml).ZXBA!.Bajl[0]).toMatchObject({ Zxlb: "1", Ztbah: "浙ICP备2026000123号", Wzbah: "浙ICP备2026000123号-1", Zxly: "网站关闭" });
  });

  it("the type argument overrides the filing's own type", () => {
    expect(filingToXml({ filing: numbered(personalFiling()), filingId: ID, type: "new_site", now: NOW }).messageType).toBe("XZWZ");
  });

  it.each([
    ["新增网站 without a subject number", { ...organisationFiling(1), type: "new_site" }, "subject.icpNumber"],
    ["新增接入 without the filing password", { ...organisationFiling(1), type: "new_access", access: { icpNumber: "浙ICP备2026000123号-1", filingPassword: "" } }, "access.filingPassword"],
    ["变更 of a website without its number", { ...mutate(numbered(organisationFiling(2)), (f) => delete f.websites[1]!.icpNumber), type: "change" }, "websites.1.icpNumber"],
    ["注销 without a reason", { ...numbered(personalFiling()), type: "cancel_site" }, "cancellation.reason"],
  ] as [string, FilingInput, string][])("refuses %s with a FilingXmlError naming the field", (_name, filing, path) => {
    const error = (() => {
      try {
        filingToXml({ filing, filingId: ID, now: NOW });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FilingXmlError);
    expect(error).toMatchObject({ path });
  });

  it("escapes XML special characters and reads them back unchanged", () => {
    const filing = mutate(personalFiling(), (f) => void (f.websites[0]!.remark = `读书 & 笔记 <个人> "引号"`));
    const read = readUploadXml(filingToXml({ filing, filingId: ID, now: NOW }).xml);
    expect(read.ok).toBe(true);
    expect(filingToXml({ filing, filingId: ID, now: NOW }).xml).toContain("读书 &amp; 笔记 &lt;个人&gt;");
  });

  it("file names are letters and digits, unique per submission time", () => {
    const a = filingToXml({ filing: personalFiling(), filingId: ID, now: NOW }).fileName;
    const b = filingToXml({ filing: personalFiling(), filingId: ID, now: new Date(NOW.getTime() + 1) }).fileName;
    expect(a).toMatch(/^XZBA[A-Za-z0-9]{1,124}$/);
    expect(a).not.toBe(b);
  });
});

describe("result file → typed results", () => {
  const reviewedAt = NOW;
  const xml = buildResultXml([
    { recordId: "A", operation: "XZBA", code: 1101, reviewer: "短信核验系统", reviewedAt },
    { recordId: "B", operation: "XZBA", code: 1102, reviewer: "短信核验系统", reviewedAt, opinion: "短信核验失败：证件号码或核验码错误5次" },
    { recordId: "C", operation: "XZWZ", code: 1103, reviewer: "短信核验系统", reviewedAt, opinion: "超时" },
    {
      recordId: "D",
      operation: "XZBA",
      code: 1001,
      reviewer: "管局审核员",
      reviewedAt,
      subjectIcpNumber: "浙ICP备2026000001号",
      websites: [
        { name: "站一", domain: "a.cn", icpNumber: "浙ICP备2026000001号-1" },
        { name: "站二", domain: "b.cn", icpNumber: "浙ICP备2026000001号-2" },
      ],
    },
    { recordId: "E", operation: "XZBA", code: 1002, reviewer: "管局审核员", reviewedAt, opinion: "网站名称不符合要求" },
    { recordId: "F", operation: "XZBA", code: 1005, reviewer: "系统自动校验", reviewedAt },
  ]);

  it("reads every outcome the simulator writes, keyed by the provider's record id", () => {
    const { results, problems } = parseResultFile(xml, "BAJG1");
    expect(problems).toEqual([]);
    expect(results).toEqual([
      { kind: "sms_verified", recordId: "A", fileName: "BAJG1", code: 1101, operation: "XZBA" },
      { kind: "sms_failed", recordId: "B", fileName: "BAJG1", code: 1102, operation: "XZBA", reason: "短信核验失败：证件号码或核验码错误5次" },
      { kind: "sms_expired", recordId: "C", fileName: "BAJG1", code: 1103, operation: "XZWZ", reason: "超时" },
      {
        kind: "approved",
        recordId: "D",
        fileName: "BAJG1",
        code: 1001,
        operation: "XZBA",
        icpNumber: "浙ICP备2026000001号",
        websites: [
          { name: "站一", domain: "a.cn", icpNumber: "浙ICP备2026000001号-1" },
          { name: "站二", domain: "b.cn", icpNumber: "浙ICP备2026000001号-2" },
        ],
      },
      { kind: "returned", recordId: "E", fileName: "BAJG1", code: 1002, operation: "XZBA", reason: "网站名称不符合要求" },
      // Without an opinion the code's own text is the reason.
      { kind: "returned", recordId: "F", fileName: "BAJG1", code: 1005, operation: "XZBA", reason: expect.stringContaining("域名冲突") },
    ]);
  });

  it.each([
    ["not well-formed", "<BAJG><Bajg>", "not well-formed"],
    ["another file type", '<XGTZ version="V.3.0"><Tz>通知</Tz></XGTZ>', "unsupported file type XGTZ"],
    ["an entry without Jrsbaid", '<BAJG version="V.3.0"><Bajg><Jgdm>1001</Jgdm></Bajg></BAJG>', "entry 1"],
  ])("turns %s into a problem, never an exception", (_name, text, problem) => {
    const { results, problems } = parseResultFile(text, "X");
    expect(results).toEqual([]);
    expect(problems.join()).toContain(problem);
  });
});

describe("envelope", () => {
  it("the server's BUREAU_* defaults are the simulator's SIM_* defaults, so both talk out of the box", () => {
    expect({ ispId: BUREAU_DEFAULTS.ispId, userName: BUREAU_DEFAULTS.userName, password: BUREAU_DEFAULTS.password, aesKey: BUREAU_DEFAULTS.aesKey, aesIv: BUREAU_DEFAULTS.aesIv }).toEqual({ ...SIM_DEFAULTS });
    const config = loadBureauGatewayConfig({});
    expect(config).toMatchObject({ url: "http://127.0.0.1:3100", ispId: SIM_DEFAULTS.ispId, encryptUploads: true });
    expect(() => loadBureauGatewayConfig({ BUREAU_AES_KEY: "short" })).toThrow(/16 bytes/);
  });

  it("pwdHash is base64(MD5(GBK bytes of password + randVal)), as the bureau checks it", () => {
    const rand = randVal();
    expect(rand).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(pwdHash("密码abc", rand)).toBe(passwordHash("密码abc", rand));
    // GBK, not UTF-8: the hash of a Chinese password differs between the two.
    expect(pwdHash("密码", rand)).not.toBe(createHash("md5").update(`密码${rand}`, "utf8").digest("base64"));
  });

  it.each([true, false])("an upload packed with encryption=%s unpacks on the bureau's side", (encrypt) => {
    const aes = { key: BUREAU_DEFAULTS.aesKey, iv: BUREAU_DEFAULTS.aesIv };
    const packed = packUpload("XZBA1", "<XZBA/>", encrypt ? aes : null);
    const out = unpackFile({ ...packed, hashAlgorithm: "0" }, aes);
    expect(out).toMatchObject({ ok: true, fileName: "XZBA1.xml", xml: "<XZBA/>" });
    // The same file packs to the same bytes: a retry is recognisable.
    expect(packUpload("XZBA1", "<XZBA/>", encrypt ? aes : null).beianInfoHash).toBe(packed.beianInfoHash);
  });

  it("a download whose hash does not match is refused before unzipping", () => {
    const aes = { key: BUREAU_DEFAULTS.aesKey, iv: BUREAU_DEFAULTS.aesIv };
    const packed = packUpload("BAJG1", "<BAJG/>", aes);
    expect(unpackDownload({ ...packed, beianInfoHash: "AAAAAAAAAAAAAAAAAAAAAA==" }, aes)).toEqual({ ok: false, reason: "hash mismatch" });
    expect(unpackDownload(packed, aes)).toEqual({ ok: true, xml: "<BAJG/>" });
  });
});
