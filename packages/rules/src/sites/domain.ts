/**
 * Domains (DOM-1, DOM-2): the value must be a registrable (primary) domain under a fileable
 * suffix. IDNs (中文域名) are accepted in Unicode or punycode; the public-suffix split comes
 * from tldts (ICANN section only, so github.io-style private suffixes do not count).
 */
import punycode from "punycode/punycode.js";
import { parse } from "tldts";
import { report, type FindingCode } from "../catalog.js";
import { checked, type CheckResult } from "../finding.js";
import { asText } from "../text.js";
import { FILEABLE_SUFFIXES } from "./fileable-suffixes.js";

export interface DomainResult extends CheckResult {
  /** The whole input in ASCII (punycode) form, lower case. */
  ascii?: string;
  /** The same in Unicode, for display. */
  unicode?: string;
  /** The registrable domain (ASCII), even when the input was a subdomain. */
  registrable?: string;
}

export interface DomainOptions {
  path?: string;
  /** Replaces the built-in fileable list (Unicode labels without dot). */
  fileableSuffixes?: readonly string[];
}

const fileableAscii = new Map<readonly string[], Set<string>>();

function asciiSuffixSet(list: readonly string[]): Set<string> {
  let set = fileableAscii.get(list);
  if (!set) {
    set = new Set(list.map((s) => toAscii(s.toLowerCase()) ?? s));
    fileableAscii.set(list, set);
  }
  return set;
}

function toAscii(unicode: string): string | undefined {
  try {
    return punycode.toASCII(unicode);
  } catch {
    return undefined;
  }
}

/** Lower case, full-width and ideographic dots folded, one trailing dot removed. */
export function normalizeDomainInput(value: unknown): string {
  return asText(value)
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[。｡]/g, ".")
    .replace(/\.$/, "");
}

const ASCII_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const UNICODE_LABEL = /^[\p{L}\p{N}\p{M}-]+$/u;

export function checkDomain(value: string, options: DomainOptions = {}): DomainResult {
  const path = options.path ?? "";
  const text = normalizeDomainInput(value);
  const fail = (code: FindingCode, message: string, extra: Partial<DomainResult> = {}): DomainResult =>
    checked([report(code, path, message)], extra);

  if (text === "") return fail("DOMAIN_REQUIRED", "请填写网站域名，例如 example.com。");
  if (text.length > 253) return fail("DOMAIN_NOT_A_DOMAIN", "域名最长 253 个字符，请只填写主域名，例如 example.com。");
  if (/[:/?#@\s\\]/.test(text)) {
    return fail(
      "DOMAIN_NOT_A_DOMAIN",
      "这里只填写域名本身，例如 example.com；不要包含 http://、https://、路径、端口或空格。",
    );
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    return fail("DOMAIN_NOT_A_DOMAIN", "IP 地址不能作为备案域名，请填写已注册的域名，例如 example.com。");
  }
  const labels = text.split(".");
  if (labels.length < 2) return fail("DOMAIN_NOT_A_DOMAIN", `“${text}”缺少域名后缀，请填写完整域名，例如 ${text}.com。`);
  for (const label of labels) {
    const ascii = /^\p{ASCII}*$/u.test(label) ? label : UNICODE_LABEL.test(label) ? toAscii(label) : undefined;
    if (!ascii || !ASCII_LABEL.test(ascii) || (/^..--/.test(ascii) && !ascii.startsWith("xn--"))) {
      return fail(
        "DOMAIN_LABEL_INVALID",
        `域名中的“${label.slice(0, 63) || "（空）"}”部分不合规：每段只能由字母、数字、连字符或汉字组成，不能以连字符开头或结尾，段与段之间只用一个点。`,
      );
    }
  }
  const ascii = toAscii(text);
  if (!ascii || ascii.length > 253) return fail("DOMAIN_NOT_A_DOMAIN", "域名过长，请只填写主域名。");
  const unicode = safeToUnicode(ascii);

  const parsed = parse(ascii, { extractHostname: false });
  if (!parsed.isIcann || !parsed.publicSuffix) {
    const tld = labels[labels.length - 1] ?? "";
    return fail("DOMAIN_SUFFIX_UNKNOWN", `“.${tld}”不是已开放注册的域名后缀，请核对域名拼写。`, { ascii, unicode });
  }
  if (!parsed.domain) {
    return fail("DOMAIN_NOT_A_DOMAIN", `“${unicode}”只是域名后缀，请在前面加上您注册的名称，例如 example.${unicode}。`, {
      ascii,
      unicode,
    });
  }
  const registrable = parsed.domain;
  const tldAscii = ascii.slice(ascii.lastIndexOf(".") + 1);
  const fileable = asciiSuffixSet(options.fileableSuffixes ?? FILEABLE_SUFFIXES);
  if (!fileable.has(tldAscii)) {
    return fail(
      "DOMAIN_SUFFIX_NOT_FILEABLE",
      `“.${safeToUnicode(tldAscii)}”后缀的域名不能在工信部备案（注册局未获批准），请改用 .cn、.com、.net 等可备案后缀的域名。`,
      { ascii, unicode, registrable },
    );
  }
  if (registrable !== ascii) {
    const shown = safeToUnicode(registrable);
    return fail("DOMAIN_IS_SUBDOMAIN", `请填写主域名“${shown}”，不要填写“${unicode}”这样的子域名（含 www）；备案后其子域名都可使用。`, {
      ascii,
      unicode,
      registrable,
    });
  }
  return checked([], { ascii, unicode, registrable });
}

function safeToUnicode(ascii: string): string {
  try {
    return punycode.toUnicode(ascii);
  } catch {
    return ascii;
  }
}
