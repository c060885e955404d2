/**
 * Pure mapping between our filings and the bureau's files: the upload XML of a filing
 * (XZBA / XZWZ / XZJR / BGBA / ZXBA, field names as in MIIT-INTERFACE.md and the comments of
 * FilingInput) and the typed results of a downloaded BAJG file. The filing id travels as
 * <Jrsbaid> and comes back in every result, which is how results find their filing.
 */
import {
  CERTIFICATE_TYPES,
  SUBJECT_NATURES,
  type CertificateInput,
  type CertificateTypeInfo,
  type FilingInput,
  type FilingType,
  type PersonInput,
  type SubjectNatureInfo,
  type WebsiteInput,
} from "@beian/rules";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import type { BureauMessageType, BureauResult, BureauUploadFile } from "./port.js";

export const INTERFACE_VERSION = "V.3.0";

export const MESSAGE_TYPES: Readonly<Record<FilingType, BureauMessageType>> = {
  first: "XZBA",
  new_site: "XZWZ",
  new_access: "XZJR",
  change: "BGBA",
  cancel_subject: "ZXBA",
  cancel_site: "ZXBA",
  cancel_access: "ZXBA",
};

/** ZXBA Zxlb: what is cancelled. */
const CANCEL_KIND: Partial<Record<FilingType, string>> = { cancel_subject: "0", cancel_site: "1", cancel_access: "2" };

/** A filing lacks what its message type needs (a number for 新增网站, a password for 新增接入 …). */
export class FilingXmlError extends Error {
  override readonly name = "FilingXmlError";
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

export interface FilingXmlInput {
  filing: FilingInput;
  /** Our filing id; sent as Jrsbaid (letters, digits and "-", ≤ 64). */
  filingId: string;
  /** Defaults to filing.type. */
  type?: FilingType;
  /** Makes the file name unique per submission. */
  now: Date;
}

const natures: Record<string, SubjectNatureInfo> = SUBJECT_NATURES;
const certificateTypes: Record<string, CertificateTypeInfo> = CERTIFICATE_TYPES;

/** Dwxz / Zjlx: the MIIT code where the interface defines one, else our rules' key. */
const natureCode = (nature: string) => String(natures[nature]?.miitCode ?? nature);
const certificateCode = (c: CertificateInput) => String(certificateTypes[c.type]?.miitQueryType ?? c.type);

const optional = <T>(key: string, value: T | undefined | null | "") => (value === undefined || value === null || value === "" ? {} : { [key]: value });

function person(p: PersonInput) {
  return {
    Fzr_xm: p.name,
    Fzr_zjlx: certificateCode(p.certificate),
    Fzr_zjhm: p.certificate.number,
    Fzr_sjhm: p.mobile,
    ...optional("Fzr_dhhm", p.officePhone),
    Fzr_dzyj: p.email,
    ...optional("Qq", p.qq),
  };
}

function subject(f: FilingInput) {
  const s = f.subject;
  return {
    Dwmc: s.name,
    Dwxz: natureCode(s.type),
    ...optional("Tzr", s.investor),
    Txdz: { Shengid: s.address.provinceCode, Shiid: s.address.cityCode, Xianid: s.address.districtCode, Xxdz: s.address.detail },
    Zj: { Zjlx: certificateCode(s.certificate), Zjhm: s.certificate.number, ...optional("Zjzs", s.certificate.domicile) },
    Fzr: person(s.principal),
    ...optional("Bbfs", s.filedBy === undefined ? undefined : s.filedBy === "agent" ? "1" : "0"),
    ...optional("Bz", s.remark),
  };
}

function website(w: WebsiteInput, withNumber: boolean, index: number) {
  if (withNumber && !w.icpNumber) throw new FilingXmlError(`websites.${index}.icpNumber`, "变更网站需要该网站的备案号。");
  return {
    ...(withNumber ? { Wzbah: w.icpNumber } : {}),
    Wzmc: w.name,
    ...(w.preApprovals?.length
      ? { Nrlx: w.preApprovals.map((p) => ({ Nrlx_id: p.category, Qzsph: p.permitNumber, ...optional("Spwj", p.documentId) })) }
      : {}),
    ...optional("Fwnr_id", w.serviceContent),
    ...(w.languages?.length ? { Yylb_id: w.languages } : {}),
    Ym_xx: w.domains.map((d) => ({ Ym: d.trim().toLowerCase() })),
    Jr_xx: {
      ...optional("Wzfb", w.serverLocation),
      ...optional("Wzjrfs", w.accessMethod),
      ...(w.ips?.length ? { Ip_xx: w.ips.map((ip) => ({ Qsip: ip, Zzip: ip })) } : {}),
    },
    Wz_Fzr: person(w.principal),
    Syurl: w.homeUrl,
    ...optional("Wz_Bz", w.remark),
  };
}

function required(value: string | undefined, path: string, message: string): string {
  if (!value?.trim()) throw new FilingXmlError(path, message);
  return value.trim();
}

function record(type: BureauMessageType, filingType: FilingType, f: FilingInput, filingId: string) {
  const head = { Jrsbaid: filingId };
  switch (type) {
    case "XZBA":
      return { ...head, Zt_xx: subject(f), Wz_xx: f.websites.map((w, i) => website(w, false, i)) };
    case "XZWZ":
      return {
        ...head,
        Ztbah: required(f.subject.icpNumber, "subject.icpNumber", "新增网站需要主体备案号。"),
        Wz_xx: f.websites.map((w, i) => website(w, false, i)),
      };
    case "XZJR": {
      const site = f.websites[0];
      if (!site) throw new FilingXmlError("websites", "新增接入需要一个网站。");
      return {
        ...head,
        Wzbah: required(f.access?.icpNumber ?? site.icpNumber, "access.icpNumber", "新增接入需要网站备案号。"),
        Bamm: required(f.access?.filingPassword, "access.filingPassword", "新增接入需要备案密码。"),
        Wz_xx: website(site, false, 0),
      };
    }
    case "BGBA":
      return {
        ...head,
        Ztbah: required(f.subject.icpNumber, "subject.icpNumber", "变更备案需要主体备案号。"),
        Zt_xx: subject(f),
        ...(f.websites.length ? { Wz_xx: f.websites.map((w, i) => website(w, true, i)) } : {}),
      };
    case "ZXBA": {
      const kind = CANCEL_KIND[filingType] ?? "0";
      const siteNumber = f.websites[0]?.icpNumber;
      return {
        ...head,
        Zxlb: kind,
        ...optional("Ztbah", f.subject.icpNumber),
        ...(kind === "0" ? {} : { Wzbah: required(siteNumber, "websites.0.icpNumber", "注销网站或取消接入需要网站备案号。") }),
        Zxly: required(f.cancellation?.reason, "cancellation.reason", "请填写注销原因。"),
      };
    }
  }
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });

