/**
 * Who receives the bureau's SMS code after upload (R-SMS-1…3, seed 004): 新增备案 → the subject
 * principal and the website principals; 新增网站 and 新增接入 → the website principals; 变更 →
 * the principals whose phone changed (not known here, so every principal is listed); one code
 * per distinct mobile; cancellations send none. Only contact slot 1 (`mobile`) receives it.
 */
import type { FilingInput } from "../filing/types.js";
import { normalizeMobile } from "../contact/mobile.js";
import { asText } from "../text.js";

export interface SmsRecipient {
  mobile: string;
  /** 主体负责人 and/or 网站负责人 (with the site's name). */
  roles: string[];
}

export function smsRecipientsOf(filing: FilingInput): SmsRecipient[] {
  const people: { role: string; mobile: string }[] = [];
  const subject = filing.subject?.principal;
  const websites = (filing.websites ?? []).map((w, i) => ({ role: `网站负责人（${asText(w?.name) || `网站 ${i + 1}`}）`, mobile: asText(w?.principal?.mobile) }));
  switch (filing.type) {
    case "first":
    case "change":
      people.push({ role: "主体负责人", mobile: asText(subject?.mobile) }, ...websites);
      break;
    case "new_site":
    case "new_access":
      people.push(...websites);
      break;
    default:
      return [];
  }
  const byMobile = new Map<string, SmsRecipient>();
  for (const p of people) {
    const mobile = normalizeMobile(p.mobile);
    if (mobile === "") continue;
    const entry = byMobile.get(mobile) ?? { mobile, roles: [] };
    if (!entry.roles.includes(p.role)) entry.roles.push(p.role);
    byMobile.set(mobile, entry);
  }
  return [...byMobile.values()];
}
