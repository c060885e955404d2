/**
 * The materials matrix (MAT-2): which uploads a filing needs, with the reason for each, from
 * the subject type, the principals, the websites and the province policy. The same list feeds
 * the applicant's checklist, the reviewer's view and the help center (R-HELP-1).
 */
import { ageOn, shanghaiDate } from "../calendar/local-date.js";
import type { FilingInput, PersonInput } from "../filing/types.js";
import { checkResidentId } from "../ids/resident-id.js";
import { DEFAULT_POLICIES } from "../provinces/policies.js";
import { isProvinceKey } from "../provinces/identity.js";
import type { ProvincePolicies, ProvincePolicy } from "../provinces/policy-types.js";
import { PRE_APPROVAL_CATEGORIES, isPreApprovalCategory } from "../sites/pre-approval-categories.js";
import { isOrganisation, isSubjectNature } from "../subjects/natures.js";
import { asText, cleanText, compactCode } from "../text.js";
import { MATERIAL_KINDS, type MaterialKind } from "./kinds.js";

export interface RequiredMaterial {
  kind: MaterialKind;
  /** Chinese name of the material. */
  label: string;
  /** Why it is needed, in Chinese, for the applicant. */
  reason: string;
  ruleId: string;
  /** The part of the filing it belongs to, e.g. "websites.0.domains.1"; absent for the whole filing. */
  path?: string;
}

const CANCELLATIONS = new Set(["cancel_site", "cancel_subject", "cancel_access"]);

const personKey = (p: PersonInput | undefined): string => compactCode(p?.certificate?.number) || cleanText(p?.name);

function need(kind: MaterialKind, reason: string, ruleId: string, path?: string): RequiredMaterial {
  return { kind, label: MATERIAL_KINDS[kind].label, reason, ruleId, ...(path !== undefined ? { path } : {}) };
}

/**
 * MAT-2 (+ MAT-3, SUB-3, SUB-5, DOM-6, PRE-1, PRE-4, ID-7, FORM-2). Cancellations need no
 * uploads here: the bureau verifies them by the filing password.
 */
