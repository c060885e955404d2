import { Tag } from "antd";
import type { FilingStatus } from "@beian/rules";

const COLORS: Record<FilingStatus, string> = {
  draft: "default",
  submitted: "processing",
  returned_by_provider: "warning",
  verifying: "processing",
  sms_pending: "processing",
  bureau_review: "processing",
  returned_by_bureau: "error",
  approved: "success",
  withdrawn: "default",
  expired: "default",
};

/** The stage as the API names it (R-ST-1), coloured by the status behind it. */
export function StageTag({ status, stage }: { status: FilingStatus; stage: string }) {
  return (
    <Tag color={COLORS[status] ?? "default"} data-testid="stage">
      {stage}
    </Tag>
  );
}
