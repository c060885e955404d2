/**
 * DOM-3…DOM-5 from the registrar's certificate the applicant supplies: the holder is the
 * subject, registration has enough time left, and real-name data had time to reach MIIT.
 */
import { report } from "../catalog.js";
import { addDays, parseIsoDate, shanghaiDate } from "../calendar/local-date.js";
import { workingDaysSince } from "../calendar/working-days.js";
import type { Finding } from "../finding.js";
import type { DomainCertificateInput } from "../filing/types.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import { asText, cleanText, compactCode } from "../text.js";

export interface DomainCertificateContext {
  now: Date;
  policy: ProvincePolicy;
  subjectName: string;
  subjectCertNumber: string;
  /** Path of the domain, e.g. "websites.0.domains.1". */
  path: string;
  shownDomain: string;
}

/** Accepts "YYYY-MM-DD" or an ISO instant (taken in Shanghai time). */
function toDate(value: unknown): string | undefined {
  const text = asText(value).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseIsoDate(text);
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : shanghaiDate(new Date(t));
}

export function checkDomainCertificate(cert: DomainCertificateInput | undefined, ctx: DomainCertificateContext): Finding[] {
  const { path, shownDomain, policy } = ctx;
  if (!cert) {
    return [
      report("DOMAIN_REGISTRANT_UNVERIFIED", path, `请上传域名 ${shownDomain} 的域名证书，审核员将核对域名持有者是否与主办者一致。`),
    ];
  }
  const findings: Finding[] = [];
  const holder = cleanText(cert.registrantName);
  if (holder !== "" && ctx.subjectName !== "" && holder !== ctx.subjectName) {
    findings.push(
      report(
        "DOMAIN_REGISTRANT_MISMATCH",
        path,
        `域名 ${shownDomain} 的持有者是“${holder}”，与主办者“${ctx.subjectName}”不一致；请先在域名注册商处把持有者过户为主办者并完成实名认证。`,
      ),
    );
  }
  const certNumber = compactCode(cert.registrantCertNumber);
  if (certNumber !== "" && ctx.subjectCertNumber !== "" && certNumber !== ctx.subjectCertNumber) {
    findings.push(
      report(
        "DOMAIN_REGISTRANT_CERT_MISMATCH",
        path,
        `域名 ${shownDomain} 实名认证所用的证件号码与主办者证件不一致；单位须用营业执照等单位证件、个人须用本人身份证完成域名实名认证。`,
      ),
    );
  }
  const today = shanghaiDate(ctx.now);
  if (cleanText(cert.expiresAt) !== "") {
    const expires = toDate(cert.expiresAt);
    const minDays = policy.rules.domainMinRemainingDays.value;
    if (!expires) {
      findings.push(report("DOMAIN_EXPIRY_INVALID", path, `域名 ${shownDomain} 的到期日期应写成“年-月-日”，例如 2030-06-30。`));
    } else if (expires <= addDays(today, minDays)) {
      findings.push(
        report(
          "DOMAIN_EXPIRES_SOON",
          path,
          expires < today
            ? `域名 ${shownDomain} 已于 ${expires} 到期，请先续费。`
            : `域名 ${shownDomain} 将于 ${expires} 到期，${policy.name}要求剩余注册期限超过 ${minDays} 天，请先续费。`,
        ),
      );
    }
  }
  if (cleanText(cert.verifiedAt) !== "") {
    const verified = toDate(cert.verifiedAt);
    if (verified) {
      const since = workingDaysSince(verified, today, 3);
      if (since.days < 3) {
        findings.push(
          report(
            "DOMAIN_RECENTLY_VERIFIED",
            path,
            `域名 ${shownDomain} 于 ${verified} 才完成实名认证，实名信息同步到工信部需要 3–5 个工作日，过早提交可能被管局退回。`,
          ),
          ...since.findings,
        );
      }
    }
  }
  return findings;
}
