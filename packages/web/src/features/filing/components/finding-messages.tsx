import { ExclamationCircleFilled, InfoCircleFilled, WarningFilled } from "@ant-design/icons";
import type { Finding } from "@beian/rules";
import { theme } from "antd";
import { Link } from "react-router";
import { findingHelpHref } from "../../help/links";

/** How a finding looks: errors red (block submission), warnings amber, review points blue. */
export function useSeverityStyle() {
  const { token } = theme.useToken();
  return {
    error: { color: token.colorError, icon: <ExclamationCircleFilled />, label: "需修改" },
    warning: { color: token.colorWarningText, icon: <WarningFilled />, label: "提醒" },
    review: { color: token.colorInfoText, icon: <InfoCircleFilled />, label: "审核员核对" },
  } as const;
}

/** "查看说明": the finding's entry in the help center, in a new tab so the form stays open. */
export function FindingHelpLink({ code }: { code: string }) {
  const href = findingHelpHref(code);
  if (!href) return null;
  return (
    <Link to={href} target="_blank" style={{ marginInlineStart: 6, fontSize: 12, whiteSpace: "nowrap" }}>
      查看说明
    </Link>
  );
}

export function FindingMessages({ findings }: { findings: readonly Finding[] }) {
  const style = useSeverityStyle();
  return (
    <div className="finding-messages">
      {findings.map((f) => (
        <div key={`${f.code}:${f.message}`} data-severity={f.severity} style={{ color: style[f.severity].color, display: "flex", gap: 6, alignItems: "baseline" }}>
          <span aria-hidden>{style[f.severity].icon}</span>
          <span>
            {f.message}
            <FindingHelpLink code={f.code} />
          </span>
        </div>
      ))}
    </div>
  );
}
