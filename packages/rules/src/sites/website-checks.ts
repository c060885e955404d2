/**
 * One website of a filing: name and remark (NAME-*), domains (DOM-1…DOM-9), home URL,
 * website principal (SUB-2, SUB-3, SUB-6), pre-approvals (PRE-*) and access data (R-FORM-5).
 */
import { report } from "../catalog.js";
import type { Finding } from "../finding.js";
import type { FilingInput, WebsiteInput } from "../filing/types.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import { isOrganisation, isSubjectNature } from "../subjects/natures.js";
import { checkPerson, type PersonFacts } from "../subjects/person.js";
import { asText, cleanText, compactCode } from "../text.js";
import type { WorkflowLimits } from "../workflow/limits.js";
import { checkDomain } from "./domain.js";
import { checkDomainCertificate } from "./domain-certificate.js";
import { checkHomeUrl } from "./home-url.js";
import { checkPreApprovals } from "./pre-approval.js";
import { checkSiteName, checkSiteRemark } from "./site-name.js";

export interface WebsiteCheckContext {
  now: Date;
  policy: ProvincePolicy;
  limits: WorkflowLimits;
  subjectPrincipal: PersonFacts;
  fileableSuffixes?: readonly string[];
  /** ASCII domains already seen earlier in the filing (DOM-1 duplicates); updated. */
  seenDomains: Set<string>;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f:]{2,39}$/i;

export function checkWebsite(filing: FilingInput, index: number, ctx: WebsiteCheckContext): Finding[] {
  const site: WebsiteInput | undefined = filing.websites[index];
  const path = `websites.${index}`;
  const findings: Finding[] = [];
  if (!site) return findings;
  const { policy, limits } = ctx;
  const subjectType = isSubjectNature(filing.subject?.type) ? filing.subject.type : "enterprise";
  const personal = !isOrganisation(subjectType);
  const subjectName = cleanText(filing.subject?.name);
  const domains = Array.isArray(site.domains) ? site.domains.map(asText) : [];
  const preApprovals = (site.preApprovals ?? []).map((p) => asText(p?.category));

  findings.push(
    ...checkSiteName(asText(site.name), personal ? "personal" : "enterprise", policy.key, {
      path: `${path}.name`,
      policy,
      subjectName,
      domains,
      preApprovals,
    }).findings,
    ...checkSiteRemark(site.remark, personal ? "personal" : subjectType, { path: `${path}.remark`, policy }).findings,
  );

  // DOM-1, DOM-2, DOM-8 per domain; DOM-3…DOM-5 from its certificate.
  if (domains.length === 0) findings.push(report("DOMAIN_REQUIRED", `${path}.domains`, "请至少填写一个网站域名。"));
  const subjectCert = compactCode(filing.subject?.certificate?.number);
  domains.forEach((raw, i) => {
    const dPath = `${path}.domains.${i}`;
    const d = checkDomain(raw, { path: dPath, ...(ctx.fileableSuffixes ? { fileableSuffixes: ctx.fileableSuffixes } : {}) });
    findings.push(...d.findings);
    if (!d.ok || !d.ascii) return;
    if (ctx.seenDomains.has(d.ascii)) {
      findings.push(report("DOMAIN_DUPLICATE", dPath, `域名 ${d.unicode ?? d.ascii} 在本次备案中重复填写，同一域名只能属于一个网站。`));
      return;
    }
    ctx.seenDomains.add(d.ascii);
    if (subjectType === "institution" && !/\.(cn|xn--55qw42g)$/.test(d.ascii)) {
      findings.push(report("INSTITUTION_DOMAIN_SUFFIX", dPath, "事业单位网站宜使用 .cn 或 .公益 域名，请确认是否需要更换。"));
    }
    const cert = (site.domainCertificates ?? []).find((c) => {
      const other = checkDomain(asText(c?.domain));
      return other.ascii === d.ascii;
    });
    findings.push(
      ...checkDomainCertificate(cert, {
        now: ctx.now,
        policy,
        subjectName,
        subjectCertNumber: subjectCert,
        path: dPath,
        shownDomain: d.unicode ?? d.ascii,
      }),
    );
  });
  // DOM-7 (province rule) or WF-2 (provider default, a warning).
  if (domains.length > 1) {
    if (policy.rules.oneDomainPerWebsite.value) {
      findings.push(report("DOMAINS_PER_SITE_EXCEEDED", `${path}.domains`, `${policy.name}每个网站只能填写一个域名，请把其他域名分别作为单独的网站填写。`));
    } else if (domains.length > limits.domainsPerWebsite) {
      findings.push(
        report("DOMAIN_MULTIPLE_PER_SITE", `${path}.domains`, `一个网站默认填写 ${limits.domainsPerWebsite} 个域名；多个域名须指向同一网站内容，否则请分开填写。`),
      );
    }
  }

  findings.push(...checkHomeUrl(asText(site.homeUrl), domains, { path: `${path}.homeUrl` }).findings);

  // Website principal (SUB-2, SUB-3).
  const principal = checkPerson(site.principal, `${path}.principal`, { now: ctx.now, policy, role: "网站负责人" });
  findings.push(...principal.findings);
  const samePerson =
    compactCode(site.principal?.certificate?.number) !== "" &&
    compactCode(site.principal?.certificate?.number) === compactCode(filing.subject?.principal?.certificate?.number);
  if (personal && !samePerson) {
    findings.push(report("PERSONAL_PRINCIPAL_MISMATCH", `${path}.principal`, "个人备案的网站负责人必须是主办者本人，请填写与主体负责人相同的姓名和证件。"));
  }
  if (!personal && !samePerson && cleanText(site.principal?.name) !== "") {
    findings.push(
      report(
        "AUTHORIZATION_LETTER_NEEDED",
        `${path}.principal`,
        "网站负责人不是法定代表人：需上传网站备案授权书（法定代表人签字并盖章），以及法定代表人和网站负责人的身份证件。",
      ),
    );
  }

  findings.push(
    ...checkPreApprovals(site, { personal, subjectName, principalIsLegalRep: samePerson, policy, path }),
  );

  // R-FORM-5: access data. IPs are required for 新增接入 and checked whenever given.
  const ips = (site.ips ?? []).map((ip) => cleanText(ip)).filter((ip) => ip !== "");
  if (filing.type === "new_access" && ips.length === 0) {
    findings.push(report("IP_REQUIRED", `${path}.ips`, "新增接入需填写网站域名解析到的 IP 地址。"));
  }
  ips.forEach((ip, i) => {
    if (!IPV4.test(ip) && !(ip.includes(":") && IPV6.test(ip))) {
      findings.push(report("IP_INVALID", `${path}.ips.${i}`, `“${ip.slice(0, 40)}”不是有效的 IP 地址，请填写如 203.0.113.10 的地址。`));
    }
  });
  return findings;
}
