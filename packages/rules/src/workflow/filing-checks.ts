/**
 * Application-level rules: how many websites (WF-1, WF-2, DOM-7), new-access data (R-FORM-5)
 * and the age of the signed 核验单 (FORM-1).
 */
import { report } from "../catalog.js";
import { addMonths, parseIsoDate, shanghaiDate } from "../calendar/local-date.js";
import type { Finding } from "../finding.js";
import type { FilingInput } from "../filing/types.js";
import { parseIcpNumber } from "../icp-number.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import { isOrganisation, isSubjectNature } from "../subjects/natures.js";
import { asText, cleanText } from "../text.js";
import type { WorkflowLimits } from "./limits.js";

export interface FilingCheckContext {
  now: Date;
  policy: ProvincePolicy;
  limits: WorkflowLimits;
  otherOpenApplications?: number;
  existingWebsiteCount?: number;
}

const WITH_WEBSITES = new Set(["first", "new_site", "new_access", "change"]);

export function checkFilingLevel(filing: FilingInput, ctx: FilingCheckContext): Finding[] {
  const findings: Finding[] = [];
  const { policy, limits } = ctx;
  const count = Array.isArray(filing.websites) ? filing.websites.length : 0;
  const personal = isSubjectNature(filing.subject?.type) && !isOrganisation(filing.subject.type);

  if ((ctx.otherOpenApplications ?? 0) > 0) {
    findings.push(report("APPLICATION_IN_FLIGHT", "", "该主体已有一个备案申请正在办理，请等其完成或撤回后再提交新的申请。"));
  }
  if (WITH_WEBSITES.has(filing.type) && count === 0) {
    findings.push(report("WEBSITE_REQUIRED", "websites", "请至少填写一个网站的信息。"));
  }
  const perApplication = personal ? limits.personalWebsitesPerApplication : limits.organisationWebsitesPerApplication;
  if (policy.rules.oneWebsitePerApplication.value && count > 1) {
    findings.push(
      report("WEBSITES_PER_APPLICATION_EXCEEDED", "websites", `${policy.name}每次申请只能备案一个网站，请分多次提交。`, { ruleId: "DOM-7" }),
    );
  } else if (count > perApplication) {
    findings.push(
      report(
        "WEBSITES_PER_APPLICATION_EXCEEDED",
        "websites",
        personal ? `个人每次申请只能备案 ${perApplication} 个网站，请分多次提交。` : `单位每次申请最多备案 ${perApplication} 个网站，请分多次提交。`,
      ),
    );
  }
  if (personal && (ctx.existingWebsiteCount ?? 0) + count > limits.personalWebsitesTotal) {
    findings.push(
      report("PERSONAL_WEBSITE_TOTAL_EXCEEDED", "websites", `个人名下最多备案 ${limits.personalWebsitesTotal} 个网站，已备案 ${ctx.existingWebsiteCount ?? 0} 个，本次最多还能新增 ${Math.max(0, limits.personalWebsitesTotal - (ctx.existingWebsiteCount ?? 0))} 个。`),
    );
  }

  // R-FORM-5
  if (filing.type === "new_access") {
    const number = cleanText(filing.access?.icpNumber);
    if (number === "") {
      findings.push(report("ACCESS_ICP_NUMBER_REQUIRED", "access.icpNumber", "新增接入请填写网站已有的备案号，例如 京ICP备12345678号-1。"));
    } else {
      findings.push(...parseIcpNumber(number, { path: "access.icpNumber" }).findings);
    }
    if (asText(filing.access?.filingPassword) === "") {
      findings.push(report("ACCESS_PASSWORD_REQUIRED", "access.filingPassword", "新增接入请填写备案密码（管局备案成功时发送给主体负责人的密码）。"));
    }
  }

  // FORM-1 (上海): the signed 核验单 is dated within N months.
  const maxMonths = policy.rules.verificationFormMaxAgeMonths.value;
  const signed = parseIsoDate(asText(filing.verificationFormSignedAt));
  if (maxMonths !== null && signed && addMonths(signed, maxMonths) < shanghaiDate(ctx.now)) {
    findings.push(
      report("VERIFICATION_FORM_TOO_OLD", "verificationFormSignedAt", `${policy.name}要求核验单的日期在 ${maxMonths} 个月以内，请重新打印、签字后上传。`),
    );
  }
  return findings;
}
