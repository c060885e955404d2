import type { PersonalDataKeys } from "./data-keys.js";

/** Certificate numbers meet whatever their width, spacing or case (the queue's exact search). */
export const normalizeCertificateNumber = (value: string) => value.normalize("NFKC").replace(/\s/g, "").toUpperCase();

export const certificateSearchHash = (keys: PersonalDataKeys, value: string): string =>
  keys.searchHash("certificate", normalizeCertificateNumber(value));

/**
 * SUB-6 compares a mobile's last eleven digits, so "+86 138…" and "138…" meet; anything that is
 * not a mainland mobile then has no hash.
 */
export function mobileSearchHash(keys: PersonalDataKeys, value: string | null | undefined): string | null {
  const digits = (value ?? "").normalize("NFKC").replace(/\D/g, "").slice(-11);
  return /^1\d{10}$/.test(digits) ? keys.searchHash("mobile", digits) : null;
}
