import { ArrowLeftOutlined } from "@ant-design/icons";
import type { TFiling, TMaterialView } from "@beian/contracts";
import { FILING_TYPES, type FilingStatus } from "@beian/rules";
import { Alert, Button, Card, Col, Grid, Result, Row, Space, Spin, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { FilingFields } from "../components/filing-fields";
import { FilingTimeline } from "../components/filing-timeline";
import { FindingNotes } from "../components/finding-notes";
import { MailingDialog } from "../components/mailing-dialog";
import { MaterialGallery } from "../components/material-gallery";
import { OnSiteDialog } from "../components/on-site-dialog";
import { PrintableForms } from "../components/printable-forms";
import { ReturnDialog } from "../components/return-dialog";
import { ReturnHistory } from "../components/return-history";
import { ReviewActions } from "../components/review-actions";
import { VerificationCard } from "../components/verification-card";
import { fieldLabel, filingSections } from "../model/field-labels";
import { STATUS_COLORS, formatDeadline, statusLabel } from "../model/format";
import { reviewApi } from "../model/review-api";
import { useReview } from "../model/use-review";

type Dialog = "return" | "photo" | "mailing" | "on-site" | null;

const latestPhoto = (filing: TFiling): TMaterialView | undefined =>
  filing.materials.filter((m) => m.kind === "verification_photo").sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);

/** The last return's reasons while the applicant's answer to it waits for review. */
function answeredReturn(filing: TFiling) {
  const last = filing.returns.at(-1);
  return filing.status === "submitted" && last && last.by !== "photo" ? last.reasons : [];
}

/** /console/filings/:id: one filing under review, every field with its findings, materials, history and decisions. */
export default function ReviewPage() {
  const { id = "" } = useParams();
  const { filing, checklist, templates, problem, notice, refresh, act } = useReview(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const sections = useMemo(() => (filing ? filingSections(filing) : []), [filing]);
  const wide = Grid.useBreakpoint().xl ?? false;

  if (problem) return <Result status="warning" title={problem} extra={<Button onClick={() => void refresh()}>重试</Button>} />;
  if (!filing) return <Spin style={{ display: "block", margin: "20vh auto" }} />;

  const status = filing.status as FilingStatus;
  const photo = latestPhoto(filing);
  // As the queue judges it: while verifying, a running deadline means an uploaded photo waits.
  const photoWaiting = status === "verifying" && filing.reviewDueAt !== null && photo !== undefined && !filing.verification.passed;
  const showVerification = status === "verifying" || filing.verification.method !== null || filing.verification.passed;
  const close = (ok: boolean) => {
    if (ok) setDialog(null);
    return ok;
  };
  const personal = filing.form.subject?.type === "personal";

  // Beside the filing on a wide screen; on a phone the decisions come first and the records last.
  const decisions = (
    <>
      <ReviewActions
        filing={filing}
        onApprove={() => void act("已初审通过", (v) => reviewApi.approve(id, v))}
        onReturn={() => setDialog("return")}
        onSubmitToBureau={() => void act("已提交管局", (v) => reviewApi.submitToBureau(id, v))}
      />
      {showVerification && (
        <VerificationCard
          filing={filing}
          photo={photo}
          photoWaiting={photoWaiting}
          onApprovePhoto={() => void act("核验照片已通过", (v) => reviewApi.approvePhoto(id, v))}
          onRejectPhoto={() => setDialog("photo")}
          onMailing={() => setDialog("mailing")}
          onOnSite={() => setDialog("on-site")}
        />
      )}
      <ReturnHistory returns={filing.returns} sections={sections} />
    </>
  );
  const records = (
    <>
      {status !== "draft" && <PrintableForms filingId={id} version={filing.version} />}
      <FilingTimeline timeline={filing.timeline} />
    </>
  );

  return (
    <>
      <Link to="/console" style={{ display: "inline-block", marginBottom: 8 }}>
        <ArrowLeftOutlined /> 返回审核队列
      </Link>
      <Space wrap align="center" style={{ display: "flex", marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          备案审核 · {filing.form.subject?.name || "（未填写主办者）"}
        </Typography.Title>
        <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>
        <Tag>{FILING_TYPES[filing.type]}</Tag>
        {filing.reviewDueAt && <Typography.Text type="secondary">审核时限：{formatDeadline(filing.reviewDueAt)} 前</Typography.Text>}
        {filing.icpNumber && <Tag color="success">{filing.icpNumber}</Tag>}
      </Space>
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          title={notice.text}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" onClick={() => void refresh()}>
              刷新
            </Button>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16} style={{ minWidth: 0 }}>
          {!wide && decisions}
          {filing.findings.length > 0 && (
            <Card title={`自动初审发现（${filing.findings.length} 项）`} size="small" style={{ marginBottom: 16 }}>
              <FindingNotes findings={filing.findings} prefix={(f) => fieldLabel(sections, f.path)} />
            </Card>
          )}
          <FilingFields sections={sections} findings={filing.findings} returned={answeredReturn(filing)} />
          <MaterialGallery checklist={checklist} materials={filing.materials} sections={sections} />
          {!wide && records}
        </Col>
        {wide && (
          <Col xl={8} style={{ minWidth: 0 }}>
            {decisions}
            {records}
          </Col>
        )}
      </Row>
      <ReturnDialog
        open={dialog === "return"}
        title="退回主办者修改"
        okText="退回"
        sections={sections}
        templates={templates}
        onCancel={() => setDialog(null)}
        onSubmit={async (reasons) => close(await act("已退回主办者", (v) => reviewApi.returnFiling(id, v, reasons)))}
      />
      <ReturnDialog
        open={dialog === "photo"}
        title="核验照片不通过"
        okText="不通过"
        templates={templates}
        preferred={(t) => t.code.startsWith("PHOTO_")}
        onCancel={() => setDialog(null)}
        onSubmit={async (reasons) => close(await act("已通知主办者重新拍摄", (v) => reviewApi.rejectPhoto(id, v, reasons)))}
      />
      <MailingDialog
        open={dialog === "mailing"}
        initial={filing.verification.mailing ?? undefined}
        onCancel={() => setDialog(null)}
        onSubmit={async (trackingNumber, mailedAt) => close(await act("已登记幕布寄出", (v) => reviewApi.recordMailing(id, v, trackingNumber, mailedAt)))}
      />
      <OnSiteDialog
        open={dialog === "on-site"}
        personal={personal}
        onCancel={() => setDialog(null)}
        onSubmit={async (record) => close(await act("现场核验已登记，核验通过", (v) => reviewApi.recordOnSite(id, v, record)))}
      />
    </>
  );
}
