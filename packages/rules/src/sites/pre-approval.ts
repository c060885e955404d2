/**
 * Content needing a permit (PRE-1…PRE-4) for one website: declared pre-approvals are complete,
 * names that suggest such content are flagged, individuals cannot have any (PRE-2), finance
 * content is marked for the reviewer (PRE-3) and commercial filings carry a licence (PRE-4).
 */
import { report } from "../catalog.js";
import type { Finding } from "../finding.js";
import type { WebsiteInput } from "../filing/types.js";
import { parseIcpNumber } from "../icp-number.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import { asText, cleanText } from "../text.js";
import {
  FINANCE_KEYWORDS,
  isPreApprovalCategory,
  PRE_APPROVAL_CATEGORIES,
  type PreApprovalCategory,
  type PreApprovalCategoryInfo,
} from "./pre-approval-categories.js";

export interface PreApprovalContext {
  personal: boolean;
  subjectName: string;
  /** The website principal is the legal representative (= the subject principal, SUB-1). */
  principalIsLegalRep: boolean;
  policy?: ProvincePolicy;
  /** Path of the website, e.g. "websites.0". */
  path: string;
}

const info = (c: PreApprovalCategory): PreApprovalCategoryInfo => PRE_APPROVAL_CATEGORIES[c];

export function checkPreApprovals(site: WebsiteInput, ctx: PreApprovalContext): Finding[] {
  const findings: Finding[] = [];
  const name = cleanText(site.name);
  const declared = Array.isArray(site.preApprovals) ? site.preApprovals : [];
  const categories = new Set<string>();

  declared.forEach((p, i) => {
    const path = `${ctx.path}.preApprovals.${i}`;
    const category: unknown = p?.category;
    if (!isPreApprovalCategory(category)) {
      findings.push(report("PRE_APPROVAL_UNKNOWN_CATEGORY", `${path}.category`, "请选择前置审批类别（如新闻、出版、药品和医疗器械、文化、广播电影电视节目等）。"));
      return;
    }
    categories.add(category);
    if (ctx.personal) {
      findings.push(
        report("PRE_APPROVAL_PERSONAL", path, `个人无法取得${info(category).permit}，个人网站不能提供“${info(category).label}”类内容；请删除该前置审批并确认网站内容。`),
      );
      return;
    }
    if (cleanText(p.permitNumber) === "") {
      findings.push(report("PRE_APPROVAL_PERMIT_REQUIRED", `${path}.permitNumber`, `请填写${info(category).permit}的编号，并上传审批文件。`));
    }
    if (info(category).legacy && !(ctx.policy?.rules.legacyPreApprovals.value ?? []).includes(category)) {
      findings.push(
        report("PRE_APPROVAL_LEGACY_CATEGORY", path, `“${info(category).label}”前置审批已在全国取消，${ctx.policy?.name ?? "本省"}无需填写，可删除此项。`),
      );
    }
  });

  // PRE-1 / PRE-2: words in the name suggest content that needs a permit.
  for (const category of Object.keys(PRE_APPROVAL_CATEGORIES) as PreApprovalCategory[]) {
    if (category === "finance" || categories.has(category)) continue;
    const word = info(category).keywords.find((w) => name.includes(w));
    if (!word) continue;
    findings.push(
      report(
        "PRE_APPROVAL_SUGGESTED",
        `${ctx.path}.name`,
        ctx.personal
          ? `网站名称含“${word}”，个人网站不能提供${info(category).label}类内容；请修改名称，使其只体现个人内容。`
          : `网站名称含“${word}”：如网站提供${info(category).label}类内容，需先取得${info(category).permit}并填写前置审批；否则请调整名称。`,
      ),
    );
  }

  // PRE-3: finance words in the subject or site name.
  const financeText = `${cleanText(ctx.subjectName)} ${name}`;
  const financeWord = FINANCE_KEYWORDS.find((w) => financeText.toUpperCase().includes(w));
  if (financeWord && !categories.has("finance")) {
    findings.push(
      report(
        "FINANCE_CONTENT",
        `${ctx.path}.name`,
        ctx.personal
          ? `名称含“${financeWord}”，涉及金融内容；个人不能开办金融类网站，请修改名称。`
          : `名称含“${financeWord}”，可能涉及金融内容，需金融主管部门批准文件；请审核员核对网站内容。`,
        ctx.personal ? { severity: "error", ruleId: "PRE-2" } : {},
      ),
    );
  }
  const legalRepWords = ctx.policy?.rules.financeWordsRequireLegalRep.value ?? [];
  const lnWord = legalRepWords.find((w) => financeText.includes(w));
  if (lnWord && !ctx.personal && !ctx.principalIsLegalRep) {
    findings.push(
      report(
        "FINANCE_PRINCIPAL_NOT_LEGAL_REP",
        `${ctx.path}.principal`,
        `${ctx.policy?.name ?? "本省"}规定名称含“${lnWord}”的网站，网站负责人须由法定代表人担任；请把网站负责人改为法定代表人。`,
      ),
    );
  }

  // PRE-4: 经营性 filings.
  if (site.commercial === true) {
    if (ctx.personal) {
      findings.push(report("COMMERCIAL_PERSONAL", `${ctx.path}.commercial`, "个人不能申请增值电信业务经营许可证，个人网站只能办理非经营性备案。"));
    } else if (cleanText(site.commercialLicenceNumber) === "") {
      findings.push(
        report("COMMERCIAL_LICENCE_REQUIRED", `${ctx.path}.commercialLicenceNumber`, "经营性网站需填写增值电信业务经营许可证编号（如 粤B2-20090059），并上传许可证。"),
      );
    } else {
      const parsed = parseIcpNumber(asText(site.commercialLicenceNumber));
      if (!parsed.ok || parsed.kind !== "license") {
        findings.push(
          report(
            "COMMERCIAL_LICENCE_INVALID",
            `${ctx.path}.commercialLicenceNumber`,
            "增值电信业务经营许可证编号格式应为“省份简称B2-8位数字”（如 粤B2-20090059）或“省份简称ICP证6位数字号”。",
          ),
        );
      }
    }
  }
  return findings;
}
