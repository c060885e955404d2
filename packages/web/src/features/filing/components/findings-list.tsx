import type { TFilingForm } from "@beian/contracts";
import type { Severity } from "@beian/rules";
import { Button, Flex } from "antd";
import { describePath } from "../model/labels";
import { FindingHelpLink, useSeverityStyle } from "./finding-messages";

export interface ListedFinding {
  path: string;
  code: string;
  message: string;
  severity?: Severity;
}

/** Findings or refusals, each with where it applies; a click takes the applicant to the field. */
export function FindingsList({ items, form, onGo }: { items: readonly ListedFinding[]; form: TFilingForm | undefined; onGo?: (f: ListedFinding) => void }) {
  const style = useSeverityStyle();
  return (
    <Flex vertical gap={8} component="ol" style={{ margin: 0, paddingInlineStart: 20 }}>
      {items.map((f, i) => {
        const s = style[f.severity ?? "error"];
        return (
          <li key={`${f.path}:${f.code}:${i}`} data-severity={f.severity ?? "error"} style={{ color: s.color }}>
            {onGo ? (
              <Button type="link" onClick={() => onGo(f)} style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "start", fontWeight: 600 }}>
                {describePath(f.path, form)}
              </Button>
            ) : (
              <strong>{describePath(f.path, form)}</strong>
            )}
            <span style={{ color: "inherit" }}>：{f.message}</span>
            <FindingHelpLink code={f.code} />
          </li>
        );
      })}
    </Flex>
  );
}
