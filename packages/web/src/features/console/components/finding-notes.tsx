import type { TFiling } from "@beian/contracts";
import { Space, Tag, Typography } from "antd";
import { SEVERITY } from "../model/format";

type Finding = TFiling["findings"][number];

const ORDER = { error: 0, warning: 1, review: 2 } as const;
export const bySeverity = (a: Finding, b: Finding) => ORDER[a.severity] - ORDER[b.severity];

/** Pre-review findings (R-REV-1) as notes under the field they concern. */
export function FindingNotes({ findings, prefix }: { findings: Finding[]; prefix?: (f: Finding) => string }) {
  if (findings.length === 0) return null;
  return (
    <Space orientation="vertical" size={2} style={{ display: "flex", marginTop: 4 }}>
      {[...findings].sort(bySeverity).map((f, i) => (
        <div key={`${f.code}-${f.path}-${i}`} data-finding={f.code} style={{ lineHeight: 1.6 }}>
          <Tag color={SEVERITY[f.severity].color} style={{ marginInlineEnd: 6 }}>
            {SEVERITY[f.severity].label}
          </Tag>
          <Typography.Text style={{ fontSize: 13 }}>
            {prefix ? `${prefix(f)}：` : ""}
            {f.message}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
}
