/**
 * One principal (主体负责人 or 网站负责人): name, identity document (ID-1…ID-6), its validity
 * (ID-5), mobile (SUB-7), e-mail and office phone (SUB-8, R-FORM-6).
 */
import { report } from "../catalog.js";
import { checkMobile } from "../contact/mobile.js";
import type { Finding } from "../finding.js";
import type { PersonInput } from "../filing/types.js";
import { checkCertificateNumber, checkCertificateValidity } from "../ids/certificate.js";
import { CERTIFICATE_TYPES, isCertificateType } from "../ids/certificate-types.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import { asText, charLength, cleanText } from "../text.js";

export interface PersonCheckOptions {
  now: Date;
  policy: ProvincePolicy;
  /** Shown in messages, e.g. "主体负责人". */
  role: string;
}

export interface PersonFacts {
  /** Normalised certificate number, when valid. */
  certNumber?: string;
  birthDate?: string;
  regionCode?: string;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// SUB-8: area code (3–4 digits starting 0), 7–8 digit number, optional extension.
const OFFICE_PHONE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function checkPerson(
  person: PersonInput | undefined,
  path: string,
  options: PersonCheckOptions,
): { findings: Finding[]; facts: PersonFacts } {
  const findings: Finding[] = [];
  const facts: PersonFacts = {};
  const { role, policy } = options;

  const name = cleanText(person?.name);
  if (name === "") {
    findings.push(report("PERSON_NAME_REQUIRED", `${path}.name`, `请填写${role}的姓名（与证件一致）。`));
  } else if (charLength(name) > 50 || /[^\p{L}\p{M} ·.'-]/u.test(name)) {
    findings.push(report("PERSON_NAME_INVALID", `${path}.name`, `${role}姓名应与证件上的姓名一致，不能包含数字或符号。`));
  }

  const type: unknown = person?.certificate?.type;
  const certPath = `${path}.certificate`;
  if (!isCertificateType(type) || CERTIFICATE_TYPES[type].holder !== "person") {
    findings.push(report("CERT_TYPE_NOT_ALLOWED", `${certPath}.type`, `请为${role}选择个人证件类型（如居民身份证、护照）。`));
  } else {
    const number = checkCertificateNumber(type, asText(person?.certificate?.number), {
      path: `${certPath}.number`,
      now: options.now,
    });
    findings.push(...number.findings);
    if (number.ok && number.normalized) {
      facts.certNumber = number.normalized;
      if (number.birthDate) facts.birthDate = number.birthDate;
      if (number.regionCode) facts.regionCode = number.regionCode;
    }
    // ID-6
    if (type === "temporary_resident_id" && policy.rules.temporaryIdCard.value === "refused") {
      findings.push(report("TEMPORARY_ID_REFUSED", `${certPath}.type`, `${policy.name}不接受临时身份证，请${role}使用正式居民身份证。`));
    }
    // ID-5
    const v = policy.rules.certificateValidity.value;
    const validity = checkCertificateValidity(asText(person?.certificate?.validUntil), {
      now: options.now,
      path: `${certPath}.validUntil`,
      minMonths: type === "hmt_residence_permit" ? v.residencePermitMonths : v.idCardMonths,
      severity: v.severity,
      label: `${role}的${CERTIFICATE_TYPES[type].label}`,
    });
    findings.push(...validity.findings);
  }

  findings.push(...checkMobile(asText(person?.mobile), `${path}.mobile`).findings);
  if (cleanText(person?.mobile2) !== "") findings.push(...checkMobile(asText(person?.mobile2), `${path}.mobile2`).findings);

  const email = cleanText(person?.email);
  if (email === "") {
    findings.push(report("EMAIL_REQUIRED", `${path}.email`, `请填写${role}的电子邮箱，用于接收备案通知。`));
  } else if (email.length > 254 || !EMAIL.test(email)) {
    findings.push(report("EMAIL_INVALID", `${path}.email`, `${role}的电子邮箱格式不正确，应形如 name@example.com。`));
  }

  const phone = cleanText(person?.officePhone).replace(/[\s()（）]/g, "").replace(/^\+?86-?(?=0?\d)/, "0").replace(/^00/, "0");
  if (phone !== "" && !OFFICE_PHONE.test(phone)) {
    findings.push(
      report("OFFICE_PHONE_INVALID", `${path}.officePhone`, "办公电话应为“区号-号码”，区号 3–4 位、号码 7–8 位，例如 0571-88888888。"),
    );
  }
  return { findings, facts };
}
