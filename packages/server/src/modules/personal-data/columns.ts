import { customType } from "drizzle-orm/pg-core";
import { decryptValue, encryptValue } from "./keyring.js";

/**
 * Which fields of a jsonb document are encrypted (issue 11.4): certificate numbers and mobiles,
 * wherever they sit in a filing's form, a subject or a filing's lifecycle; and the 备案密码 of a
 * 新增接入 (R-FORM-5), a credential at the bureau.
 */
function isPersonalField(key: string, parentKey: string | undefined): boolean {
  if (/^mobile\d?$/.test(key) || key === "filingPassword") return true;
  if (/certnumber$/i.test(key)) return true;
  return key === "number" && parentKey === "certificate";
}

function mapPersonalFields(value: unknown, map: (s: string) => string, parentKey?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapPersonalFields(v, map, parentKey));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = typeof v === "string" && v !== "" && isPersonalField(key, parentKey) ? map(v) : mapPersonalFields(v, map, key);
  }
  return out;
}

export const encryptPersonalFields = (value: unknown) => mapPersonalFields(value, encryptValue);
export const decryptPersonalFields = (value: unknown) => mapPersonalFields(value, decryptValue);

/**
 * jsonb whose certificate numbers and mobiles are encrypted on the way to the database and
 * decrypted on the way back: every reader of the column sees plain values and needs no change.
 * SQL cannot look into those fields; lookups go through keyed hashes (search-hash.ts).
 */
export const personalJsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(encryptPersonalFields(value)),
  fromDriver: (value) => decryptPersonalFields(typeof value === "string" ? JSON.parse(value) : value),
});

/** A text column encrypted as a whole (mobiles, SMS recipients, the XML sent to the bureau). */
export const encryptedText = customType<{ data: string; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => encryptValue(value),
  fromDriver: (value) => decryptValue(value),
});
