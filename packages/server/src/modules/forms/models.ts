import type { TFilingForm } from "@beian/contracts";
import {
  CERTIFICATE_TYPES,
  PRE_APPROVAL_CATEGORIES,
  SERVICE_CONTENTS,
  SUBJECT_NATURES,
  divisionName,
  isOrganisation,
  isProvinceKey,
  isSubjectNature,
  labelOf,
  paperSet,
  shanghaiMinute,
  policyFor,
  verificationFormSpec,
  type FilingInput,
  type PaperDocument,
  type ProvincePolicies,
} from "@beian/rules";
import type { FilingRow } from "../../db/schema.js";
import type { AgreementParty, AuthorizationModel } from "./agreements.js";
import type { VerificationSheetModel } from "./verification-sheet.js";

/**
 * From a filing to what its printed forms show (R-DOC-1…4, FORM-1/2). The province policy
 * decides the variant, the seal and fingerprint fields, and whether each domain gets its own sheet.
 */
type Person = NonNullable<NonNullable<TFilingForm["subject"]>["principal"]>;

const certLabel = (type: string | undefined) => (type && type in CERTIFICATE_TYPES ? CERTIFICATE_TYPES[type as keyof typeof CERTIFICATE_TYPES].label : (type ?? ""));
const natureLabel = (type: string | undefined) => (isSubjectNature(type) ? SUBJECT_NATURES[type].label : (type ?? ""));
const categoryLabel = (c: string | undefined) => (c && c in PRE_APPROVAL_CATEGORIES ? PRE_APPROVAL_CATEGORIES[c as keyof typeof PRE_APPROVAL_CATEGORIES].label : (c ?? ""));

function address(form: TFilingForm): string {
  const a = form.subject?.address;
  const divisions = [a?.provinceCode, a?.cityCode, a?.districtCode].map((c) => (c ? (divisionName(c) ?? "") : ""));
  // Municipalities repeat their name at city level (北京市北京市): print it once.
  return [...new Set(divisions.filter(Boolean))].join("") + (a?.detail ?? "");
}

function printedAt(now: Date): string {
  return shanghaiMinute(now);
}

export interface FormContext {
  providerName: string;
  now: Date;
  /** The province policies in force (with the provider's overrides). */
  policies: ProvincePolicies;
}

function policyOf(form: TFilingForm, policies: ProvincePolicies) {
  return policyFor(isProvinceKey(form.province) ? form.province : "bj", policies);
}

const input = (row: FilingRow): FilingInput => ({ ...(row.form as TFilingForm), type: row.type } as FilingInput);
const organisation = (form: TFilingForm) => isSubjectNature(form.subject?.type) && isOrganisation(form.subject.type);

/** One model per printed sheet: one sheet, or one per domain where the province asks (FORM-2, 浙江). */
export function verificationSheets(row: FilingRow, ctx: FormContext): VerificationSheetModel[] {
  const form = row.form as TFilingForm;
  const spec = verificationFormSpec(input(row), policyOf(form, ctx.policies));
  const s = form.subject;
  const base: VerificationSheetModel = {
    variant: spec.variant === "guangdong" ? "guangdong" : "public",
    subjectType: organisation(form) ? "organisation" : "personal",
    subject: {
      name: s?.name ?? "",
      nature: natureLabel(s?.type),
      certificateType: certLabel(s?.certificate?.type),
      certificateNumber: s?.certificate?.number ?? "",
      address: address(form),
      investor: s?.investor ?? "",
      principalName: s?.principal?.name ?? "",
      principalMobile: s?.principal?.mobile ?? "",
      principalEmail: s?.principal?.email ?? "",
    },
    websites: (form.websites ?? []).map((w) => ({
      name: w.name ?? "",
      domains: w.domains ?? [],
      homeUrl: w.homeUrl ?? "",
      serviceContent: labelOf(SERVICE_CONTENTS, w.serviceContent),
      preApprovals: (w.preApprovals ?? []).map((p) => [categoryLabel(p.category), p.permitNumber].filter(Boolean).join(" ")).join("；"),
      principalName: w.principal?.name ?? "",
      principalMobile: w.principal?.mobile ?? "",
    })),
    provider: { name: ctx.providerName },
    seal: spec.signing === "sign_and_seal",
    fingerprint: spec.signing === "sign_and_fingerprint",
    fingerprintAtSignature: spec.fingerprintAtSignature,
    filingNumber: `F-${row.id.slice(0, 8).toUpperCase()}`,
    printedAt: printedAt(ctx.now),
  };
  if (spec.sheets <= 1) return [base];
  // FORM-2: each domain on a sheet of its own, with the website it belongs to.
  return base.websites.flatMap((w) => w.domains.map((d) => ({ ...base, websites: [{ ...w, domains: [d] }] })));
}

export function agreementParty(row: FilingRow, ctx: FormContext): AgreementParty {
  const form = row.form as TFilingForm;
  const sheet = verificationSheets(row, ctx)[0]!;
  return {
    subjectType: sheet.subjectType,
    subjectName: sheet.subject.name,
    certificateType: sheet.subject.certificateType,
    certificateNumber: sheet.subject.certificateNumber,
    address: sheet.subject.address,
    principalName: sheet.subject.principalName,
    principalMobile: sheet.subject.principalMobile,
    websites: (form.websites ?? []).map((w) => ({ name: w.name ?? "", domains: w.domains ?? [] })),
    provider: sheet.provider,
    seal: sheet.seal,
    fingerprint: sheet.fingerprint,
    printedAt: sheet.printedAt,
  };
}

const certificateKey = (p: Person | undefined) => (p?.certificate?.number ?? "").trim().toUpperCase();

/**
 * SUB-3: an authorization letter for each website principal who is not the subject's principal
 * (organisations only); none when nobody is delegated.
 */
export function authorizationLetters(row: FilingRow, ctx: FormContext): AuthorizationModel[] {
  const form = row.form as TFilingForm;
  if (!organisation(form)) return [];
  const party = agreementParty(row, ctx);
  const principal = certificateKey(form.subject?.principal);
  const seen = new Set<string>();
  const letters: AuthorizationModel[] = [];
  for (const w of form.websites ?? []) {
    const key = certificateKey(w.principal);
    if (key === "" || key === principal || seen.has(key)) continue;
    seen.add(key);
    letters.push({
      ...party,
      legalRepresentative: form.subject?.legalRepresentativeName || form.subject?.principal?.name || "",
      websitePrincipal: {
        name: w.principal?.name ?? "",
        certificateType: certLabel(w.principal?.certificate?.type),
        certificateNumber: w.principal?.certificate?.number ?? "",
        mobile: w.principal?.mobile ?? "",
      },
    });
  }
  return letters;
}

/** R-MAT-4/5: what to print, how many copies, who signs, seal or fingerprint. */
export function printingInstructions(row: FilingRow): PaperDocument[] {
  return paperSet(input(row));
}
