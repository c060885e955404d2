import { Form, type FormItemProps } from "antd";
import type { ReactNode } from "react";
import { toNamePath } from "../model/paths";
import { bySeverity } from "../model/use-live-findings";
import { useFindingsView } from "./findings-context";
import { FindingMessages } from "./finding-messages";

interface Props extends Omit<FormItemProps, "name" | "help" | "validateStatus"> {
  /** The field's path in the filing form, as findings name it. */
  path: string;
  /** Further paths whose findings belong on this field (e.g. "province" on the address). */
  also?: string[];
  /** Bound to the form under `path` (default), or a display-only item. */
  bind?: boolean;
  children: ReactNode;
}

/**
 * A form item that shows the rules' findings for its path under the input: errors in red,
 * warnings in amber, review points in blue; the `extra` hint stays below them.
 */
export function FindingField({ path, also = [], bind = true, children, ...item }: Props) {
  const { byPath, shown, returns } = useFindingsView();
  const paths = [path, ...also];
  const findings = [...paths.flatMap((p) => returns.get(p) ?? []), ...paths.filter(shown).flatMap((p) => byPath.get(p) ?? []).sort(bySeverity)];
  const worst = [...findings].sort(bySeverity)[0]?.severity;
  return (
    <div data-path={path} data-also={also.join(" ") || undefined}>
      <Form.Item
        {...item}
        {...(bind ? { name: toNamePath(path) } : {})}
        validateStatus={worst === "error" ? "error" : worst === "warning" ? "warning" : ""}
        help={findings.length > 0 ? <FindingMessages findings={findings} /> : undefined}
      >
        {children}
      </Form.Item>
    </div>
  );
}

/** Findings on a whole part of the form (e.g. "subject.principal"), shown above its fields. */
export function SectionFindings({ path }: { path: string }) {
  const { byPath, shown, returns } = useFindingsView();
  const findings = [...(returns.get(path) ?? []), ...(shown(path) ? [...(byPath.get(path) ?? [])].sort(bySeverity) : [])];
  if (findings.length === 0) return null;
  return (
    <div data-path={path} style={{ marginBottom: 16 }}>
      <FindingMessages findings={findings} />
    </div>
  );
}
