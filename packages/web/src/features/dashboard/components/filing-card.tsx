import type { TFilingSummary } from "@beian/contracts";
import { FILING_STATUSES, FILING_TYPES, type FilingStatus } from "@beian/rules";
import { Button, Card, Flex, Typography } from "antd";
import { Link } from "react-router";
import { StageTag } from "../../../components/stage-tag";
import { formatShanghai } from "../../../lib/datetime";

/** One of the applicant's filings: type, stage (R-ST-1), subject and domains, and where to go on. */
export function FilingCard({ filing }: { filing: TFilingSummary }) {
  const editable = FILING_STATUSES[filing.status as FilingStatus]?.editable ?? false;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="filing-card">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ minWidth: 0, flex: "1 1 220px" }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{FILING_TYPES[filing.type]}</Typography.Text>
            <StageTag status={filing.status as FilingStatus} stage={filing.stage} />
          </Flex>
          <div>{filing.subjectName ?? "（主办者未填写）"}</div>
          <Typography.Text type="secondary">{filing.domains.join("、") || "（域名未填写）"}</Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {filing.submittedAt ? `提交于 ${formatShanghai(filing.submittedAt)}` : `更新于 ${formatShanghai(filing.updatedAt)}`}
            </Typography.Text>
          </div>
        </div>
        <Flex gap={8} wrap>
          {editable && (
            <Link to={`/filings/${filing.id}/edit`}>
              <Button type="primary">{filing.status === "draft" ? "继续填写" : "修改并重新提交"}</Button>
            </Link>
          )}
          <Link to={`/filings/${filing.id}`}>
            <Button>查看进度</Button>
          </Link>
        </Flex>
      </Flex>
    </Card>
  );
}
