import type { TFilingForm } from "@beian/contracts";
import {
  CERTIFICATE_TYPES,
  FILING_TYPES,
  LANGUAGES,
  PRE_APPROVAL_CATEGORIES,
  PROVINCES,
  SERVICE_CONTENTS,
  SUBJECT_NATURES,
  divisionName,
  labelOf,
  type FilingType,
} from "@beian/rules";

/** One field of the filing as the reviewer reads it; `path` is the form path findings and return reasons use. */
export interface FieldRow {
  path: string;
  label: string;
  value: string;
  /** Shown even when empty: the fields every filing has. */
  always?: boolean;
  /** Further paths whose findings belong next to this field (the parts of an address). */
  match?: string[];
  /** Finer targets for a return reason, e.g. each domain of the site. */
  parts?: { path: string; label: string }[];
}

export interface FieldSection {
  /** Form path of the part ("subject", "websites.0.principal"); "" for the filing itself. */
  path: string;
  title: string;
  /** How a reason's field is introduced: "网站1" in "网站1 · 网站名称". */
  short: string;
  rows: FieldRow[];
}

const NONE = "";
const lookup = <T extends Record<string, { label: string }>>(table: T, code: string | undefined) =>
  code ? ((table as Record<string, { label: string }>)[code]?.label ?? code) : NONE;
const yesNo = (v: boolean | undefined) => (v === undefined ? NONE : v ? "是" : "否");
const list = (items: (string | undefined)[] | undefined) => (items ?? []).filter(Boolean).join("、");

type Person = NonNullable<NonNullable<TFilingForm["subject"]>["principal"]>;

function personRows(base: string, p: Person | undefined): FieldRow[] {
  return [
    { path: `${base}.name`, label: "姓名", value: p?.name ?? NONE, always: true },
    { path: `${base}.certificate.type`, label: "证件类型", value: lookup(CERTIFICATE_TYPES, p?.certificate?.type), always: true },
    { path: `${base}.certificate.number`, label: "证件号码", value: p?.certificate?.number ?? NONE, always: true },
    { path: `${base}.certificate.validUntil`, label: "证件有效期至", value: p?.certificate?.validUntil ?? NONE, always: true },
    { path: `${base}.mobile`, label: "手机号码", value: p?.mobile ?? NONE, always: true },
    { path: `${base}.mobile2`, label: "备用手机号码", value: p?.mobile2 ?? NONE },
    { path: `${base}.email`, label: "电子邮箱", value: p?.email ?? NONE, always: true },
    { path: `${base}.officePhone`, label: "办公电话", value: p?.officePhone ?? NONE },
    { path: `${base}.qq`, label: "QQ", value: p?.qq ?? NONE },
  ];
}

function subjectRows(s: TFilingForm["subject"]): FieldRow[] {
  const nature = s?.type ? (SUBJECT_NATURES as Record<string, { label: string; organisation: boolean }>)[s.type] : undefined;
  const personal = nature ? !nature.organisation : s?.type === "personal";
  const a = s?.address;
  const region = [a?.provinceCode, a?.cityCode, a?.districtCode].map((c) => (c ? (divisionName(c) ?? c) : "")).join("");
  return [
    { path: "subject.type", label: "主办单位性质", value: nature?.label ?? s?.type ?? NONE, always: true },
    { path: "subject.name", label: personal ? "主办者姓名" : "主办单位名称", value: s?.name ?? NONE, always: true },
    { path: "subject.certificate.type", label: "证件类型", value: lookup(CERTIFICATE_TYPES, s?.certificate?.type), always: true },
    { path: "subject.certificate.number", label: "证件号码", value: s?.certificate?.number ?? NONE, always: true },
    { path: "subject.certificate.validUntil", label: "证件有效期至", value: s?.certificate?.validUntil ?? NONE, always: true },
    { path: "subject.certificate.domicile", label: "证件住所", value: s?.certificate?.domicile ?? NONE, always: !personal },
    { path: "subject.investor", label: "投资人或主管单位", value: s?.investor ?? NONE, always: !personal },
    {
      path: "subject.address.provinceCode",
      label: "通信地址（省市区）",
      value: region,
      always: true,
      match: ["subject.address.cityCode", "subject.address.districtCode"],
    },
    { path: "subject.address.detail", label: "通信地址（详细地址）", value: a?.detail ?? NONE, always: true },
    { path: "subject.legalRepresentativeName", label: "法定代表人姓名", value: s?.legalRepresentativeName ?? NONE, always: !personal },
    { path: "subject.emergencyContact.name", label: "应急联系人姓名", value: s?.emergencyContact?.name ?? NONE },
    { path: "subject.emergencyContact.mobile", label: "应急联系电话", value: s?.emergencyContact?.mobile ?? NONE, always: true },
    { path: "subject.emergencyContact.qq", label: "应急联系人 QQ", value: s?.emergencyContact?.qq ?? NONE },
    { path: "subject.renamed", label: "单位曾更名", value: yesNo(s?.renamed) },
    { path: "subject.filedBy", label: "备案方式", value: s?.filedBy === "agent" ? "委托他人办理" : s?.filedBy === "self" ? "本人（本单位）办理" : NONE },
    { path: "subject.icpNumber", label: "主体备案号", value: s?.icpNumber ?? NONE },
    { path: "subject.remark", label: "备注", value: s?.remark ?? NONE },
  ];
}

