/**
 * The help center's links for other features (the filing form, the status page): kept small and
 * free of the help content, so linking to help does not pull the help chunk into those pages.
 */
import { FINDING_CATALOG, type FilingStatus } from "@beian/rules";

/** Contextual help for each step of the filing form. */
export const HELP_FOR_STEP: Readonly<Record<string, { to: string; label: string }>> = {
  subject: { to: "/help/materials", label: "主体与资料要求" },
  websites: { to: "/help/site-names", label: "网站名称与前置审批" },
  materials: { to: "/help/photo", label: "幕布照与图片要求" },
  confirm: { to: "/help/process", label: "提交后的办理流程" },
};

/** Contextual help for a stage of the status page. */
export function helpForStatus(status: FilingStatus): { to: string; label: string } {
  if (status === "verifying") return { to: "/help/photo", label: "幕布照与核验说明" };
  if (status === "sms_pending") return { to: "/help/sms", label: "短信核验说明" };
  return { to: `/help/process#stage-${status}`, label: "办理流程说明" };
}

/** The help entry of a finding code (/help/findings#CODE), if the catalog knows the code. */
export function findingHelpHref(code: string): string | undefined {
  return Object.hasOwn(FINDING_CATALOG, code) ? `/help/findings#${code}` : undefined;
}
