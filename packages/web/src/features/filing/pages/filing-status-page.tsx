import type { TFiling } from "@beian/contracts";
import { FILING_TYPES, stageName, type FilingStatus } from "@beian/rules";
import { Alert, Button, Card, Descriptions, Result, Spin, Timeline, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { filingsApi } from "../../../api/filings";
import { StageTag } from "../../../components/stage-tag";
import { ApiError } from "../../../lib/api";
import { formatShanghai } from "../../../lib/datetime";
import { FindingsList } from "../components/findings-list";
import { actionLabel, ROLE_LABELS } from "../model/labels";
import { nextStep } from "../model/next-step";
import { bySeverity } from "../model/use-live-findings";

const RETURNS = new Set(["returned_by_provider", "returned_by_bureau"]);

/** /filings/:id: the stage (R-ST-1), what to do next, and every change with who, when and why (R-ST-2). */
export default function FilingStatusPage() {
  const { id = "" } = useParams();
  const [filing, setFiling] = useState<TFiling | null>(null);
  const [problem, setProblem] = useState("");

  const load = useCallback(async () => {
    setProblem("");
    try {
      setFiling(await filingsApi.get(id));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "备案进度加载失败，请稍后重试。");
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <Result status="warning" title={problem} extra={<Button onClick={() => void load()}>重试</Button>} />;
  if (!filing) return <Spin style={{ display: "block", margin: "20vh auto" }} />;

  const next = nextStep(filing);
  const status = filing.status as FilingStatus;
  const transitions = filing.timeline.filter((e) => e.toState !== null || e.action !== "material.uploaded");
  const lastReturn = [...filing.timeline].reverse().find((e) => e.toState !== null && RETURNS.has(e.toState));
  const findings = [...filing.findings].sort(bySeverity);
  return (
    <>
      <Typography.Title level={3}>备案进度</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: "stage", label: "备案阶段", children: <StageTag status={status} stage={filing.stage} /> },
            { key: "type", label: "备案类型", children: FILING_TYPES[filing.type] },
            { key: "subject", label: "主办者", children: filing.subjectName ?? "—" },
            { key: "domains", label: "域名", children: filing.domains.join("、") || "—" },
            { key: "submitted", label: "提交时间", children: formatShanghai(filing.submittedAt) },
            { key: "updated", label: "最近更新", children: formatShanghai(filing.updatedAt) },
          ]}
        />
      </Card>

      <Card title="下一步" style={{ marginBottom: 16 }} data-testid="next-step">
        <Typography.Paragraph strong style={{ fontSize: 16 }}>
          {next.title}
        </Typography.Paragraph>
        <Typography.Paragraph>{next.description}</Typography.Paragraph>
        {next.action && (
          <Link to={next.action.to}>
            <Button type="primary">{next.action.label}</Button>
          </Link>
        )}
      </Card>

      {lastReturn && RETURNS.has(status) && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`退回原因（${formatShanghai(lastReturn.at)}，${ROLE_LABELS[lastReturn.actorRole] ?? lastReturn.actorRole}）`} description={lastReturn.reason ?? "未注明原因"} />
      )}

      {findings.length > 0 && (
        <Card title={RETURNS.has(status) ? "需要修改的地方" : "自动初审提示（审核员将核对）"} style={{ marginBottom: 16 }}>
          <FindingsList items={findings} form={filing.form} />
        </Card>
      )}

      <Card title="办理记录">
        <Timeline
          items={[...transitions].reverse().map((e) => ({
            key: `${e.at}:${e.action}`,
            color: e.toState && RETURNS.has(e.toState) ? "red" : e.toState ? "blue" : "gray",
            title: formatShanghai(e.at),
            content: (
              <div>
                <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">操作人：{ROLE_LABELS[e.actorRole] ?? e.actorRole}</Typography.Text>
                </div>
                {e.toState && (
                  <div>
                    阶段：{e.fromState ? `${stageName(e.fromState as FilingStatus)} → ` : ""}
                    {stageName(e.toState as FilingStatus)}
                  </div>
                )}
                {e.reason && <div>原因：{e.reason}</div>}
              </div>
            ),
          }))}
        />
      </Card>
    </>
  );
}
