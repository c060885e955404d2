/**
 * Input hygiene shared by every validator. Callers may be plain JavaScript (the web form,
 * JSON from the API), so nothing here trusts the static type: non-strings become "".
 */

/** Anything that is not a string is treated as empty, so validators never throw. */
export function asText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * For codes (ID numbers, USCC, permits): full-width characters become ASCII (NFKC), spaces
 * and hyphens people type for readability are dropped, letters are upper-cased.
 */
export function compactCode(value: unknown): string {
  return asText(value).normalize("NFKC").replace(/[\s\-‐-―]/g, "").toUpperCase();
}

/** For names and free text: NFKC and trimmed, inner spaces kept. */
export function cleanText(value: unknown): string {
  return asText(value).normalize("NFKC").trim();
}

/** Length in characters as a person counts them (code points, so an emoji counts once). */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Codes longer than this are rejected before any pattern runs (10 000-character inputs). */
export const MAX_CODE_LENGTH = 64;
