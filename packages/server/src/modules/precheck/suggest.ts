import type { TPrecheckResult } from "@beian/contracts";
import type { RegistryRecord } from "../../gateways/bureau/public-registry.js";

/**
 * Which filing type fits, from what the public registry says (R-PRE-1, R-PRE-2): neither
 * subject nor domain filed → 首次备案; the subject filed → 新增网站; the domain filed → 新增接入
 * (moving its access here) or, for the same provider, 变更备案.
 */
export function suggestFilingType(kind: "domain" | "certificate", records: RegistryRecord[]): TPrecheckResult["suggestion"] {
  const first = records[0];
  if (!first) {
    return kind === "domain"
      ? { type: "first", reason: "该域名尚未备案。如果您的主体也从未备案过，请选择“首次备案”；主体已备案的请选择“新增网站”。" }
      : { type: "first", reason: "该证件尚无备案记录，请选择“首次备案”。" };
  }
  if (kind === "domain") {
    return {
      type: "new_access",
      reason: `该域名已备案（网站备案号 ${first.siteIcpNumber}，主办者 ${first.subjectName}）。如需把网站接入到本接入商，请选择“新增接入”；如需修改已备案的信息，请选择“变更备案”。`,
    };
  }
  return {
    type: "new_site",
    reason: `该主体已备案（主体备案号 ${first.subjectIcpNumber}）。为新网站备案请选择“新增网站”，不要再次提交首次备案。`,
  };
}
