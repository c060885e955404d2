import { maskMobile } from "@beian/rules";

/**
 * Personal data never reaches logs or audit payloads in full: passwords and tokens are
 * dropped, mobiles and certificate numbers masked, by key name, at any depth.
 */
const SECRET_KEYS = /pass(word)?|token|secret|authorization|cookie|csrf|hash/i;
const MOBILE_KEYS = /mobile|phone|tel/i;
const CERT_KEYS = /cert(ificate)?(number|no)|idnumber|zjhm|uscc/i;

export function maskCertificateNumber(value: string): string {
  if (value.length <= 4) return "****";
  const keep = value.length >= 15 ? 4 : 2;
  return `${value.slice(0, keep)}${"*".repeat(value.length - keep * 2)}${value.slice(-keep)}`;
}

export function maskPersonalData(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEYS.test(key)) out[key] = "[redacted]";
    else if (typeof v === "string" && MOBILE_KEYS.test(key)) out[key] = maskMobile(v);
    else if (typeof v === "string" && CERT_KEYS.test(key)) out[key] = maskCertificateNumber(v);
    else out[key] = maskPersonalData(v, depth + 1);
  }
  return out;
}

/** pino redaction paths for request logs: credentials never appear in a log line. */
export const LOG_REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "password",
  "*.password",
  "token",
  "*.token",
];
