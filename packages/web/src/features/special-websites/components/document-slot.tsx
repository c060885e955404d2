import { CheckCircleFilled, CloudUploadOutlined } from "@ant-design/icons";
import { SPECIAL_WEBSITE_DOCUMENTS, type SpecialWebsiteDocumentKind, type TSpecialWebsite } from "@beian/contracts";
import { Alert, Button, Flex, Progress, Tag, Typography } from "antd";
import { useRef, useState } from "react";
import { ApiError } from "../../../lib/api";
import { specialWebsitesApi } from "../model/api";

const HINTS: Record<SpecialWebsiteDocumentKind, string> = {
  identity: "个人上传身份证正反面（同一页），单位上传营业执照等证件；拍照或扫描均可，系统会自动压缩到 100 KB 以内。",
  responsibility_letter: "下载预填的信息安全责任书，打印后签字（单位加盖公章），拍照或扫描上传。",
};

/** One R-FORM-7 document: upload with progress; the server stores a compliant image (R-MAT-1). */
export function DocumentSlot({ record, kind, onUploaded }: { record: TSpecialWebsite; kind: SpecialWebsiteDocumentKind; onUploaded: (r: TSpecialWebsite) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [problem, setProblem] = useState("");
  const stored = record.documents.find((d) => d.kind === kind);

  async function upload(file: File) {
    setProblem("");
    setPercent(0);
    try {
      onUploaded(await specialWebsitesApi.upload(record.id, kind, file, ({ loaded, total }) => setPercent(Math.floor((loaded / total) * 100))));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "上传失败，请稍后重试。");
    } finally {
      setPercent(null);
    }
  }

  return (
    <div data-testid={`document-${kind}`} style={{ padding: "8px 0", borderTop: "1px solid #f0f0f0" }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ flex: "1 1 260px", minWidth: 0 }}>
          <Typography.Text strong>{SPECIAL_WEBSITE_DOCUMENTS[kind]}</Typography.Text>{" "}
          {stored ? (
            <Tag color="success" icon={<CheckCircleFilled />}>
              已上传
            </Tag>
          ) : (
            <Tag color="warning">未上传</Tag>
          )}
          <div>
            <Typography.Text type="secondary">{HINTS[kind]}</Typography.Text>
          </div>
          {stored && (
            <Typography.Text type="secondary">
              {stored.originalName} → {stored.width}×{stored.height}，{(stored.storedBytes / 1024).toFixed(1)} KB{" "}
              <a href={stored.url} target="_blank" rel="noreferrer">
                查看
              </a>
            </Typography.Text>
          )}
        </div>
        <Flex gap={8} wrap>
          {kind === "responsibility_letter" && (
            <a href={specialWebsitesApi.letterUrl(record.id)} data-testid="letter-download">
              <Button>下载责任书</Button>
            </a>
          )}
          <Button icon={<CloudUploadOutlined />} loading={percent !== null} onClick={() => input.current?.click()}>
            {stored ? "重新上传" : "上传"}
          </Button>
        </Flex>
      </Flex>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/bmp,image/tiff"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void upload(file);
        }}
      />
      {percent !== null && <Progress percent={percent} size="small" />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
    </div>
  );
}