/** The upload file of a filing. Throws FilingXmlError when the filing lacks data its type needs. */
export function filingToXml(input: FilingXmlInput): BureauUploadFile & { messageType: BureauMessageType } {
  const filingType = input.type ?? input.filing.type;
  const messageType = MESSAGE_TYPES[filingType];
  const filingId = input.filingId.replace(/[^A-Za-z0-9-]/g, "").slice(0, 64);
  if (!filingId) throw new FilingXmlError("filingId", "filing id must contain letters or digits");
  const body = { [messageType]: { "@_version": INTERFACE_VERSION, Bajl: record(messageType, filingType, input.filing, filingId) } };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(body) as string}`;
  // Letters and digits only, unique per submission: type + filing id + time.
  const fileName = `${messageType}${filingId.replace(/-/g, "")}${input.now.getTime()}`.slice(0, 128);
  return { messageType, fileName, xml };
}

/** Business result codes of the simulator's SMS step (packages/bureau-sim/README.md). */
const SMS_CODES = { 1101: "sms_verified", 1102: "sms_failed", 1103: "sms_expired" } as const;
const APPROVED = 1001;

const resultParser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (name) => name === "Bajg" || name === "Wz",
  processEntities: true,
});

type Entry = Record<string, unknown>;
const str = (e: Entry, key: string): string => (typeof e[key] === "string" ? (e[key] as string).trim() : "");

/** Reads a downloaded result file. Unreadable entries become problems, never exceptions. */
export function parseResultFile(xml: string, fileName: string): { results: BureauResult[]; problems: string[] } {
  if (XMLValidator.validate(xml) !== true) return { results: [], problems: ["file is not well-formed XML"] };
  const doc = resultParser.parse(xml) as Record<string, unknown>;
  const root = doc.BAJG as Entry | undefined;
  if (!root || typeof root !== "object") {
    const name = Object.keys(doc).find((k) => !k.startsWith("?")) ?? "";
    return { results: [], problems: [`unsupported file type ${name}`] };
  }
  const results: BureauResult[] = [];
  const problems: string[] = [];
  ((root.Bajg as Entry[] | undefined) ?? []).forEach((entry, i) => {
    const recordId = str(entry, "Jrsbaid");
    const code = Number(str(entry, "Jgdm"));
    if (!recordId || !Number.isInteger(code)) {
      problems.push(`entry ${i + 1}: Jrsbaid or Jgdm missing`);
      return;
    }
    const base = { recordId, fileName, code, operation: str(entry, "Czlx") };
    const reason = str(entry, "Shyj") || str(entry, "Jgms");
    if (code === APPROVED) {
      const websites = ((entry.Wz as Entry[] | undefined) ?? []).map((w) => ({ name: str(w, "Wzmc"), domain: str(w, "Ym"), icpNumber: str(w, "Wzbah") }));
      results.push({ ...base, kind: "approved", icpNumber: str(entry, "Ztbah"), websites });
    } else if (code in SMS_CODES) {
      const kind = SMS_CODES[code as keyof typeof SMS_CODES];
      results.push(kind === "sms_verified" ? { ...base, kind } : { ...base, kind, reason });
    } else {
      results.push({ ...base, kind: "returned", reason });
    }
  });
  return { results, problems };
}
