/**
 * Who receives a code (R-SMS-1, R-SMS-2, R-SMS-3): 新增备案 → subject principal and website
 * principals; 新增网站 / 新增接入 → website principals; 变更 → the principals whose mobile
 * changed; 注销 → nobody. One code per distinct mobile. Pure.
 */
import type { UploadedPerson, UploadedRecord } from "../xml/upload-xml.js";

export type SmsRole = "subject" | "website";

export interface SmsRecipient {
  mobile: string;
  roles: SmsRole[];
  /** The certificate numbers this person may verify with: their own, and the subject's for the subject principal. */
  certificateNumbers: string[];
}

/** Mobiles the bureau already holds for the filed subject (for 变更). */
export interface KnownMobiles {
  subject?: string;
  websites: Record<string, string>;
}

export function smsRecipients(record: UploadedRecord, known?: KnownMobiles): SmsRecipient[] {
  const people: { role: SmsRole; person: UploadedPerson; extraCert?: string }[] = [];
  const subject = record.subject;
  switch (record.type) {
    case "XZBA":
      if (subject) people.push({ role: "subject", person: subject.principal, extraCert: subject.certificateNumber });
      for (const w of record.websites) people.push({ role: "website", person: w.principal });
      break;
    case "XZWZ":
    case "XZJR":
      for (const w of record.websites) people.push({ role: "website", person: w.principal });
      break;
    case "BGBA":
      // Unknown previous data: every principal counts as changed.
      if (subject && subject.principal.mobile !== known?.subject) {
        people.push({ role: "subject", person: subject.principal, extraCert: subject.certificateNumber });
      }
      for (const w of record.websites) {
        const before = w.siteIcpNumber ? known?.websites[w.siteIcpNumber] : undefined;
        if (w.principal.mobile !== before) people.push({ role: "website", person: w.principal });
      }
      break;
    case "ZXBA":
      break;
  }
  const byMobile = new Map<string, SmsRecipient>();
  for (const { role, person, extraCert } of people) {
    const entry = byMobile.get(person.mobile) ?? { mobile: person.mobile, roles: [], certificateNumbers: [] };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    for (const cert of [person.certificateNumber, extraCert]) {
      if (cert && !entry.certificateNumbers.includes(cert)) entry.certificateNumbers.push(cert);
    }
    byMobile.set(person.mobile, entry);
  }
  return [...byMobile.values()];
}
