import type { PolicyEntry, ProvincePolicy } from "@beian/rules";

export interface ProvinceNote {
  text: string;
  /** The rule's source year; 2017 rules are defaults the provider may have switched off. */
  year: number | null;
}

/**
 * What is particular about filing in a province, read from its policy (the same data the
 * checks use), shown as soon as the province is known. National defaults that every province
 * shares are left out, except where the value itself tells the applicant something.
 */
export function provinceNotes(policy: ProvincePolicy, personal: boolean): ProvinceNote[] {
  const r = policy.rules;
  const notes: ProvinceNote[] = [];
  const add = (entry: PolicyEntry<unknown>, text: string) => notes.push({ text, year: entry.year });

  if (personal) {
    const nonLocal = r.nonLocalIndividuals.value;
    if (nonLocal.mode === "refused") add(r.nonLocalIndividuals, "不接受外省户籍的个人备案（按身份证号码前两位判断）。");
    if (nonLocal.mode === "residence_permit") add(r.nonLocalIndividuals, `外省户籍的个人须提供${nonLocal.acceptedProofs.join("或")}。`);
    const age = r.minimumAge.value;
    if (age.refusedBelow !== 18 || age.proofOfIncomeBelow !== null) {
      add(r.minimumAge, `个人备案须年满 ${age.refusedBelow} 周岁${age.proofOfIncomeBelow ? `，未满 ${age.proofOfIncomeBelow} 周岁须提供收入证明` : ""}。`);
    }
    if (r.personalSiteNamePattern.value) add(r.personalSiteNamePattern, `个人网站名称须符合规定格式，例如“${r.personalSiteNamePattern.value.example}”。`);
    if (r.personalRemarkDisclaimer.value) add(r.personalRemarkDisclaimer, `个人网站的备注须包含声明“${r.personalRemarkDisclaimer.value}”。`);
    if (r.fingerprint.value.atSignature) add(r.fingerprint, "个人备案须在核验单负责人签名处按手印。");
  } else {
    if (r.authorizationLetter.value.namedExplicitly) add(r.authorizationLetter, "网站负责人不是法定代表人时，须提供网站备案授权书及双方身份证件。");
    if (r.certificateValidity.value.organisationMonths > 0) add(r.certificateValidity, `单位证件剩余有效期须大于 ${r.certificateValidity.value.organisationMonths} 个月。`);
  }
  if (r.temporaryIdCard.value === "refused") add(r.temporaryIdCard, "不接受临时身份证。");
  if (r.certificateValidity.value.idCardMonths > 0) add(r.certificateValidity, `身份证剩余有效期须大于 ${r.certificateValidity.value.idCardMonths} 个月。`);
  if (r.localMobile.value) add(r.localMobile, "负责人手机号码须为本省号码。");
  add(r.domainMinRemainingDays, `域名剩余注册期须大于 ${r.domainMinRemainingDays.value} 天。`);
  if (r.oneDomainPerWebsite.value) add(r.oneDomainPerWebsite, "每个网站只能填写一个域名。");
  if (r.oneWebsitePerApplication.value) add(r.oneWebsitePerApplication, "每次申请只能备案一个网站。");
  if (r.siteNameForbiddenWords.value.length > 0) add(r.siteNameForbiddenWords, `网站名称不能包含：${r.siteNameForbiddenWords.value.join("、")}。`);
  if (r.commitmentLetter.value) add(r.commitmentLetter, `须提交《${r.commitmentLetter.value.title}》。`);
  if (r.formVariant.value === "guangdong") add(r.formVariant, "核验单使用广东版本。");
  if (r.verificationFormPerDomain.value) add(r.verificationFormPerDomain, "每个域名各填一份核验单。");
  if (r.verificationFormMaxAgeMonths.value) add(r.verificationFormMaxAgeMonths, `核验单签字日期须在 ${r.verificationFormMaxAgeMonths.value} 个月以内。`);
  if (r.photoSlogan.value) add(r.photoSlogan, `幕布照须露出标语“${r.photoSlogan.value}”。`);
  // Applies everywhere today (smsRequired); the entry's year dates the pilot list, not this duty.
  notes.push({ text: "提交管局后须在 48 小时内完成短信核验。", year: null });
  return notes;
}
