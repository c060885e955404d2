/**
 * The subject (主办者) as a whole: nature and certificate (ID-2…ID-5), domicile (SUB-4),
 * name/investor/address (SUB-8, SUB-9), the subject principal (SUB-1, SUB-2, SUB-5, SUB-7,
 * ID-7) and the emergency contact (SUB-6).
 */
import { report } from "../catalog.js";
import { ageOn, shanghaiDate } from "../calendar/local-date.js";
import { checkMobile, normalizeMobile } from "../contact/mobile.js";
import type { Finding } from "../finding.js";
import type { FilingInput } from "../filing/types.js";
import { checkCertificateNumber, checkCertificateValidity } from "../ids/certificate.js";
import { CERTIFICATE_TYPES, isCertificateType } from "../ids/certificate-types.js";
import { PROVINCES, resolveProvince } from "../provinces/identity.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import { asText, charLength, cleanText, compactCode } from "../text.js";
import { checkAddress } from "./address.js";
import { domicileProvince } from "./domicile.js";
import { isSubjectNature, SUBJECT_NATURES, type SubjectNatureInfo } from "./natures.js";
import { checkPerson, type PersonFacts } from "./person.js";

export interface SubjectCheckContext {
  now: Date;
  policy: ProvincePolicy;
}

export function checkSubject(filing: FilingInput, ctx: SubjectCheckContext): { findings: Finding[]; principal: PersonFacts } {
  const findings: Finding[] = [];
  const subject = filing.subject;
  const { policy, now } = ctx;
  const nature: unknown = subject?.type;
  if (!isSubjectNature(nature)) {
    findings.push(report("SUBJECT_TYPE_INVALID", "subject.type", "请选择主办单位性质（个人、企业、事业单位、政府机关、社会团体等）。"));
    return { findings, principal: {} };
  }
  const info: SubjectNatureInfo = SUBJECT_NATURES[nature];
  const personal = !info.organisation;

  // SUB-9
  const name = cleanText(subject.name);
  if (name === "") {
    findings.push(report("SUBJECT_NAME_REQUIRED", "subject.name", personal ? "请填写主办者姓名（与身份证件一致）。" : "请填写单位名称（与证件上的名称一致）。"));
  } else if (charLength(name) > 50) {
    findings.push(report("SUBJECT_NAME_TOO_LONG", "subject.name", "主办者名称最多 50 个字，请按证件上的名称填写。"));
  }

  // ID-4 / ID-2 / ID-3 / ID-5 for organisations; individuals' document is checked with the principal.
  const certType: unknown = subject.certificate?.type;
  if (!isCertificateType(certType) || !(info.certificates as readonly string[]).includes(certType)) {
    const allowed = info.certificates.map((c) => CERTIFICATE_TYPES[c].label).join("、");
    findings.push(report("CERT_TYPE_NOT_ALLOWED", "subject.certificate.type", `${info.label}的证件类型应为：${allowed}。`));
  } else if (!personal) {
    const number = checkCertificateNumber(certType, asText(subject.certificate?.number), {
      path: "subject.certificate.number",
      now,
      nature,
    });
    findings.push(...number.findings);
    const v = policy.rules.certificateValidity.value;
    findings.push(
      ...checkCertificateValidity(asText(subject.certificate?.validUntil), {
        now,
        path: "subject.certificate.validUntil",
        minMonths: v.organisationMonths,
        severity: v.severity,
        label: CERTIFICATE_TYPES[certType].label,
      }).findings,
    );
    // SUB-4: the USCC carries the registering authority's region; "10…" is national level.
    const region = number.regionCode;
    if (region && !region.startsWith("10") && region.slice(0, 2) !== policy.divisionCode.slice(0, 2)) {
      const other = resolveProvince(region);
      findings.push(
        report(
          "SUBJECT_CODE_OTHER_PROVINCE",
          "subject.certificate.number",
          `统一社会信用代码显示登记机关在${other ? PROVINCES[other].name : "其他省份"}，而备案省份是${policy.name}；单位须在证件住所所在省份备案，请确认住所已迁入${policy.name}。`,
        ),
      );
    }
    checkDomicile(asText(subject.certificate?.domicile), ctx, findings);
  }

  // SUB-9: investor (投资人或主管单位) for organisations.
  if (!personal) {
    const investor = cleanText(subject.investor);
    if (investor === "") {
      findings.push(report("INVESTOR_REQUIRED", "subject.investor", "请填写投资人或主管单位（企业填股东或投资人，事业单位填主管单位）。"));
    } else if (charLength(investor) > 30) {
      findings.push(report("INVESTOR_TOO_LONG", "subject.investor", "投资人或主管单位最多 30 个字，多个投资人可只填主要投资人。"));
    }
  }

  findings.push(...checkAddress(subject.address, "subject.address"));

  const principal = checkPerson(subject.principal, "subject.principal", { now, policy, role: "主体负责人" });
  findings.push(...principal.findings);
  const facts = principal.facts;

  if (personal) {
    // SUB-2: the individual is their own subject principal.
    const sameName = cleanText(subject.principal?.name) === name;
    const sameCert = compactCode(subject.principal?.certificate?.number) === compactCode(subject.certificate?.number);
    if (name !== "" && (!sameName || !sameCert)) {
      findings.push(
        report("PERSONAL_SUBJECT_NOT_PRINCIPAL", "subject.principal", "个人备案的主体负责人必须是主办者本人：姓名和证件号码应与主办者信息一致。"),
      );
    }
    findings.push(...checkAge(facts, ctx));
    findings.push(...checkNonLocal(asText(subject.principal?.certificate?.type), facts, ctx));
  } else {
    // SUB-1: organisations name their legal representative as subject principal.
    const legalRep = cleanText(subject.legalRepresentativeName);
    const principalName = cleanText(subject.principal?.name);
    if (legalRep === "") {
      findings.push(report("SUBJECT_LEGAL_REP_UNKNOWN", "subject.legalRepresentativeName", "请审核员对照证件核对：主体负责人须为法定代表人（负责人）。"));
    } else if (principalName !== "" && legalRep !== principalName) {
      findings.push(
        report(
          "SUBJECT_PRINCIPAL_NOT_LEGAL_REP",
          "subject.principal.name",
          `单位备案的主体负责人必须填写法定代表人“${legalRep}”；其他人员可作为网站负责人，并提供网站备案授权书。`,
        ),
      );
    }
  }

  // SUB-7: the home province of a number needs a number-segment table, so a reviewer checks it.
  if (policy.rules.localMobile.value) {
    findings.push(report("MOBILE_LOCAL_REQUIRED", "subject.principal.mobile", `${policy.name}要求使用本省手机号码，请审核员核对号码归属地。`));
  }

  // SUB-6: the 24-hour emergency contact is someone else's number.
  const emergency = subject.emergencyContact;
  if (emergency && cleanText(emergency.mobile) !== "") {
    const checked = checkMobile(asText(emergency.mobile), "subject.emergencyContact.mobile");
    findings.push(...checked.findings);
    const principals = [subject.principal, ...(filing.websites ?? []).map((w) => w?.principal)].map((p) => normalizeMobile(asText(p?.mobile)));
    if (checked.normalized && principals.includes(checked.normalized)) {
      findings.push(
        report("EMERGENCY_MOBILE_SAME_AS_PRINCIPAL", "subject.emergencyContact.mobile", "应急联系电话不能与主体负责人或网站负责人的手机号相同，请填写另一位联系人的号码。"),
      );
    }
  }
  return { findings, principal: facts };
}

