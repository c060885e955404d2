import type { TFiling } from "@beian/contracts";
import { Card, Timeline, Typography } from "antd";
import { formatTime, statusLabel } from "../model/format";
import { ROLE_LABELS, actionLabel, compactTimeline } from "../model/timeline-labels";

const RETURNS = new Set(["filing.provider_return", "filing.photo_rejected", "filing.bureau_return", "filing.sms_failed", "filing.sms_expired"]);

/** Every change of the filing with who, when and why (R-ST-2), newest first. */
export function FilingTimeline({ timeline }: { timeline: TFiling["timeline"] }) {
  const entries = compactTimeline(timeline).reverse();
  return (
    <Card title="办理记录" size="small" style={{ marginBottom: 16 }}>
      <Timeline
        items={entries.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: RETURNS.has(e.action) ? "red" : e.toState ? "blue" : "gray",
          content: (
            <>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(e.at)}
                </Typography.Text>
              </div>
              <Typography.Text strong>
                {actionLabel(e.action, e.toState)}
                {e.count > 1 ? `（${e.count} 份）` : ""}
              </Typography.Text>
              <Typography.Text type="secondary"> · {ROLE_LABELS[e.actorRole] ?? "其他"}</Typography.Text>
              {e.fromState && e.toState && e.fromState !== e.toState && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {statusLabel(e.fromState)} → {statusLabel(e.toState)}
                  </Typography.Text>
                </div>
              )}
              {e.reason && <div style={{ whiteSpace: "pre-wrap", fontSize: 13 }}>{e.reason}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
