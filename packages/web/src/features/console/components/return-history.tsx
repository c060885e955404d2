import type { TFiling } from "@beian/contracts";
import { Card, List, Tag, Typography } from "antd";
import { fieldLabel, type FieldSection } from "../model/field-labels";
import { formatTime } from "../model/format";
import { RETURN_SOURCES } from "../model/timeline-labels";

/** Earlier returns with their reasons, newest first: a resubmitted filing is checked against them. */
export function ReturnHistory({ returns, sections }: { returns: TFiling["returns"]; sections: FieldSection[] }) {
  if (returns.length === 0) return null;
  return (
    <Card title={`退回记录（${returns.length} 次）`} size="small" style={{ marginBottom: 16 }} data-testid="return-history">
      {[...returns].reverse().map((r, i) => (
        <div key={`${r.at}-${i}`} style={{ marginBottom: i < returns.length - 1 ? 16 : 0 }}>
          <div style={{ marginBottom: 4 }}>
            <Tag color={r.by === "photo" ? "magenta" : "orange"}>{RETURN_SOURCES[r.by]}</Tag>
            <Typography.Text type="secondary">{formatTime(r.at)}</Typography.Text>
          </div>
          <List
            size="small"
            bordered
            dataSource={r.reasons}
            renderItem={(reason, j) => (
              <List.Item key={j} style={{ display: "block" }}>
                <Typography.Text strong>{!reason.path && r.by === "photo" ? "核验照片" : fieldLabel(sections, reason.path)}</Typography.Text>
                <div>{reason.message}</div>
              </List.Item>
            )}
          />
        </div>
      ))}
    </Card>
  );
}
