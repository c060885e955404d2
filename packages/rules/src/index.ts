// Public entry of @beian/rules: pure domain knowledge, no I/O, same code in browser and Node.
export * from "./finding.js";
export * from "./catalog.js";
export * from "./contact/mobile.js";
export { asText, compactCode, cleanText, charLength } from "./text.js";

// Identity (ID-1…ID-7)
export * from "./ids/resident-id.js";
export * from "./ids/uscc.js";
export * from "./ids/permits.js";
export * from "./ids/certificate-types.js";
export * from "./ids/certificate.js";
export * from "./divisions/divisions.js";

// Sites (DOM-*, NAME-*, PRE-*)
export * from "./sites/domain.js";
export * from "./sites/fileable-suffixes.js";
export * from "./sites/home-url.js";
export * from "./sites/site-name.js";
export * from "./sites/pre-approval-categories.js";
export * from "./sites/pre-approval.js";
export * from "./sites/service-contents.js";

// ICP numbers (NUM-1, NUM-2)
export * from "./icp-number.js";

// Subjects, filings, province policies
export * from "./subjects/natures.js";
export * from "./filing/types.js";
export * from "./filing/field-labels.js";
export * from "./workflow/limits.js";
export * from "./provinces/identity.js";
export * from "./provinces/policy-types.js";
export * from "./provinces/policies.js";
export { POLICY_FIELDS, type PolicyField } from "./provinces/policy-fields.js";
export { SMS_SENDER_NUMBERS, type SmsVerification } from "./provinces/sms-portals.js";
export * from "./calendar/local-date.js";
export * from "./calendar/working-days.js";
export * from "./calendar/sms-clock.js";

// Filing-level rules
export { checkPerson, type PersonCheckOptions, type PersonFacts } from "./subjects/person.js";
export { checkAddress, checkMailingAddress } from "./subjects/address.js";
export { checkSubject } from "./subjects/subject-checks.js";
export { checkContactUniqueness } from "./subjects/contacts.js";
export { checkWebsite } from "./sites/website-checks.js";
export { checkDomainCertificate } from "./sites/domain-certificate.js";
export { checkFilingLevel } from "./workflow/filing-checks.js";
export * from "./materials/kinds.js";
export * from "./materials/required.js";
export * from "./materials/checklist.js";
export * from "./forms/verification-form.js";
export * from "./pre-review.js";

// Lifecycle
export * from "./lifecycle/states.js";
export * from "./lifecycle/effects.js";
export * from "./lifecycle/transition.js";
export * from "./lifecycle/next-step.js";
export * from "./lifecycle/sms-recipients.js";
