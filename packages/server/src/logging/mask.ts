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

export function maskPersonalData(value: unknown): unknown {
  return maskBelow(value, 0, undefined);
}

function maskBelow(value: unknown, depth: number, parentKey: string | undefined): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => maskBelow(v, depth + 1, parentKey));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEYS.test(key)) out[key] = "[redacted]";
    else if (typeof v === "string" && MOBILE_KEYS.test(key)) out[key] = maskMobile(v);
    // A form's certificate is `{ type, number }` (issue 11.4): its number is masked too.
    else if (typeof v === "string" && (CERT_KEYS.test(key) || (key === "number" && parentKey === "certificate"))) out[key] = maskCertificateNumber(v);
    else out[key] = maskBelow(v, depth + 1, key);
  }
  return out;
}

/** Masks a mobile or certificate number by the name of the field that holds it. */
function maskByKey(key: string, value: string): string {
  if (MOBILE_KEYS.test(key)) return maskMobile(value);
  if (CERT_KEYS.test(key)) return maskCertificateNumber(value);
  return "[redacted]";
}

/**
 * pino redaction: credentials never appear in a log line; mobiles and certificate numbers
 * (issue 11.4) appear masked (138****5678, 3301**********0101).
 */
export const LOG_REDACT = {
  paths: [
    "req.headers.authorization",
    "req.headers.cookie",
    'req.headers["x-csrf-token"]',
    'res.headers["set-cookie"]',
    "password",
    "*.password",
    "token",
    "*.token",
    ...["mobile", "mobile2", "recipient", "certificateNumber", "certNumber", "registrantCertNumber"].flatMap((k) => [k, `*.${k}`]),
  ],
  censor: (value: unknown, path: string[]) => {
    const key = path[path.length - 1] ?? "";
    if (typeof value !== "string") return "[redacted]";
    return key === "recipient" ? (value.includes("@") ? "[redacted]" : maskMobile(value)) : maskByKey(key, value);
  },
};

/** Query values that look like a mobile or certificate number (the queue's search, the pre-check). */
const LONG_NUMBER = /[0-9]{6,}[0-9Xx]*/;

function maskUrl(url: string): string {
  const at = url.indexOf("?");
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const [key, value] of params) {
    if (LONG_NUMBER.test(value)) params.set(key, /^(\+?86)?1\d{10}$/.test(value) ? maskMobile(value) : maskCertificateNumber(value));
  }
  return `${url.slice(0, at)}?${params.toString()}`;
}

/** The request as Fastify logs it, with personal data in the query string masked (issue 11.4). */
export function requestForLog(request: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
  return { method: request.method, url: maskUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}
