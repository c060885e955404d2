/**
 * How the 网站备案信息真实性核验单 and the paper set are to be produced and signed
 * (FORM-1, FORM-2, R-DOC-2, R-DOC-3, R-MAT-4, R-MAT-5). The server's PDF renderer reads this.
 */
import type { FilingInput } from "../filing/types.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import { isOrganisation, isSubjectNature } from "../subjects/natures.js";

export interface VerificationFormSpec {
  /** R-DOC-3: 广东 prints its own version. */
  variant: "national" | "guangdong";
  /** R-DOC-2: organisations sign and seal, individuals sign and fingerprint. */
  signing: "sign_and_seal" | "sign_and_fingerprint" | "sign";
  /** FORM-1 (江西, 新疆): the fingerprint goes on the principal's signature. */
  fingerprintAtSignature: boolean;
  /** FORM-2 (浙江): one sheet per domain, otherwise one sheet per filing. */
  sheets: number;
  /** FORM-1 (上海): the signed form must be dated within N months. */
  maxAgeMonths: number | null;
}

export function verificationFormSpec(filing: FilingInput, policy: ProvincePolicy): VerificationFormSpec {
  const organisation = isSubjectNature(filing.subject?.type) && isOrganisation(filing.subject.type);
  const fingerprint = policy.rules.fingerprint.value;
  const domains = (filing.websites ?? []).reduce((n, w) => n + (Array.isArray(w?.domains) ? w.domains.length : 0), 0);
  return {
    variant: policy.rules.formVariant.value,
    signing: organisation ? "sign_and_seal" : fingerprint.personal ? "sign_and_fingerprint" : "sign",
    fingerprintAtSignature: !organisation && fingerprint.atSignature,
    sheets: policy.rules.verificationFormPerDomain.value ? Math.max(1, domains) : 1,
    maxAgeMonths: policy.rules.verificationFormMaxAgeMonths.value,
  };
}

export interface PaperDocument {
  document: string;
  copies: number;
  note: string;
}

/** R-MAT-4 / R-MAT-5: the paper set brought for on-site verification (R-REV-4). */
export function paperSet(filing: FilingInput): PaperDocument[] {
  const organisation = isSubjectNature(filing.subject?.type) && isOrganisation(filing.subject.type);
  const websites = filing.websites ?? [];
  const principalOf = (p: { certificate?: { number?: string } } | undefined): string => p?.certificate?.number ?? "";
  const delegated = websites.some((w) => principalOf(w?.principal) !== principalOf(filing.subject?.principal));
  if (!organisation) {
    return [
      { document: "网站备案信息真实性核验单", copies: 2, note: "本人签字并按手印" },
      { document: "信息安全管理协议", copies: 1, note: "本人签字并按手印" },
      { document: "负责人身份证复印件", copies: 1, note: "" },
      { document: "域名证书", copies: 1, note: "" },
    ];
  }
  const set: PaperDocument[] = [
    { document: "网站备案信息真实性核验单", copies: 2, note: "网站负责人签字并加盖公章" },
    { document: "信息安全管理协议", copies: 1, note: "网站负责人签字并加盖公章" },
    { document: "营业执照或组织机构代码证复印件", copies: 1, note: "或其他单位证件" },
    { document: "法定代表人身份证复印件", copies: 1, note: "" },
  ];
  if (delegated) {
    set.push(
      { document: "网站负责人身份证复印件", copies: 1, note: "" },
      { document: "网站备案授权书", copies: 1, note: "主体负责人与网站负责人不是同一人时提供" },
    );
  }
  set.push({ document: "域名证书", copies: 1, note: "" });
  if (websites.some((w) => w?.commercial === true)) set.push({ document: "增值电信业务经营许可证复印件", copies: 1, note: "经营性备案" });
  if (filing.subject?.renamed === true) set.push({ document: "工商部门出具的更名证明", copies: 1, note: "单位名称变更过" });
  return set;
}