type Website = NonNullable<TFilingForm["websites"]>[number];

function websiteRows(base: string, short: string, w: Website | undefined): FieldRow[] {
  const preApprovals = (w?.preApprovals ?? []).map((p) => {
    const category = lookup(PRE_APPROVAL_CATEGORIES, p.category);
    return p.permitNumber ? `${category}（${p.permitNumber}）` : category;
  });
  const rows: FieldRow[] = [
    { path: `${base}.name`, label: "网站名称", value: w?.name ?? NONE, always: true },
    {
      path: `${base}.domains`,
      label: "网站域名",
      value: list(w?.domains),
      always: true,
      parts: (w?.domains ?? []).map((d, j) => ({ path: `${base}.domains.${j}`, label: `${short} · 域名${j + 1}${d ? `（${d}）` : ""}` })),
    },
    { path: `${base}.homeUrl`, label: "网站首页网址", value: w?.homeUrl ?? NONE, always: true },
    { path: `${base}.serviceContent`, label: "网站服务内容", value: w?.serviceContent ? labelOf(SERVICE_CONTENTS, w.serviceContent) : NONE },
    { path: `${base}.languages`, label: "网站语言", value: list(w?.languages?.map((l) => labelOf(LANGUAGES, l))) },
    { path: `${base}.preApprovals`, label: "前置审批", value: preApprovals.join("；") || "无", always: true },
    { path: `${base}.commercial`, label: "经营性网站", value: yesNo(w?.commercial) },
    { path: `${base}.commercialLicenceNumber`, label: "增值电信业务经营许可证编号", value: w?.commercialLicenceNumber ?? NONE },
    { path: `${base}.ips`, label: "网站 IP 地址", value: list(w?.ips) },
    { path: `${base}.accessMethod`, label: "接入方式", value: w?.accessMethod ?? NONE },
    { path: `${base}.serverLocation`, label: "服务器放置地", value: w?.serverLocation ?? NONE },
    { path: `${base}.icpNumber`, label: "网站备案号", value: w?.icpNumber ?? NONE },
    { path: `${base}.remark`, label: "备注（网站内容说明）", value: w?.remark ?? NONE, always: true },
  ];
  (w?.domainCertificates ?? []).forEach((c, j) => {
    const at = `${base}.domainCertificates.${j}`;
    const head = `域名证书${j + 1}`;
    rows.push(
      { path: `${at}.domain`, label: `${head} · 域名`, value: c.domain ?? NONE, always: true },
      { path: `${at}.registrantName`, label: `${head} · 域名持有者`, value: c.registrantName ?? NONE, always: true },
      { path: `${at}.registrantCertNumber`, label: `${head} · 持有者证件号码`, value: c.registrantCertNumber ?? NONE },
      { path: `${at}.expiresAt`, label: `${head} · 域名到期日期`, value: c.expiresAt ?? NONE, always: true },
      { path: `${at}.verifiedAt`, label: `${head} · 实名认证日期`, value: c.verifiedAt ?? NONE, always: true },
    );
  });
  return rows;
}

