import type { TFilingForm } from "@beian/contracts";
import {
  checkCertificateNumber,
  checkDomain,
  checkMobile,
  isSubjectNature,
  preReview,
  type Finding,
  type FilingType,
  type ProvincePolicies,
} from "@beian/rules";
import { useEffect, useState } from "react";
import { isPersonal, toFilingInput } from "./form-values";

const DEBOUNCE_MS = 250;

/**
 * Before the province is known, preReview can only ask for it (every other rule depends on
 * the province's policy). The checks that do not depend on it run field by field meanwhile,
 * with the same functions, so a wrong check digit shows at once.
 */
function provinceFreeChecks(form: TFilingForm, now: Date): Finding[] {
  const out: Finding[] = [];
  const s = form.subject;
  const given = (v: string | undefined): v is string => typeof v === "string" && v.trim() !== "";
  const cert = (c: { type?: string; number?: string } | undefined, path: string) => {
    if (given(c?.type) && given(c?.number)) {
      out.push(...checkCertificateNumber(c.type, c.number, { path, now, ...(isSubjectNature(s?.type) ? { nature: s.type } : {}) }).findings);
    }
  };
  const mobile = (m: string | undefined, path: string) => given(m) && out.push(...checkMobile(m, path).findings);
  if (!isPersonal(form)) cert(s?.certificate, "subject.certificate.number");
  cert(s?.principal?.certificate, "subject.principal.certificate.number");
  mobile(s?.principal?.mobile, "subject.principal.mobile");
  mobile(s?.emergencyContact?.mobile, "subject.emergencyContact.mobile");
  (form.websites ?? []).forEach((w, i) => {
    if (!isPersonal(form)) {
      cert(w.principal?.certificate, `websites.${i}.principal.certificate.number`);
      mobile(w.principal?.mobile, `websites.${i}.principal.mobile`);
    }
    (w.domains ?? []).forEach((d, j) => given(d) && out.push(...checkDomain(d, { path: `websites.${i}.domains.${j}` }).findings));
  });
  return out;
}

function review(form: TFilingForm, type: FilingType, policies: Readonly<ProvincePolicies>): Finding[] {
  const now = new Date();
  const findings = preReview(toFilingInput(form, type), policies, { now });
  return findings.some((f) => f.code === "FILING_PROVINCE_UNKNOWN") ? [...findings, ...provinceFreeChecks(form, now)] : findings;
}

/**
 * The server's pre-review (preReview over the whole filing, with the same province policies),
 * run in the browser while the applicant types, a moment after the last keystroke.
 */
export function useLiveFindings(form: TFilingForm, type: FilingType, policies: Readonly<ProvincePolicies>): Finding[] {
  const [findings, setFindings] = useState<Finding[]>(() => review(form, type, policies));
  useEffect(() => {
    const t = setTimeout(() => setFindings(review(form, type, policies)), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [form, type, policies]);
  return findings;
}

export const SEVERITY_ORDER = { error: 0, warning: 1, review: 2 } as const;

export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
