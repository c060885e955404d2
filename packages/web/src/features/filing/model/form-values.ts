import type { TFilingForm } from "@beian/contracts";
import { isOrganisation, isSubjectNature, resolveProvince, type FilingInput, type FilingType } from "@beian/rules";

type WebsiteForm = NonNullable<TFilingForm["websites"]>[number];
export type PersonForm = NonNullable<WebsiteForm["principal"]>;
type SubjectForm = NonNullable<TFilingForm["subject"]>;

/** A website as the form edits it: the API's shape plus whether its principal is the subject principal. */
export type WebsiteValues = WebsiteForm & { samePrincipal?: boolean };
/** What the antd form holds; `toApiForm` turns it into the API's (and the rules') shape. */
export type FormValues = Omit<TFilingForm, "websites"> & { websites?: WebsiteValues[] };

export const isPersonal = (values: FormValues | TFilingForm | undefined): boolean =>
  isSubjectNature(values?.subject?.type) && !isOrganisation(values.subject.type);

const compact = (s: string | undefined) => (s ?? "").replace(/\s/g, "").toUpperCase();

function person(p: PersonForm | undefined): PersonForm | undefined {
  if (!p) return undefined;
  return {
    name: p.name,
    certificate: p.certificate && { type: p.certificate.type, number: p.certificate.number, validUntil: p.certificate.validUntil },
    mobile: p.mobile,
    mobile2: p.mobile2,
    email: p.email,
    officePhone: p.officePhone,
    qq: p.qq,
  };
}

const filled = (o: object | undefined) => o !== undefined && Object.values(o).some((v) => typeof v === "string" && v.trim() !== "");

/**
 * The form as the API stores it and the rules judge it. Field for field what the applicant typed,
 * except what the form fills in for them: an individual is their own subject and website
 * principal (SUB-2, R-FORM-4), a website may reuse the subject principal, the filing province is
 * the address's province, and each domain certificate names its domain. Lists keep their
 * positions, so findings' paths ("websites.0.domains.1") point at the inputs on screen.
 */
export function toApiForm(values: FormValues): TFilingForm {
  const s = values.subject;
  const personal = isPersonal(values);
  let principal = person(s?.principal);
  if (personal) {
    principal = {
      ...principal,
      name: s?.name,
      certificate: { type: s?.certificate?.type, number: s?.certificate?.number, validUntil: s?.certificate?.validUntil },
    };
  }
  const subject: SubjectForm | undefined = s && {
    type: s.type,
    name: s.name,
    certificate: s.certificate && {
      type: s.certificate.type,
      number: s.certificate.number,
      validUntil: s.certificate.validUntil,
      ...(personal ? {} : { domicile: s.certificate.domicile }),
    },
    ...(personal ? {} : { investor: s.investor, legalRepresentativeName: s.legalRepresentativeName }),
    address: s.address && { provinceCode: s.address.provinceCode, cityCode: s.address.cityCode, districtCode: s.address.districtCode, detail: s.address.detail },
    principal,
    emergencyContact: filled(s.emergencyContact) ? { name: s.emergencyContact?.name, mobile: s.emergencyContact?.mobile, qq: s.emergencyContact?.qq } : undefined,
    renamed: personal ? undefined : s.renamed,
    icpNumber: s.icpNumber,
  };
  const websites = (values.websites ?? []).map((w): WebsiteForm => {
    const domains = w?.domains ?? [];
    return {
      name: w?.name,
      domains,
      homeUrl: w?.homeUrl,
      serviceContent: w?.serviceContent,
      languages: w?.languages,
      preApprovals: (w?.preApprovals ?? []).map((p) => ({ category: p?.category, permitNumber: p?.permitNumber })),
      commercial: personal ? undefined : w?.commercial,
      commercialLicenceNumber: !personal && w?.commercial ? w.commercialLicenceNumber : undefined,
      ips: w?.ips,
      remark: w?.remark,
      principal: personal || w?.samePrincipal ? principal : person(w?.principal),
      domainCertificates: (w?.domainCertificates ?? [])
        .map((c, j) => ({ ...c, domain: domains[j] }))
        .filter((c, j) => j < domains.length && filled({ a: c.registrantName, b: c.registrantCertNumber, c: c.expiresAt, d: c.verifiedAt })),
      icpNumber: w?.icpNumber,
    };
  });
  const province = resolveProvince(s?.address?.provinceCode ?? "");
  return {
    ...(province ? { province } : {}),
    subject,
    websites,
    ...(filled(values.access) ? { access: { icpNumber: values.access?.icpNumber, filingPassword: values.access?.filingPassword } } : {}),
  };
}

/** The stored form back into the form's values: domain certificates by domain, shared principals marked. */
export function toFormValues(form: TFilingForm): FormValues {
  const subjectCert = compact(form.subject?.principal?.certificate?.number);
  const websites = form.websites ?? [];
  return {
    ...form,
    websites: websites.length === 0 ? [emptyWebsite()] : websites.map((w) => {
      const domains = w.domains ?? [];
      const certs = domains.map((d) => (w.domainCertificates ?? []).find((c) => (c.domain ?? "").trim().toLowerCase() === d.trim().toLowerCase()) ?? {});
      const same = subjectCert !== "" && compact(w.principal?.certificate?.number) === subjectCert;
      return { ...w, domainCertificates: certs, samePrincipal: same };
    }),
  };
}

/** The rules' input: the API form with its filing type. The rules accept incomplete data. */
export const toFilingInput = (form: TFilingForm, type: FilingType): FilingInput => ({ ...form, type }) as unknown as FilingInput;

/** A new website's starting values. */
export const emptyWebsite = (): WebsiteValues => ({ domains: [""], languages: ["zh-CN"], ips: [], preApprovals: [], samePrincipal: true });
