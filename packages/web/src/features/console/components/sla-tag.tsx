import type { TQueueItem } from "@beian/contracts";
import { Tag, Typography } from "antd";
import { formatDeadline } from "../model/format";

const SLA = {
  overdue: { label: "已超时", color: "red" },
  due_today: { label: "今日到期", color: "orange" },
  on_time: { label: "未到期", color: "green" },
  none: { label: "无时限", color: "default" },
} as const;

/** The working-day deadline of an item (R-REV-3) and how it stands. */
export function SlaTag({ sla, dueAt }: { sla: TQueueItem["sla"]; dueAt: string | null }) {
  const s = SLA[sla];
  return (
    <div style={{ whiteSpace: "nowrap" }}>
      <Tag color={s.color}>{s.label}</Tag>
      {dueAt && (
        <div>
          <Typography.Text type={sla === "overdue" ? "danger" : "secondary"} style={{ fontSize: 12 }}>
            {formatDeadline(dueAt)} 前
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** Overdue rows stand out in red, those due today in amber. */
export const SLA_ROW_BACKGROUND: Partial<Record<TQueueItem["sla"], string>> = { overdue: "#fff1f0", due_today: "#fffbe6" };
