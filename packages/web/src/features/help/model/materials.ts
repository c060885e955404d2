/**
 * What each filing type needs (R-HELP-1), asked of the rules over the sample filings: the
 * uploads with their reasons (requiredMaterials), the paper set (paperSet) and how the 核验单
 * is signed (verificationFormSpec). Variants show what a case adds, as the rules compute it.
 */
import {
  FILING_TYPES,
  paperSet,
  requiredMaterials,
  verificationFormSpec,
  type FilingInput,
  type FilingType,
  type PaperDocument,
  type ProvinceKey,
  type ProvincePolicies,
  type RequiredMaterial,
  type VerificationFormSpec,
} from "@beian/rules";
import { DELEGATE_NAME, organisationSample, personalSample, type SubjectKind } from "./sample-filings";

export const SUBJECT_KINDS: Record<SubjectKind, string> = { personal: "个人", organisation: "单位（企业、事业单位、社会团体等）" };

export const FILING_TYPE_KEYS = Object.keys(FILING_TYPES) as FilingType[];

/** What applicants enter for each type, in the providers' words (R-PRE-2, R-FORM-5/6). */
export const FILING_TYPE_NOTES: Record<FilingType, string> = {
  first: "主体（个人或单位）和域名都从未备案过。填写主体信息、网站信息并上传资料。",
  new_site: "主体已有备案号，为一个新网站备案：另需填写主体备案号。",
  new_access: "网站已在其他接入商备案，现在接入本接入商：另需填写网站备案号、备案密码和域名解析的 IP 地址。",
  change: "修改已备案的主体或网站信息：按修改后的信息提交，资料要求与首次备案相同。",
  cancel_site: "注销某个已备案的网站：填写注销原因，由管局凭备案密码核实，无需上传资料。",
  cancel_subject: "注销整个主体及其全部网站：填写注销原因，由管局凭备案密码核实，无需上传资料。",
  cancel_access: "网站不再使用本接入商的服务器：申请取消在本接入商的接入，无需上传资料。",
};

export interface Variant {
  title: string;
  /** Materials the variant needs beyond the base case, with the rules' reasons. */
  extra: RequiredMaterial[];
}

export interface MaterialsView {
  filing: FilingInput;
  materials: RequiredMaterial[];
  papers: PaperDocument[];
  form: VerificationFormSpec;
  variants: Variant[];
}

/** Materials of `variant` not in `base`, compared by kind and count (names in reasons differ). */
function extraMaterials(base: readonly RequiredMaterial[], variant: readonly RequiredMaterial[]): RequiredMaterial[] {
  const left = new Map<string, number>();
  for (const m of base) left.set(m.kind, (left.get(m.kind) ?? 0) + 1);
  return variant.filter((m) => {
    const n = left.get(m.kind) ?? 0;
    if (n > 0) {
      left.set(m.kind, n - 1);
      return false;
    }
    return true;
  });
}

export function materialsView(subject: SubjectKind, type: FilingType, province: ProvinceKey, policies: Readonly<ProvincePolicies>, now: Date): MaterialsView {
  const filing = subject === "personal" ? personalSample(province, type) : organisationSample(province, type);
  const required = (f: FilingInput) => requiredMaterials(f, policies, { now });
  const materials = required(filing);
  const candidates: { title: string; filing: FilingInput }[] =
    subject === "personal"
      ? [{ title: "身份证不是备案省份签发的（外省个人）", filing: personalSample(province, type, { nonLocal: true }) }]
      : [
          { title: `网站负责人不是法定代表人（例如由员工${DELEGATE_NAME}负责网站）`, filing: organisationSample(province, type, { delegate: true }) },
          { title: "网站有多个域名（以 3 个为例）", filing: organisationSample(province, type, { domains: 3 }) },
          { title: "经营性网站", filing: organisationSample(province, type, { commercial: true }) },
          { title: "网站涉及新闻等前置审批内容", filing: organisationSample(province, type, { preApproval: true }) },
          { title: "单位名称变更过", filing: organisationSample(province, type, { renamed: true }) },
        ];
  const variants = materials.length === 0 ? [] : candidates.map((c) => ({ title: c.title, extra: extraMaterials(materials, required(c.filing)) }));
  return { filing, materials, papers: paperSet(filing), form: verificationFormSpec(filing, policies[province]), variants };
}

/** How the 核验单 is signed, in words (R-DOC-2, R-DOC-3, FORM-1, FORM-2). */
export function describeForm(spec: VerificationFormSpec, provinceName: string): string[] {
  const lines = [
    spec.variant === "guangdong" ? `${provinceName}使用广东版核验单。` : "使用公共版核验单（广东省以外的省份）。",
    "必须打印在一张 A4 纸上，不能分页，不能涂改，签字不能由他人代签。",
  ];
  if (spec.signing === "sign_and_seal") lines.push("由网站负责人签字，并加盖单位公章。");
  else if (spec.signing === "sign_and_fingerprint") lines.push(spec.fingerprintAtSignature ? `由本人签字，并在签名处按手印（${provinceName}要求）。` : "由本人签字并按手印。");
  else lines.push("由本人签字。");
  lines.push(spec.sheets > 1 ? `${provinceName}要求每个域名一份核验单，本例共 ${spec.sheets} 份。` : "每次备案一份核验单（纸质资料另需 2 份，见下表）。");
  if (spec.maxAgeMonths !== null) lines.push(`${provinceName}要求核验单的签署日期在 ${spec.maxAgeMonths} 个月以内。`);
  return lines;
}
