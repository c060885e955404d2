/**
 * SMS verification explained from the rules (R-SMS-1…9): who receives a code for each filing
 * type (smsRecipientsOf over samples where the legal representative and a delegate run the
 * sites), the clock of a code (smsSchedule) and each province's verification page.
 */
import {
  FILING_TYPES,
  PROVINCE_KEYS,
  smsRecipientsOf,
  smsRequired,
  smsSchedule,
  type FilingInput,
  type FilingType,
  type ProvinceKey,
  type ProvincePolicies,
} from "@beian/rules";
import { FILING_TYPE_KEYS } from "./materials";
import { organisationSample, personalSample } from "./sample-filings";

export interface RecipientsRow {
  type: FilingType;
  label: string;
  required: boolean;
  /** Personal sample: one person, so one code. */
  personal: string[][];
  /** Organisation sample whose site is run by a delegate: one code per distinct mobile. */
  organisation: string[][];
}

const rolesOf = (filing: FilingInput) => smsRecipientsOf(filing).map((r) => r.roles.map((role) => role.replace(/（.*）$/, "")));

export function recipientsTable(province: ProvinceKey = "bj"): RecipientsRow[] {
  return FILING_TYPE_KEYS.map((type) => ({
    type,
    label: FILING_TYPES[type],
    required: smsRequired(type),
    personal: rolesOf(personalSample(province, type)),
    organisation: rolesOf(organisationSample(province, type, { delegate: true })),
  }));
}

const SHANGHAI = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "long", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false });

/** A worked example of the clock: sent Monday 15:00 Shanghai (07:00 UTC). */
export function scheduleExample(sentAt = new Date("2026-03-02T07:00:00Z")) {
  const s = smsSchedule(sentAt);
  return { sentAt: SHANGHAI.format(s.sentAt), resendAt: SHANGHAI.format(s.resendAt), expiresAt: SHANGHAI.format(s.expiresAt) };
}

export interface PortalRow {
  key: ProvinceKey;
  name: string;
  pilot: boolean;
  url: string;
  note?: string;
  source: string;
  year: number | null;
}

export function portalTable(policies: Readonly<ProvincePolicies>): PortalRow[] {
  return PROVINCE_KEYS.map((key) => {
    const p = policies[key];
    const entry = p.rules.smsVerification;
    return { key, name: p.name, pilot: entry.value.pilot, url: entry.value.url, source: entry.source, year: entry.year, ...(entry.note ? { note: entry.note } : {}) };
  });
}

/** R-SMS-9: what to do when no code arrives. */
export const NO_CODE_STEPS: readonly string[] = [
  "确认手机信号正常、没有欠费停机，收到的号码是备案信息中负责人的“联系方式 1”手机号码。",
  "检查手机的垃圾短信、骚扰拦截或安全软件，验证码可能被拦截；虚拟运营商（170、171 等号段）的发送号码不固定。",
  "验证码可能被误删：可以在所在省份的核验页面上点击重新发送，或等待次日 12:00 的自动重发。",
  "48 小时内没有完成验证，备案会退回接入商；接入商重新提交管局后会再次发送验证码，无需重新填写。",
  "仍然收不到时，请联系接入商客服，确认提交给管局的手机号码是否正确。",
];
