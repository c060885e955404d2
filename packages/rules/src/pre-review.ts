/**
 * Automatic pre-review (自动初审): every applicable rule over a whole filing. The server calls
 * it on submit (errors block, R-REV-1) and shows all findings to the reviewer; the web form
 * calls it for the summary before submission. Pure: facts the rules cannot know (other
 * subjects' mobiles, open applications) come in the context.
 */
import { report } from "./catalog.js";
import type { Finding } from "./finding.js";
import type { FilingInput } from "./filing/types.js";
import { parseIcpNumber } from "./icp-number.js";
import { isProvinceKey } from "./provinces/identity.js";
import { DEFAULT_POLICIES } from "./provinces/policies.js";
import type { ProvincePolicies } from "./provinces/policy-types.js";
import { checkWebsite } from "./sites/website-checks.js";
import { checkContactUniqueness } from "./subjects/contacts.js";
import { checkSubject } from "./subjects/subject-checks.js";
import { asText } from "./text.js";
import { checkFilingLevel } from "./workflow/filing-checks.js";
import { workflowLimits, type WorkflowLimits } from "./workflow/limits.js";

export interface PreReviewContext {
  /** The review instant; all dates are judged in Asia/Shanghai. */
  now: Date;
  /** SUB-6: mobiles registered under other subjects. */
  mobilesOfOtherSubjects?: readonly string[];
  /** WF-1: other applications of this subject still in progress. */
  otherOpenApplications?: number;
  /** WF-2: websites this subject already has filed. */
  existingWebsiteCount?: number;
  /** WF-2 provider limits. */
  limits?: Partial<WorkflowLimits>;
  /** DOM-2 list override. */
  fileableSuffixes?: readonly string[];
}

const CANCELLATIONS = new Set(["cancel_site", "cancel_subject", "cancel_access"]);

export function preReview(
  filing: FilingInput,
  policies: Readonly<ProvincePolicies> | undefined,
  ctx: PreReviewContext,
): Finding[] {
  const input = (typeof filing === "object" && filing !== null ? filing : {}) as FilingInput;
  const now = ctx?.now instanceof Date && !Number.isNaN(ctx.now.getTime()) ? ctx.now : new Date(0);
  if (!isProvinceKey(input.province)) {
    return [report("FILING_PROVINCE_UNKNOWN", "province", "请选择备案所在省份（主办者证件住所或居住地所在省份）。")];
  }
  const policy = (policies ?? DEFAULT_POLICIES)[input.province] ?? DEFAULT_POLICIES[input.province];
  const websites = Array.isArray(input.websites) ? input.websites : [];
  const safe: FilingInput = { ...input, websites };

  if (CANCELLATIONS.has(input.type)) return reviewCancellation(safe);

  const limits = workflowLimits(ctx?.limits);
  const subject = checkSubject(safe, { now, policy });
  const findings: Finding[] = [...subject.findings];
  const seenDomains = new Set<string>();
  for (let i = 0; i < websites.length; i++) {
    findings.push(
      ...checkWebsite(safe, i, {
        now,
        policy,
        limits,
        subjectPrincipal: subject.principal,
        seenDomains,
        ...(ctx?.fileableSuffixes ? { fileableSuffixes: ctx.fileableSuffixes } : {}),
      }),
    );
  }
  findings.push(
    ...checkContactUniqueness(safe, ctx?.mobilesOfOtherSubjects),
    ...checkFilingLevel(safe, {
      now,
      policy,
      limits,
      ...(ctx?.otherOpenApplications !== undefined ? { otherOpenApplications: ctx.otherOpenApplications } : {}),
      ...(ctx?.existingWebsiteCount !== undefined ? { existingWebsiteCount: ctx.existingWebsiteCount } : {}),
    }),
  );
  return dedupe(findings);
}

/** ZXBA: a cancellation names what is cancelled by its ICP number. */
function reviewCancellation(filing: FilingInput): Finding[] {
  if (filing.type === "cancel_subject") {
    return parseIcpNumber(asText(filing.subject?.icpNumber), { path: "subject.icpNumber" }).findings;
  }
  const findings: Finding[] = [];
  if (filing.websites.length === 0) findings.push(report("WEBSITE_REQUIRED", "websites", "请选择要注销或取消接入的网站。"));
  filing.websites.forEach((w, i) => findings.push(...parseIcpNumber(asText(w?.icpNumber), { path: `websites.${i}.icpNumber` }).findings));
  return findings;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
