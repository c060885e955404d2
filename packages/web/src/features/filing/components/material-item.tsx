import { CheckCircleFilled, CloudUploadOutlined } from "@ant-design/icons";
import type { TFilingForm, TMaterialView } from "@beian/contracts";
import { IMAGE_LIMITS, MATERIAL_KINDS, type MaterialKind } from "@beian/rules";
import { Alert, Button, Card, Flex, Progress, Tag, Typography } from "antd";
import { useRef, useState } from "react";
import { filingsApi, type ChecklistItem } from "../../../api/filings";
import { ApiError } from "../../../lib/api";
import { formatBytes } from "../model/bytes";
import { describePath } from "../model/labels";

type Phase = { kind: "idle" } | { kind: "uploading"; percent: number; total: number } | { kind: "processing" } | { kind: "failed"; detail: string };

/**
 * One required material: why it is needed, an upload with real progress (R-MAT-6), and what the
 * server made of the file (R-MAT-1: ≥ 800×600, ≤ 100 KB). Verification-stage items are only listed.
 */
export function MaterialItem({
  filingId,
  item,
  material,
  form,
  onUploaded,
}: {
  filingId: string;
  item: ChecklistItem;
  material: TMaterialView | undefined;
  form: TFilingForm;
  onUploaded: (m: TMaterialView) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const later = item.stage === "verification";
  const hint = MATERIAL_KINDS[item.kind as MaterialKind]?.hint;
  const busy = phase.kind === "uploading" || phase.kind === "processing";

  async function upload(file: File) {
    setPhase({ kind: "uploading", percent: 0, total: file.size });
    try {
      const saved = await filingsApi.uploadMaterial(filingId, item, file, ({ loaded, total }) => {
        if (loaded >= total) setPhase({ kind: "processing" });
        else setPhase({ kind: "uploading", percent: Math.floor((loaded / total) * 100), total });
      });
      setPhase({ kind: "idle" });
      onUploaded(saved);
    } catch (error) {
      setPhase({ kind: "failed", detail: error instanceof ApiError ? error.detail : "上传失败，请稍后重试。" });
    }
  }

  return (
    <Card size="small" data-kind={item.kind} data-material-path={item.path ?? ""} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ flex: "1 1 240px", minWidth: 0 }}>
          <Typography.Text strong>{item.label}</Typography.Text>
          {item.path && <Typography.Text type="secondary"> · {describePath(item.path, form)}</Typography.Text>}
          <div>
            {later ? (
              <Tag color="default">初审通过后上传</Tag>
            ) : item.present || material ? (
              <Tag color="success" icon={<CheckCircleFilled />}>
                已上传
              </Tag>
            ) : (
              <Tag color="error">待上传</Tag>
            )}
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
            {item.reason}
            {hint ? ` ${hint}。` : ""}
          </Typography.Paragraph>
        </div>
        {!later && (
          <>
            <input
              ref={input}
              type="file"
              accept="image/jpeg,image/png,image/*"
              aria-label={`选择${item.label}文件`}
              style={{ display: "none" }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void upload(file);
              }}
            />
            <Button icon={<CloudUploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
              {busy ? "上传中" : material ? "重新上传" : "上传"}
            </Button>
          </>
        )}
      </Flex>

      {phase.kind === "uploading" && (
        <div role="status">
          <Progress percent={phase.percent} size="small" />
          <Typography.Text type="secondary">正在上传（共 {formatBytes(phase.total)}）…</Typography.Text>
        </div>
      )}
      {phase.kind === "processing" && (
        <div role="status">
          <Progress percent={100} size="small" status="active" />
          <Typography.Text type="secondary">上传完成，正在压缩处理到 100 KB 以内…</Typography.Text>
        </div>
      )}
      {phase.kind === "failed" && <Alert type="error" showIcon title={`上传失败：${phase.detail}`} style={{ marginTop: 8 }} />}
      {material && phase.kind !== "uploading" && phase.kind !== "processing" && (
        <Flex gap={12} align="center" style={{ marginTop: 8 }} data-testid="material-result">
          <img src={material.url} alt={item.label} width={64} height={48} style={{ objectFit: "cover", borderRadius: 4, border: "1px solid #f0f0f0", flex: "none" }} />
          <div style={{ minWidth: 0 }}>
            <div>
              原图 {formatBytes(material.originalBytes)} → 处理后 <strong>{formatBytes(material.storedBytes)}</strong>，{material.width}×{material.height} 像素
            </div>
            <Typography.Text type={material.storedBytes <= IMAGE_LIMITS.maxBytes ? "success" : "danger"}>
              {material.storedBytes <= IMAGE_LIMITS.maxBytes ? "符合要求（不小于 800×600 像素，不超过 100 KB）" : "超过 100 KB，请重新上传"}
            </Typography.Text>
          </div>
        </Flex>
      )}
    </Card>
  );
}