/** The whole filing, part by part, with readable Chinese labels and values (codes resolved through the rules' tables). */
export function filingSections(filing: { type: FilingType; form: TFilingForm }): FieldSection[] {
  const { form } = filing;
  const province = form.province ? ((PROVINCES as Record<string, { name: string }>)[form.province]?.name ?? form.province) : NONE;
  const sections: FieldSection[] = [
    {
      path: "",
      title: "备案信息",
      short: "备案信息",
      rows: [
        { path: "type", label: "备案类型", value: FILING_TYPES[filing.type] ?? filing.type, always: true },
        { path: "province", label: "备案省份", value: province, always: true },
        { path: "access.icpNumber", label: "新增接入 · 网站备案号", value: form.access?.icpNumber ?? NONE },
        { path: "access.filingPassword", label: "新增接入 · 备案密码", value: form.access?.filingPassword ? "已填写" : NONE },
        { path: "verificationFormSignedAt", label: "核验单签署日期", value: form.verificationFormSignedAt ?? NONE },
        { path: "cancellation.reason", label: "注销原因", value: form.cancellation?.reason ?? NONE },
      ],
    },
    { path: "subject", title: "主体信息", short: "主体信息", rows: subjectRows(form.subject) },
    { path: "subject.principal", title: "主体负责人", short: "主体负责人", rows: personRows("subject.principal", form.subject?.principal) },
  ];
  (form.websites ?? []).forEach((w, i) => {
    const short = `网站${i + 1}`;
    sections.push(
      { path: `websites.${i}`, title: w?.name ? `${short}（${w.name}）` : short, short, rows: websiteRows(`websites.${i}`, short, w) },
      {
        path: `websites.${i}.principal`,
        title: `${short} · 网站负责人`,
        short: `${short} · 网站负责人`,
        rows: personRows(`websites.${i}.principal`, w?.principal),
      },
    );
  });
  return sections;
}

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

/** The field row a path falls under (longest match), and its section. */
function placeOf(sections: FieldSection[], path: string): { section: FieldSection; row?: FieldRow } | undefined {
  let best: { section: FieldSection; row: FieldRow; length: number } | undefined;
  for (const section of sections) {
    for (const row of section.rows) {
      for (const key of [row.path, ...(row.match ?? [])]) {
        if (within(path, key) && (!best || key.length > best.length)) best = { section, row, length: key.length };
      }
    }
  }
  if (best) return { section: best.section, row: best.row };
  const sections_ = sections.filter((s) => s.path !== "" && within(path, s.path)).sort((a, b) => b.path.length - a.path.length);
  return sections_[0] ? { section: sections_[0] } : undefined;
}

/** Puts each finding next to its field; what fits no field stays for the overview. */
export function placeFindings<T extends { path: string }>(sections: FieldSection[], findings: T[]) {
  const byRow = new Map<string, T[]>();
  const bySection = new Map<string, T[]>();
  const elsewhere: T[] = [];
  for (const f of findings) {
    const place = placeOf(sections, f.path);
    if (place?.row) byRow.set(place.row.path, [...(byRow.get(place.row.path) ?? []), f]);
    else if (place) bySection.set(place.section.path, [...(bySection.get(place.section.path) ?? []), f]);
    else elsewhere.push(f);
  }
  return { byRow, bySection, elsewhere };
}

/** "websites.0.name" → "网站1 · 网站名称"; an empty path is the filing as a whole. */
export function fieldLabel(sections: FieldSection[], path: string | null | undefined): string {
  if (!path) return "整个备案";
  if (path === "materials") return "备案资料";
  for (const s of sections) {
    for (const row of s.rows) {
      if (row.path === path) return `${s.short} · ${row.label}`;
      const part = row.parts?.find((p) => p.path === path);
      if (part) return part.label;
    }
    if (s.path === path) return s.title;
  }
  const place = placeOf(sections, path);
  if (place?.row) return `${place.section.short} · ${place.row.label}`;
  if (place) return place.section.title;
  return path;
}

/** The fields a return reason can point at, grouped by part, for a select. */
export function reasonTargets(sections: FieldSection[]) {
  return [
    { label: "整体", options: [{ value: "", label: "整个备案（不指定字段）" }, { value: "materials", label: "备案资料" }] },
    ...sections.map((s) => ({
      label: s.title,
      options: s.rows.flatMap((row) => [{ value: row.path, label: `${s.short} · ${row.label}` }, ...(row.parts ?? []).map((p) => ({ value: p.path, label: p.label }))]),
    })),
  ];
}
