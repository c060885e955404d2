/**
 * Reads an uploaded XML file: well-formedness (fast-xml-parser's validator), interface version
 * (5004), structure per message type (5001), illegal control characters (5008); then maps the
 * records to the simulator's typed view.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { INTERFACE_VERSION, MSG } from "../protocol/msg-codes.js";
import { isUploadType, MAX_RECORDS, ROOT_CHILDREN, type UploadType } from "./message-schema.js";
import { checkChildren, type ParsedElement, type StructureError } from "./structure.js";

export interface UploadedPerson {
  name: string;
  certificateType: string;
  certificateNumber: string;
  mobile: string;
  email: string;
  officePhone?: string;
}

export interface UploadedSubject {
  name: string;
  nature: string;
  certificateType: string;
  certificateNumber: string;
  provinceCode: string;
  address: string;
  principal: UploadedPerson;
}

export interface UploadedWebsite {
  name: string;
  domains: string[];
  homeUrl: string;
  ips: string[];
  principal: UploadedPerson;
  /** BGBA: the website being changed. */
  siteIcpNumber?: string;
}

export interface UploadedRecord {
  type: UploadType;
  /** Jrsbaid: the provider's own id of this filing, repeated in every result file. */
  recordId: string;
  subject?: UploadedSubject;
  websites: UploadedWebsite[];
  subjectIcpNumber?: string;
  siteIcpNumber?: string;
  filingPassword?: string;
  /** ZXBA Zxlb: 0 subject, 1 website, 2 access. */
  cancelKind?: "0" | "1" | "2";
  cancelReason?: string;
}

export type ReadResult = { ok: true; type: UploadType; records: UploadedRecord[] } | { ok: false; code: number; errors: StructureError[] };

// XML 1.0 allows tab, LF and CR among the C0 controls; anything else is an illegal character.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function readUploadXml(xml: string): ReadResult {
  if (ILLEGAL.test(xml)) return { ok: false, code: MSG.illegalCharacters, errors: [{ path: "/", message: "control characters are not allowed" }] };
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { line, msg } = wellFormed.err;
    return { ok: false, code: MSG.xmlInvalid, errors: [{ path: `line ${line}`, message: msg }] };
  }
  const doc = parser.parse(xml) as Record<string, ParsedElement[]>;
  const roots = Object.keys(doc).filter((k) => !k.startsWith("?") && !k.startsWith("#"));
  if (roots.length !== 1) return { ok: false, code: MSG.xmlInvalid, errors: [{ path: "/", message: "exactly one root element expected" }] };
  const rootName = roots[0]!;
  const rootItems = doc[rootName]!;
  if (!isUploadType(rootName)) return { ok: false, code: MSG.xmlInvalid, errors: [{ path: `/${rootName}`, message: "unknown message type" }] };
  const root = rootItems[0];
  if (root === undefined || typeof root === "string") {
    return { ok: false, code: MSG.xmlInvalid, errors: [{ path: `/${rootName}`, message: "no records" }] };
  }
  if (root["@_version"] !== INTERFACE_VERSION) {
    return { ok: false, code: MSG.wrongVersion, errors: [{ path: `/${rootName}/@version`, message: `expected ${INTERFACE_VERSION}` }] };
  }
  const errors: StructureError[] = [];
  checkChildren(root, ROOT_CHILDREN(rootName), `/${rootName}`, errors);
  if (errors.length) return { ok: false, code: MSG.xmlInvalid, errors: errors.slice(0, 50) };
  const records = (root.Bajl as ParsedElement[]).slice(0, MAX_RECORDS).map((r) => toRecord(rootName, r as Element));
  return { ok: true, type: rootName, records };
}

type Element = { [name: string]: ParsedElement[] | string };

// After checkChildren these lookups cannot miss; the helpers only narrow the types.
const text = (e: Element, name: string): string | undefined => {
  const v = e[name];
  return Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined;
};
const req = (e: Element, name: string): string => text(e, name) ?? "";
const child = (e: Element, name: string): Element => ((e[name] as ParsedElement[] | undefined)?.[0] ?? {}) as Element;
const children = (e: Element, name: string): Element[] => ((e[name] as ParsedElement[] | undefined) ?? []) as Element[];

function toPerson(e: Element): UploadedPerson {
  const officePhone = text(e, "Fzr_dhhm");
  return {
    name: req(e, "Fzr_xm"),
    certificateType: req(e, "Fzr_zjlx"),
    certificateNumber: req(e, "Fzr_zjhm").toUpperCase(),
    mobile: req(e, "Fzr_sjhm"),
    email: req(e, "Fzr_dzyj"),
    ...(officePhone ? { officePhone } : {}),
  };
}

function toSubject(e: Element): UploadedSubject {
  const address = child(e, "Txdz");
  const certificate = child(e, "Zj");
  return {
    name: req(e, "Dwmc"),
    nature: req(e, "Dwxz"),
    certificateType: req(certificate, "Zjlx"),
    certificateNumber: req(certificate, "Zjhm").toUpperCase(),
    provinceCode: req(address, "Shengid"),
    address: req(address, "Xxdz"),
    principal: toPerson(child(e, "Fzr")),
  };
}

function toWebsite(e: Element): UploadedWebsite {
  const siteIcpNumber = text(e, "Wzbah");
  return {
    name: req(e, "Wzmc"),
    domains: children(e, "Ym_xx").map((d) => req(d, "Ym").toLowerCase()),
    homeUrl: req(e, "Syurl"),
    ips: children(e, "Jr_xx").flatMap((j) => children(j, "Ip_xx").map((ip) => req(ip, "Qsip"))),
    principal: toPerson(child(e, "Wz_Fzr")),
    ...(siteIcpNumber ? { siteIcpNumber } : {}),
  };
}

function toRecord(type: UploadType, e: Element): UploadedRecord {
  const record: UploadedRecord = { type, recordId: req(e, "Jrsbaid"), websites: children(e, "Wz_xx").map(toWebsite) };
  if (e.Zt_xx) record.subject = toSubject(child(e, "Zt_xx"));
  const ztbah = text(e, "Ztbah");
  const wzbah = text(e, "Wzbah");
  const bamm = text(e, "Bamm");
  const zxlb = text(e, "Zxlb");
  const zxly = text(e, "Zxly");
  if (ztbah) record.subjectIcpNumber = ztbah;
  if (wzbah) record.siteIcpNumber = wzbah;
  if (bamm) record.filingPassword = bamm;
  if (zxlb === "0" || zxlb === "1" || zxlb === "2") record.cancelKind = zxlb;
  if (zxly) record.cancelReason = zxly;
  return record;
}
