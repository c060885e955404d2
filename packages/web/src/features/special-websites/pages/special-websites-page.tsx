import { PlusOutlined } from "@ant-design/icons";
import { SPECIAL_WEBSITE_DOCUMENTS, type SpecialWebsiteDocumentKind, type TSpecialWebsite } from "@beian/contracts";
import { CERTIFICATE_TYPES, type CertificateType } from "@beian/rules";
import { Alert, Button, Card, Descriptions, Empty, Flex, Popconfirm, Space, Spin, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../../../lib/api";
import { formatShanghai } from "../../../lib/datetime";
import { DocumentSlot } from "../components/document-slot";
import { SpecialWebsiteForm } from "../components/special-website-form";
import { specialWebsitesApi } from "../model/api";

const STATUS_COLORS = { pending: "processing", accepted: "success", returned: "error" } as const;
const KINDS = Object.keys(SPECIAL_WEBSITE_DOCUMENTS) as SpecialWebsiteDocumentKind[];

/**
 * /special-websites — 特殊网站登记 (R-FORM-7): websites filed elsewhere that do not go through our
 * filing system. Each record: ICP number, 24-hour emergency contact (QQ, mobile), the holder's
 * ID or qualification and the signed 信息安全责任书; the provider checks it.
 */
export default function SpecialWebsitesPage() {
  const [items, setItems] = useState<TSpecialWebsite[] | null>(null);
  const [problem, setProblem] = useState("");
  const [editing, setEditing] = useState<TSpecialWebsite | "new" | null>(null);

  useEffect(() => {
    specialWebsitesApi
      .list()
      .then((r) => setItems(r.items))
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.detail : "登记列表加载失败，请刷新页面重试。"));
  }, []);

  const replace = (r: TSpecialWebsite) => setItems((list) => [r, ...(list ?? []).filter((i) => i.id !== r.id)]);
  async function remove(r: TSpecialWebsite) {
    try {
      await specialWebsitesApi.remove(r.id);
      setItems((list) => (list ?? []).filter((i) => i.id !== r.id));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "删除失败，请稍后重试。");
    }
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          特殊网站登记
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="special-website-new">
          登记特殊网站
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        已在其他渠道取得备案号、不通过本系统备案的网站，请在这里登记：网站备案号、24 小时应急联系人（手机、QQ）、主办者证件或资质，并上传签字的信息安全责任书。接入商审核后即完成登记。
        <Link to="/"> 返回我的备案</Link>
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!items && !problem && <Spin style={{ display: "block", margin: "48px auto" }} />}
      {items && items.length === 0 && (
        <Card>
          <Empty description="还没有登记特殊网站" />
        </Card>
      )}
      {items?.map((r) => (
        <Card
          key={r.id}
          style={{ marginBottom: 16 }}
          data-testid="special-website"
          title={
            <Space wrap>
              {r.siteName}
              <Tag color={STATUS_COLORS[r.status]} data-testid="special-website-status">
                {r.statusLabel}
              </Tag>
            </Space>
          }
          extra={
            <Space>
              <Button type="link" onClick={() => setEditing(r)}>
                修改
              </Button>
              <Popconfirm title="删除这条登记？" description="删除后接入商将看不到这条登记，需要时可以重新登记。" okText="删除" cancelText="取消" onConfirm={() => void remove(r)}>
                <Button type="link" danger>
                  删除
                </Button>
              </Popconfirm>
            </Space>
          }
        >
          {r.status === "returned" && r.reviewReason && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="special-website-return" title={`接入商退回（${formatShanghai(r.reviewedAt)}）`} description={r.reviewReason} />
          )}
          {r.missingDocuments.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`还需上传：${r.missingDocuments.map((k) => SPECIAL_WEBSITE_DOCUMENTS[k]).join("、")}`} />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "domain", label: "域名", children: r.domain },
              { key: "icp", label: "网站备案号", children: r.icpNumber },
              { key: "holder", label: r.holder.type === "personal" ? "主办者" : "主办单位", children: r.holder.name },
              {
                key: "cert",
                label: "证件",
                children: `${CERTIFICATE_TYPES[r.holder.certificateType as CertificateType]?.label ?? r.holder.certificateType} ${r.holder.certificateNumber}`,
              },
              { key: "contact", label: "24 小时应急联系人", children: `${r.emergencyContact.name}　手机 ${r.emergencyContact.mobile}　QQ ${r.emergencyContact.qq}` },
              { key: "updated", label: "最近修改", children: formatShanghai(r.updatedAt) },
            ]}
          />
          <div style={{ marginTop: 12 }}>
            {KINDS.map((kind) => (
              <DocumentSlot key={kind} record={r} kind={kind} onUploaded={replace} />
            ))}
          </div>
        </Card>
      ))}
      {editing && (
        <SpecialWebsiteForm
          record={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            replace(r);
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
