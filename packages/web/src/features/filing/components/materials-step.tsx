import type { TFilingForm, TMaterialView } from "@beian/contracts";
import { SCAN_RULES } from "@beian/rules";
import { Alert, Button, Collapse, Spin, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { filingsApi, type ChecklistItem } from "../../../api/filings";
import { ApiError } from "../../../lib/api";
import { MaterialItem } from "./material-item";

const sameSlot = (m: TMaterialView, item: ChecklistItem) => m.kind === item.kind && (m.path ?? null) === (item.path ?? null);

/**
 * 第三步 上传资料 (R-MAT-*): the server's checklist for the saved form (so the form is saved
 * first), one upload per item; the verification-stage items come after the initial review.
 */
export function MaterialsStep({ filingId, form, saveFirst }: { filingId: string; form: TFilingForm; saveFirst: () => Promise<boolean> }) {
  const [items, setItems] = useState<ChecklistItem[] | null>(null);
  const [materials, setMaterials] = useState<TMaterialView[]>([]);
  const [problem, setProblem] = useState("");
  const [stale, setStale] = useState(false);

  const load = useCallback(async () => {
    setProblem("");
    setStale(!(await saveFirst()));
    try {
      const [checklist, filing] = await Promise.all([filingsApi.checklist(filingId), filingsApi.get(filingId)]);
      setItems(checklist.items);
      setMaterials(filing.materials);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "资料清单加载失败，请稍后重试。");
    }
  }, [filingId, saveFirst]);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem) {
    return (
      <Alert type="error" showIcon title={problem} action={<Button onClick={() => void load()}>重试</Button>} />
    );
  }
  if (!items) return <Spin style={{ display: "block", margin: "48px auto" }} />;
  const now = items.filter((i) => i.stage === "submission");
  const later = items.filter((i) => i.stage === "verification");
  const missing = now.filter((i) => !i.present && !materials.some((m) => sameSlot(m, i))).length;
  return (
    <>
      {stale && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="最新填写的内容还没有保存到服务器，资料清单可能不是最新的；保存成功后请刷新本步骤。" />}
      <Alert
        type={missing > 0 ? "info" : "success"}
        showIcon
        style={{ marginBottom: 16 }}
        title={missing > 0 ? `提交前需要上传 ${now.length} 份资料，还差 ${missing} 份。` : "提交所需的资料已全部上传。"}
        description="直接上传手机拍摄的照片或扫描件即可：系统会自动调整到不小于 800×600 像素、不超过 100 KB。"
      />
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: "rules",
            label: "拍摄和扫描要求",
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {SCAN_RULES.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {now.map((item) => (
        <MaterialItem
          key={`${item.kind}:${item.path ?? ""}`}
          filingId={filingId}
          item={item}
          form={form}
          material={materials.find((m) => sameSlot(m, item))}
          onUploaded={(m) => setMaterials((list) => [...list.filter((x) => !sameSlot(x, item)), m])}
        />
      ))}
      {later.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            初审通过后上传
          </Typography.Title>
          <Typography.Paragraph type="secondary">这些资料在接入商初审通过后、核验阶段再上传（幕布照、签字的核验单）。</Typography.Paragraph>
          {later.map((item) => (
            <MaterialItem key={`${item.kind}:${item.path ?? ""}`} filingId={filingId} item={item} form={form} material={materials.find((m) => sameSlot(m, item))} onUploaded={() => {}} />
          ))}
        </>
      )}
    </>
  );
}
