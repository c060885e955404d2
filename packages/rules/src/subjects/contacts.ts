/**
 * SUB-6: one mobile number belongs to one subject; different people in one filing do not
 * share a mobile or an e-mail (MIIT treats the same mobile as the same person, R-SMS-2).
 */
import { report } from "../catalog.js";
import { normalizeMobile } from "../contact/mobile.js";
import type { Finding } from "../finding.js";
import type { FilingInput, PersonInput } from "../filing/types.js";
import { asText, cleanText, compactCode } from "../text.js";

interface Holder {
  path: string;
  person: string;
  mobile: string;
  email: string;
}

export function checkContactUniqueness(filing: FilingInput, mobilesOfOtherSubjects: readonly string[] = []): Finding[] {
  const findings: Finding[] = [];
  const holders: Holder[] = [];
  const add = (p: PersonInput | undefined, path: string): void => {
    if (!p) return;
    holders.push({
      path,
      person: compactCode(p.certificate?.number) || cleanText(p.name),
      mobile: normalizeMobile(asText(p.mobile)),
      email: cleanText(p.email).toLowerCase(),
    });
  };
  add(filing.subject?.principal, "subject.principal");
  (filing.websites ?? []).forEach((w, i) => add(w?.principal, `websites.${i}.principal`));

  const reported = new Set<string>();
  for (const [i, a] of holders.entries()) {
    for (const b of holders.slice(0, i)) {
      if (a.person === "" || a.person === b.person) continue;
      if (a.mobile !== "" && a.mobile === b.mobile && !reported.has(`m${a.path}`)) {
        reported.add(`m${a.path}`);
        findings.push(
          report("MOBILE_SHARED_BETWEEN_PRINCIPALS", `${a.path}.mobile`, "不同负责人不能使用同一个手机号码（工信部按手机号判断是否为同一人），请填写本人的手机号码。"),
        );
      }
      if (a.email !== "" && a.email === b.email && !reported.has(`e${a.path}`)) {
        reported.add(`e${a.path}`);
        findings.push(report("EMAIL_SHARED_BETWEEN_PRINCIPALS", `${a.path}.email`, "不同负责人不能使用同一个电子邮箱，请填写本人的邮箱。"));
      }
    }
  }
  const others = new Set(mobilesOfOtherSubjects.map((m) => normalizeMobile(asText(m))));
  for (const h of holders) {
    if (h.mobile !== "" && others.has(h.mobile) && !reported.has(`o${h.mobile}`)) {
      reported.add(`o${h.mobile}`);
      findings.push(
        report("MOBILE_USED_BY_OTHER_SUBJECT", `${h.path}.mobile`, "该手机号码已登记在其他备案主体下，一个手机号码只能用于一个主体，请更换号码。"),
      );
    }
  }
  return findings;
}
