/**
 * Realistic filings for tests and the benchmark. Check characters are computed with the
 * package's own functions from hand-chosen bodies, so the numbers are valid by construction;
 * the validators themselves are tested against published examples elsewhere.
 */
import type { FilingInput, PersonInput, WebsiteInput } from "../src/filing/types.js";
import { residentIdCheckChar } from "../src/ids/resident-id.js";
import { usccCheckChar } from "../src/ids/uscc.js";

/** 2026-03-02 10:00 Shanghai, a Monday. */
export const NOW = new Date("2026-03-02T02:00:00Z");

export const residentId = (body17: string): string => body17 + residentIdCheckChar(body17);
export const uscc = (body17: string): string => body17 + usccCheckChar(body17);

export const COMPANY_USCC = uscc("91330106MA27XY8K1");

export function person(name: string, idBody: string, mobile: string, email: string): PersonInput {
  return {
    name,
    certificate: { type: "resident_id", number: residentId(idBody), validUntil: "长期" },
    mobile,
    email,
    officePhone: "0571-88888888",
  };
}

export const LEGAL_REP = person("王五", "33010619800101123", "13800000001", "wangwu@mouxtech.com");
export const DELEGATE = person("赵六", "33010219850505234", "13800000002", "zhaoliu@mouxtech.com");

const CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function organisationWebsite(i: number, principal: PersonInput = LEGAL_REP): WebsiteInput {
  const domain = `mouxtech${i}.com`;
  return {
    name: `某某科技产品介绍${CHINESE_NUMERALS[i % 10]}`,
    domains: [domain],
    homeUrl: `www.${domain}`,
    serviceContent: "enterprise_portal",
    languages: ["zh-CN"],
    preApprovals: [],
    commercial: false,
    ips: ["203.0.113.10"],
    remark: "企业产品介绍网站",
    principal,
    domainCertificates: [
      {
        domain,
        registrantName: "杭州某某网络科技有限公司",
        registrantCertNumber: COMPANY_USCC,
        expiresAt: "2030-01-01",
        verifiedAt: "2025-06-01",
      },
    ],
  };
}

/** An organisation in 浙江 with 10 websites, half of them run by a delegate (SUB-3). */
export function organisationFiling(websiteCount = 10): FilingInput {
  return {
    type: "first",
    province: "zj",
    subject: {
      type: "enterprise",
      name: "杭州某某网络科技有限公司",
      certificate: {
        type: "business_licence",
        number: COMPANY_USCC,
        validUntil: "长期",
        domicile: "浙江省杭州市西湖区文三路100号",
      },
      investor: "王五",
      address: { provinceCode: "330000", cityCode: "330100", districtCode: "330106", detail: "文三路100号1幢501室" },
      principal: LEGAL_REP,
      legalRepresentativeName: "王五",
      emergencyContact: { name: "钱七", mobile: "13900000009" },
      filedBy: "self",
    },
    websites: Array.from({ length: websiteCount }, (_, i) => organisationWebsite(i, i < websiteCount / 2 ? LEGAL_REP : DELEGATE)),
  };
}

export const PERSON = person("张三", "33010619900315456", "13700000003", "zhangsan@example.com");

/** An individual in 浙江 with one website. */
export function personalFiling(): FilingInput {
  return {
    type: "first",
    province: "zj",
    subject: {
      type: "personal",
      name: "张三",
      certificate: { type: "resident_id", number: PERSON.certificate.number, validUntil: "长期" },
      address: { provinceCode: "330000", cityCode: "330100", districtCode: "330106", detail: "文三路200号3幢802室" },
      principal: PERSON,
      emergencyContact: { mobile: "13900000008" },
    },
    websites: [
      {
        name: "张三的读书笔记",
        domains: ["zhangsan-notes.cn"],
        homeUrl: "https://www.zhangsan-notes.cn/",
        languages: ["zh-CN"],
        remark: "记录个人读书心得与书评，不涉及任何经营性内容。",
        principal: PERSON,
        domainCertificates: [
          { domain: "zhangsan-notes.cn", registrantName: "张三", registrantCertNumber: PERSON.certificate.number, expiresAt: "2029-05-01", verifiedAt: "2026-01-05" },
        ],
      },
    ],
  };
}

/** structuredClone with a change applied, for table-driven mutations. */
export function mutate<T>(value: T, change: (copy: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}
