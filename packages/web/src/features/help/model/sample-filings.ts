/**
 * Representative filings the help pages feed to the rules (R-HELP-1): a person with one site and
 * an organisation whose legal representative runs its site, plus variants (a delegate runs the
 * site, a non-local ID, a commercial site …). ID numbers get their check characters from the
 * rules, so every sample is valid and the rules' answers are about the case, not a typo.
 */
import { PROVINCES, residentIdCheckChar, usccCheckChar, type FilingInput, type FilingType, type PersonInput, type ProvinceKey } from "@beian/rules";

export type SubjectKind = "personal" | "organisation";

const residentId = (region: string, birth: string, seq: string) => {
  const body = `${region}${birth}${seq}`;
  return body + residentIdCheckChar(body);
};

/** A resident ID from the province's own region code (local), or from another province. */
function idIn(province: ProvinceKey, birth: string, seq: string): string {
  return residentId(PROVINCES[province].divisionCode, birth, seq);
}

function person(name: string, id: string, mobile: string, email: string): PersonInput {
  return { name, certificate: { type: "resident_id", number: id, validUntil: "长期" }, mobile, email, officePhone: "010-88888888" };
}

const address = (province: ProvinceKey) => ({
  provinceCode: PROVINCES[province].divisionCode,
  cityCode: PROVINCES[province].divisionCode.slice(0, 2) + "0100",
  districtCode: PROVINCES[province].divisionCode.slice(0, 2) + "0102",
  detail: "文化路100号1幢501室",
});

const withType = (filing: FilingInput, type: FilingType): FilingInput => {
  const out: FilingInput = { ...filing, type };
  if (type === "new_site" || type === "change" || type.startsWith("cancel")) out.subject = { ...out.subject, icpNumber: "京ICP备12345678号" };
  if (type === "new_access") out.access = { icpNumber: "京ICP备12345678号-1", filingPassword: "示例备案密码" };
  return out;
};

/** 张三, an adult whose ID is from the filing province, with one personal site. */
export function personalSample(province: ProvinceKey, type: FilingType = "first", options: { nonLocal?: boolean } = {}): FilingInput {
  const region: ProvinceKey = options.nonLocal ? (province === "bj" ? "sh" : "bj") : province;
  const me = person("张三", idIn(region, "19900315", "456"), "13700000003", "zhangsan@example.com");
  return withType(
    {
      type,
      province,
      subject: {
        type: "personal",
        name: "张三",
        certificate: { type: "resident_id", number: me.certificate.number, validUntil: "长期" },
        address: address(province),
        principal: me,
        emergencyContact: { mobile: "13900000008" },
      },
      websites: [
        {
          name: "张三的读书笔记",
          domains: ["zhangsan-notes.cn"],
          homeUrl: "https://www.zhangsan-notes.cn/",
          remark: "记录个人读书心得与书评，不涉及任何经营性内容。",
          principal: me,
          domainCertificates: [{ domain: "zhangsan-notes.cn", registrantName: "张三", registrantCertNumber: me.certificate.number }],
        },
      ],
    },
    type,
  );
}

export interface OrganisationOptions {
  /** The website is run by someone other than the legal representative (SUB-3). */
  delegate?: boolean;
  /** A 经营性 site (PRE-4). */
  commercial?: boolean;
  /** The organisation changed its name (MAT-3). */
  renamed?: boolean;
  /** The site declares news content (PRE-1). */
  preApproval?: boolean;
  /** Number of domains on the site (DOM-6, FORM-2). */
  domains?: number;
}

export const LEGAL_REP_NAME = "王五";
export const DELEGATE_NAME = "赵六";

/** 某某网络科技有限公司, whose legal representative 王五 runs its one site, unless a delegate does. */
export function organisationSample(province: ProvinceKey, type: FilingType = "first", options: OrganisationOptions = {}): FilingInput {
  const uscc = (() => {
    const body = `91${PROVINCES[province].divisionCode}MA27XY8K1`.slice(0, 17);
    return body + usccCheckChar(body);
  })();
  const legalRep = person(LEGAL_REP_NAME, idIn(province, "19800101", "123"), "13800000001", "wangwu@example.com");
  const delegate = person(DELEGATE_NAME, idIn(province, "19850505", "234"), "13800000002", "zhaoliu@example.com");
  const domains = Array.from({ length: options.domains ?? 1 }, (_, i) => (i === 0 ? "mouxtech.com" : `mouxtech${i + 1}.com`));
  return withType(
    {
      type,
      province,
      subject: {
        type: "enterprise",
        name: "某某网络科技有限公司",
        certificate: { type: "business_licence", number: uscc, validUntil: "长期", domicile: `${PROVINCES[province].name}文化路100号` },
        investor: LEGAL_REP_NAME,
        address: address(province),
        principal: legalRep,
        legalRepresentativeName: LEGAL_REP_NAME,
        emergencyContact: { name: "钱七", mobile: "13900000009" },
        ...(options.renamed ? { renamed: true } : {}),
      },
      websites: [
        {
          name: "某某科技产品介绍",
          domains,
          homeUrl: `https://www.${domains[0]}/`,
          preApprovals: options.preApproval ? [{ category: "news", permitNumber: "10120170001" }] : [],
          commercial: options.commercial === true,
          ...(options.commercial ? { commercialLicenceNumber: "京B2-20090059" } : {}),
          ips: ["203.0.113.10"],
          principal: options.delegate ? delegate : legalRep,
          domainCertificates: domains.map((domain) => ({ domain, registrantName: "某某网络科技有限公司", registrantCertNumber: uscc })),
        },
      ],
    },
    type,
  );
}

export function sampleOf(subject: SubjectKind, province: ProvinceKey, type: FilingType = "first"): FilingInput {
  return subject === "personal" ? personalSample(province, type) : organisationSample(province, type);
}
