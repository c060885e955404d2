/** DOM-9 (MIIT result 1041): the home URL must be on one of the site's domains. */
import punycode from "punycode/punycode.js";
import { report } from "../catalog.js";
import { checked, type CheckResult } from "../finding.js";
import { cleanText } from "../text.js";
import { normalizeDomainInput } from "./domain.js";

function toAscii(d: string): string {
  try {
    return punycode.toASCII(normalizeDomainInput(d));
  } catch {
    return "";
  }
}

export function checkHomeUrl(
  value: string,
  domains: readonly string[],
  options: { path?: string } = {},
): CheckResult & { host?: string } {
  const path = options.path ?? "";
  const text = cleanText(value);
  if (text === "") return checked([report("HOME_URL_REQUIRED", path, "请填写网站首页地址，例如 www.example.com。")], {});
  let url: URL | undefined;
  try {
    url = text.length <= 2048 ? new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    return checked([report("HOME_URL_INVALID", path, "首页地址格式不正确，请填写如 www.example.com 或 https://www.example.com/ 的地址。")], {});
  }
  const host = url.hostname.replace(/\.$/, "");
  const owned = domains.map(toAscii).filter((d) => d !== "");
  if (!owned.some((d) => host === d || host.endsWith(`.${d}`))) {
    return checked(
      [
        report(
          "HOME_URL_NOT_ON_DOMAIN",
          path,
          `首页地址的域名“${host}”不属于本网站填写的域名${owned.length ? `（${owned.join("、")}）` : ""}，请改为这些域名下的地址。`,
        ),
      ],
      { host },
    );
  }
  return checked([], { host });
}