function checkDomicile(domicile: string, ctx: SubjectCheckContext, findings: Finding[]): void {
  const { policy } = ctx;
  const text = cleanText(domicile);
  if (text === "") {
    findings.push(report("SUBJECT_DOMICILE_REQUIRED", "subject.certificate.domicile", "请按证件填写住所（注册地址）。"));
    return;
  }
  const verdict = domicileProvince(text, policy.key);
  if (verdict.kind === "other") {
    findings.push(
      report(
        "SUBJECT_DOMICILE_OTHER_PROVINCE",
        "subject.certificate.domicile",
        `证件住所在${PROVINCES[verdict.province].name}，单位只能在证件住所所在省份备案；请改选备案省份为${PROVINCES[verdict.province].shortName}，或提供已迁入${policy.shortName}的证件。`,
      ),
    );
  } else if (verdict.kind === "unclear") {
    findings.push(report("SUBJECT_DOMICILE_UNCLEAR", "subject.certificate.domicile", `从证件住所看不出所在省份，请审核员核对住所是否在${policy.name}。`));
  }
}

/** ID-7 for individuals, from the birth date in the ID number. */
function checkAge(facts: PersonFacts, ctx: SubjectCheckContext): Finding[] {
  if (!facts.birthDate) return [];
  const { refusedBelow, proofOfIncomeBelow } = ctx.policy.rules.minimumAge.value;
  const age = ageOn(facts.birthDate, shanghaiDate(ctx.now));
  if (age < refusedBelow) {
    return [
      report("AGE_UNDER_MINIMUM", "subject.principal.certificate.number", `${ctx.policy.name}个人备案须年满 ${refusedBelow} 周岁，按身份证计算主办者现在 ${age} 周岁，暂不能备案。`),
    ];
  }
  if (proofOfIncomeBelow !== null && age < proofOfIncomeBelow) {
    return [
      report("AGE_PROOF_OF_INCOME", "subject.principal.certificate.number", `主办者未满 ${proofOfIncomeBelow} 周岁，${ctx.policy.name}要求提供本人收入证明，请审核员核对。`),
    ];
  }
  return [];
}

/** SUB-5: "local" means the ID's region prefix is in the filing province. */
function checkNonLocal(certType: string, facts: PersonFacts, ctx: SubjectCheckContext): Finding[] {
  if ((certType !== "resident_id" && certType !== "temporary_resident_id") || !facts.regionCode) return [];
  const { policy } = ctx;
  if (facts.regionCode.slice(0, 2) === policy.divisionCode.slice(0, 2)) return [];
  const rule = policy.rules.nonLocalIndividuals.value;
  if (rule.mode === "refused") {
    return [report("NON_LOCAL_REFUSED", "subject.principal.certificate.number", `${policy.name}不接受外省户籍个人备案；请在身份证所属省份备案，或以单位名义备案。`)];
  }
  if (rule.mode === "residence_permit") {
    return [
      report(
        "NON_LOCAL_RESIDENCE_PERMIT",
        "subject.principal.certificate.number",
        `身份证不是${policy.shortName}的，${policy.name}要求外省个人提供${rule.acceptedProofs.join("或")}，请一并上传。`,
      ),
    ];
  }
  return [];
}
