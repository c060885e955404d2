import type { TFiling } from "@beian/contracts";
import { FILING_STATUSES, FILING_TYPES, stageName, type FilingStatus } from "@beian/rules";
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { filingsApi } from "../../../api/filings";
import { StageTag } from "../../../components/stage-tag";
import { ApiError } from "../../../lib/api";
import { formatDeadline, formatShanghai } from "../../../lib/datetime";
import { helpForStatus } from "../../help/links";
import { FindingsList } from "../components/findings-list";
import { ApprovedPanel } from "../components/approved-panel";
import { PrintableForms } from "../components/printable-forms";
import { SmsStatus } from "../components/sms-status";
import { VerificationPanel } from "../components/verification-panel";
import { WithdrawButton } from "../components/withdraw-button";
import { actionLabel, ROLE_LABELS, stepOf } from "../model/labels";
import { bySeverity } from "../model/use-live-findings";

const WHOSE_TURN = { applicant: { color: "orange", text: "需要您操作" }, provider: { color: "blue", text: "等待接入商" }, bureau: { color: "blue", text: "等待管局" }, none: { color: "default", text: "无需操作" } } as const;
const RETURNED_BY = { provider: "接入商初审退回", photo: "核验照片未通过", bureau: "管局退回" } as const;

/** /filings/:id: the stage (R-ST-1), what to do next, the return reasons at their fields, and every change with who, when and why (R-ST-2). */
export default function FilingStatusPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
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

  const status = filing.status as FilingStatus;
  const editable = FILING_STATUSES[status]?.editable ?? false;
  const turn = WHOSE_TURN[filing.nextStep.actor];
  const lastReturn = editable ? filing.returns.at(-1) : undefined;
  const stageChanges = filing.timeline.filter((e) => e.toState !== null || e.action === "filing.created");
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
            ...(filing.icpNumber ? [{ key: "icp", label: "备案号", children: <Typography.Text strong copyable>{filing.icpNumber}</Typography.Text> }] : []),
            { key: "subject", label: "主办者", children: filing.subjectName ?? "—" },
            { key: "domains", label: "域名", children: filing.domains.join("、") || "—" },
            { key: "submitted", label: "提交时间", children: formatShanghai(filing.submittedAt) },
            ...(filing.reviewDueAt ? [{ key: "due", label: "预计审核完成", children: formatDeadline(filing.reviewDueAt) }] : []),
          ]}
        />
      </Card>

      <Card title="下一步" extra={<Tag color={turn.color}>{turn.text}</Tag>} style={{ marginBottom: 16 }} data-testid="next-step">
        <Typography.Paragraph style={{ fontSize: 15 }}>
          {filing.nextStep.text}{" "}
          <Link to={helpForStatus(status).to} target="_blank" data-testid="status-help">
            帮助：{helpForStatus(status).label}
          </Link>
        </Typography.Paragraph>
        <Space wrap>
          {editable && (
            <Link to={`/filings/${filing.id}/edit`}>
              <Button type="primary">{status === "draft" ? "继续填写" : "修改并重新提交"}</Button>
            </Link>
          )}
          <WithdrawButton filing={filing} onWithdrawn={setFiling} />
          {status === "withdrawn" && (
            <Link to="/filings/new" data-testid="withdrawn-restart">
              <Button type="primary">重新开始备案</Button>
            </Link>
          )}
        </Space>
      </Card>

      {filing.sms && <SmsStatus sms={filing.sms} />}
      {status === "verifying" && <VerificationPanel filing={filing} onChange={setFiling} />}
      {status === "approved" && <ApprovedPanel filing={filing} />}

      {lastReturn && lastReturn.reasons.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="return-reasons"
          title={`${RETURNED_BY[lastReturn.by]}（${formatShanghai(lastReturn.at)}）`}
          description={
            <FindingsList
              items={lastReturn.reasons.map((r) => ({ path: r.path ?? "", code: r.code, message: r.message }))}
              form={filing.form}
              onGo={(r) => navigate(`/filings/${filing.id}/edit?${new URLSearchParams({ step: stepOf(r.path, r.code), field: r.path }).toString()}`)}
            />
          }
        />
      )}

      {/* A withdrawn filing is not printed and signed any more (WF-4). */}
      {status !== "draft" && status !== "withdrawn" && <PrintableForms filingId={filing.id} />}

      {findings.length > 0 && (
        <Card title="自动初审提示（接入商审核员将核对）" style={{ marginBottom: 16 }}>
          <FindingsList items={findings} form={filing.form} />
        </Card>
      )}

      <Card title="办理记录">
        <Timeline
          items={[...stageChanges].reverse().map((e) => ({
            key: `${e.at}:${e.action}`,
            color: e.toState === "returned_by_provider" || e.toState === "returned_by_bureau" ? "red" : e.toState === "withdrawn" ? "gray" : "blue",
            title: formatShanghai(e.at),
            content: (
              <div>
                <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">操作人：{ROLE_LABELS[e.actorRole] ?? e.actorRole}</Typography.Text>
                </div>
                {e.toState && (
                  <div>
                    阶段：{e.fromState && e.fromState !== e.toState ? `${stageName(e.fromState as FilingStatus)} → ` : ""}
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