export function requiredMaterials(
  filing: FilingInput,
  policies: Readonly<ProvincePolicies> = DEFAULT_POLICIES,
  options: { now?: Date } = {},
): RequiredMaterial[] {
  if (!filing || CANCELLATIONS.has(filing.type)) return [];
  const policy: ProvincePolicy | undefined = isProvinceKey(filing.province) ? policies[filing.province] : undefined;
  const nature = isSubjectNature(filing.subject?.type) ? filing.subject.type : undefined;
  const organisation = nature !== undefined && isOrganisation(nature);
  const websites = Array.isArray(filing.websites) ? filing.websites : [];
  const out: RequiredMaterial[] = [];
  const subjectPrincipal = personKey(filing.subject?.principal);

  if (organisation) {
    out.push(
      need("subject_certificate", "单位备案需提供单位证件（营业执照或其他登记证书）。", "MAT-2"),
      need("legal_rep_id", "单位备案的主体负责人须为法定代表人，需提供其身份证件。", "SUB-1"),
    );
    if (filing.subject?.renamed === true) {
      out.push(need("rename_proof", "单位名称变更过，需提供工商部门出具的更名证明。", "MAT-3"));
    }
  } else {
    out.push(need("principal_id", "个人备案需提供本人有效身份证件。", "MAT-2", "subject.principal"));
  }

  // Per distinct website principal: ID, authorization letter (SUB-3) and the backdrop photo (MAT-4).
  const seen = new Set<string>();
  websites.forEach((site, i) => {
    const key = personKey(site?.principal);
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    const path = `websites.${i}.principal`;
    const name = cleanText(site?.principal?.name) || "网站负责人";
    if (organisation && key !== subjectPrincipal) {
      out.push(
        need("principal_id", `网站负责人${name}不是法定代表人，需提供其身份证件。`, "SUB-3", path),
        need("authorization_letter", `网站负责人${name}不是法定代表人，需法定代表人签署网站备案授权书。`, "SUB-3", path),
      );
    }
    out.push(need("verification_photo", `需提供网站负责人${name}在幕布前的核验照片。`, "MAT-4", path));
  });

  // FORM-1 / FORM-2: one 核验单, or one per domain (浙江).
  const domains = websites.flatMap((site, i) => (Array.isArray(site?.domains) ? site.domains : []).map((d, j) => ({ d: asText(d), path: `websites.${i}.domains.${j}` })));
  const signing = organisation ? "网站负责人签字并加盖单位公章" : "本人签字并按手印";
  if (policy?.rules.verificationFormPerDomain.value) {
    for (const { d, path } of domains) {
      out.push(need("verification_form", `${policy.name}要求每个域名一份核验单（${d}），${signing}。`, "FORM-2", path));
    }
  } else {
    out.push(need("verification_form", `需上传${policy?.rules.formVariant.value === "guangdong" ? "广东版" : ""}网站备案信息真实性核验单，${signing}。`, "FORM-1"));
  }

  // DOM-6: domain certificates, in some provinces only from N domains on.
  const rule = policy?.rules.domainCertificate.value ?? { fromDomainCount: 1, personalFromDomainCount: null, personalConstructionPlanAbove: null };
  const threshold = !organisation && rule.personalFromDomainCount !== null ? rule.personalFromDomainCount : rule.fromDomainCount;
  if (domains.length >= threshold) {
    for (const { d, path } of domains) {
      out.push(
        need(
          "domain_certificate",
          threshold > 1 ? `本次备案有 ${domains.length} 个域名（${policy?.name ?? ""}${threshold} 个及以上需要），请提供 ${d} 的域名证书。` : `需提供域名 ${d} 的域名证书，证明域名持有者是主办者。`,
          "DOM-6",
          path,
        ),
      );
    }
  }
  if (!organisation && rule.personalConstructionPlanAbove !== null && domains.length > rule.personalConstructionPlanAbove) {
    out.push(need("construction_plan", `${policy?.name ?? ""}个人备案超过 ${rule.personalConstructionPlanAbove} 个域名，需提供网站建设方案书。`, "DOM-6"));
  }

  // PRE-1 / PRE-4
  websites.forEach((site, i) => {
    (site?.preApprovals ?? []).forEach((p, j) => {
      if (!isPreApprovalCategory(p?.category)) return;
      out.push(need("pre_approval_document", `网站涉及${PRE_APPROVAL_CATEGORIES[p.category].label}内容，需上传${PRE_APPROVAL_CATEGORIES[p.category].permit}。`, "PRE-1", `websites.${i}.preApprovals.${j}`));
    });
  });
  if (organisation && websites.some((s) => s?.commercial === true)) {
    out.push(need("commercial_licence", "经营性备案需提供增值电信业务经营许可证。", "PRE-4"));
  }

  // SUB-5 / ID-7: individuals from another province, or under 18 where a proof of income is accepted.
  if (!organisation && policy) {
    const id = filing.subject?.principal?.certificate;
    const parsed = id?.type === "resident_id" || id?.type === "temporary_resident_id" ? checkResidentId(asText(id.number)) : undefined;
    const nonLocal = policy.rules.nonLocalIndividuals.value;
    if (parsed?.ok && parsed.regionCode?.slice(0, 2) !== policy.divisionCode.slice(0, 2) && nonLocal.mode === "residence_permit") {
      out.push(need("residence_permit", `身份证不是${policy.shortName}的，${policy.name}要求提供${nonLocal.acceptedProofs.join("或")}。`, "SUB-5"));
    }
    const age = policy.rules.minimumAge.value;
    if (parsed?.birthDate && options.now && age.proofOfIncomeBelow !== null) {
      const years = ageOn(parsed.birthDate, shanghaiDate(options.now));
      if (years >= age.refusedBelow && years < age.proofOfIncomeBelow) {
        out.push(need("income_proof", `主办者未满 ${age.proofOfIncomeBelow} 周岁，${policy.name}要求提供收入证明。`, "ID-7"));
      }
    }
  }

  // MAT-2: the province's own commitment letter (广东 since 2021-06-21, 上海).
  const commitment = policy?.rules.commitmentLetter.value;
  if (commitment) {
    out.push(need("commitment_letter", `${policy?.name ?? ""}要求提交《${commitment.title}》${commitment.since ? `（自 ${commitment.since} 起）` : ""}。`, "MAT-2"));
  }
  return out;
}
