import { ArrowLeftOutlined, FilePdfOutlined } from "@ant-design/icons";
import { SPECIAL_WEBSITE_DOCUMENTS, type SpecialWebsiteDocumentKind, type TSpecialWebsite } from "@beian/contracts";
import { CERTIFICATE_TYPES, type CertificateType } from "@beian/rules";
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Image, Result, Row, Space, Spin, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { MaterialImage } from "../components/material-gallery";
import { SpecialWebsiteDecision } from "../components/special-website-decision";
import { formatTime } from "../model/format";
import { SPECIAL_WEBSITE_STATUS_COLORS } from "../model/special-website-review";
import { specialWebsiteReviewApi } from "../model/special-website-review-api";
import { useSpecialWebsiteReview } from "../model/use-special-website-review";

const KINDS = Object.keys(SPECIAL_WEBSITE_DOCUMENTS) as SpecialWebsiteDocumentKind[];
const certificateLabel = (type: string) => CERTIFICATE_TYPES[type as CertificateType]?.label ?? type;

function RecordFields({ record: r }: { record: TSpecialWebsite }) {
  const personal = r.holder.type === "personal";
  return (
    <Card title="登记信息" size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        styles={{ label: { width: 140 }, content: { wordBreak: "break-all" } }}
        items={[
          { key: "site", label: "网站名称", children: r.siteName },
          { key: "domain", label: "网站域名", children: r.domain },
          { key: "icp", label: "网站备案号", children: r.icpNumber },
          { key: "type", label: "主办者性质", children: personal ? "个人" : "单位" },
          { key: "holder", label: personal ? "主办者姓名" : "主办单位名称", children: r.holder.name },
          { key: "certType", label: "证件类型", children: certificateLabel(r.holder.certificateType) },
          { key: "certNumber", label: "证件号码", children: r.holder.certificateNumber },
          { key: "contact", label: "24 小时应急联系人", children: r.emergencyContact.name },
          { key: "mobile", label: "应急联系手机", children: r.emergencyContact.mobile },
          { key: "qq", label: "应急联系 QQ", children: r.emergencyContact.qq },
          { key: "created", label: "登记时间", children: formatTime(r.createdAt) },
          { key: "updated", label: "最近修改", children: formatTime(r.updatedAt) },
          { key: "reviewed", label: "最近审核", children: formatTime(r.reviewedAt) },
        ]}
      />
    </Card>
  );
}

function RecordDocuments({ record }: { record: TSpecialWebsite }) {
  return (
    <Card title="资料" size="small" style={{ marginBottom: 16 }}>
      <Image.PreviewGroup>
        <Flex wrap gap={16}>
          {KINDS.map((kind) => {
            const doc = record.documents.find((d) => d.kind === kind);
            const label = SPECIAL_WEBSITE_DOCUMENTS[kind];
            return (
              <div key={kind} data-testid={`document-${kind}`} style={{ width: 220, maxWidth: "100%", padding: 12, border: "1px solid #f0f0f0", borderRadius: 8 }}>
                <Typography.Text strong>{label}</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  {doc ? (
                    <>
                      <MaterialImage material={doc} alt={label} />
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: "block", textAlign: "center" }}>
                        {formatTime(doc.uploadedAt)} 上传
                      </Typography.Text>
                    </>
                  ) : (
                    <Tag color="red" style={{ whiteSpace: "normal" }}>
                      缺少此项资料
                    </Tag>
                  )}
                </div>
              </div>
            );
          })}
        </Flex>
      </Image.PreviewGroup>
      <Typography.Paragraph type="secondary" style={{ margin: "12px 0 0" }}>
        点击图片可放大、旋转查看。对照签字的责任书，可打开系统按登记内容预填的版本：
        <a href={specialWebsiteReviewApi.letterUrl(record.id)} target="_blank" rel="noreferrer" data-testid="letter-download">
          <FilePdfOutlined /> 信息安全责任书（PDF）
        </a>
      </Typography.Paragraph>
    </Card>
  );
}

/** /console/special-websites/:id — one special website (R-FORM-7): every field, both documents, the decision. */
export default function SpecialWebsiteReviewPage() {
  const { id = "" } = useParams();
  const { record, loadProblem, problem, busy, reload, accept, returnRecord } = useSpecialWebsiteReview(id);
  const wide = Grid.useBreakpoint().xl ?? false;

  if (loadProblem && !record) return <Result status="warning" title={loadProblem} extra={<Button onClick={() => void reload()}>重试</Button>} />;
  if (!record) return <Spin style={{ display: "block", margin: "20vh auto" }} />;

  const decision = <SpecialWebsiteDecision record={record} problem={problem} busy={busy} onAccept={() => void accept()} onReturn={returnRecord} />;
  return (
    <>
      <Link to="/console/special-websites" style={{ display: "inline-block", marginBottom: 8 }}>
        <ArrowLeftOutlined /> 返回特殊网站列表
      </Link>
      <Space wrap align="center" style={{ display: "flex", marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0, wordBreak: "break-all" }}>
          特殊网站 · {record.siteName}
        </Typography.Title>
        <Tag color={SPECIAL_WEBSITE_STATUS_COLORS[record.status]} data-testid="special-website-status">
          {record.statusLabel}
        </Tag>
      </Space>
      {record.status !== "accepted" && record.reviewReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="special-website-return"
          // After a return the applicant's change sends the record back here: the reason stays in sight.
          title={`${record.status === "returned" ? "已退回" : "上次退回"}（${formatTime(record.reviewedAt)}）`}
          description={record.reviewReason}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16} style={{ minWidth: 0 }}>
          {!wide && decision}
          <RecordFields record={record} />
          <RecordDocuments record={record} />
        </Col>
        {wide && (
          <Col xl={8} style={{ minWidth: 0 }}>
            {decision}
          </Col>
        )}
      </Row>
    </>
  );
}
