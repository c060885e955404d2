import type { TPrecheckResult } from "@beian/contracts";
import { CERTIFICATE_TYPES, FILING_TYPES, type CertificateType } from "@beian/rules";
import { Alert, Button, Card, Flex, Form, Input, Segmented, Select, Typography } from "antd";
import { useState } from "react";
import { filingsApi } from "../../../api/filings";
import { ApiError } from "../../../lib/api";

const CERT_OPTIONS = (Object.keys(CERTIFICATE_TYPES) as CertificateType[]).map((t) => ({ value: t, label: CERTIFICATE_TYPES[t].label }));

/**
 * 公共信息查询 before starting (R-PRE-1): by domain, and by certificate number, through the
 * server's pre-check; the answer suggests a filing type with its reason.
 */
export function PrecheckCard({ onSuggestion }: { onSuggestion: (result: TPrecheckResult) => void }) {
  const [mode, setMode] = useState<"domain" | "certificate">("domain");
  const [domain, setDomain] = useState("");
  const [certType, setCertType] = useState<CertificateType>("resident_id");
  const [certNumber, setCertNumber] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const [results, setResults] = useState<TPrecheckResult[]>([]);

  async function query() {
    setProblem("");
    setBusy(true);
    try {
      const result = await filingsApi.precheck(mode === "domain" ? { domain: domain.trim() } : { certType, certNumber: certNumber.trim() });
      setResults((r) => [result, ...r.filter((x) => x.query.kind !== result.query.kind)]);
      onSuggestion(result);
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.errors[0]?.message ?? error.detail) : "查询失败，请稍后重试。");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="第一步：查询备案情况" style={{ marginBottom: 16 }} data-testid="precheck">
      <Typography.Paragraph type="secondary">
        首次备案是指主体从未备过案、域名也从未备过案。开始前可在工信部公共信息查询中按域名、按证件号码查询确认。
      </Typography.Paragraph>
      <Segmented
        block
        value={mode}
        onChange={(v) => setMode(v as "domain" | "certificate")}
        options={[
          { value: "domain", label: "按域名查询" },
          { value: "certificate", label: "按证件号码查询" },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Form layout="vertical" onFinish={() => void query()} requiredMark={false}>
        {mode === "domain" ? (
          <Form.Item label="域名" htmlFor="precheck-domain">
            <Input id="precheck-domain" value={domain} onChange={(e) => setDomain(e.target.value)} placeholder="example.cn" autoComplete="off" />
          </Form.Item>
        ) : (
          <Flex gap={12} wrap>
            <Form.Item label="证件类型" htmlFor="precheck-cert-type" style={{ flex: "1 1 180px" }}>
              <Select id="precheck-cert-type" value={certType} onChange={setCertType} options={CERT_OPTIONS} />
            </Form.Item>
            <Form.Item label="证件号码" htmlFor="precheck-cert-number" style={{ flex: "2 1 220px" }}>
              <Input id="precheck-cert-number" value={certNumber} onChange={(e) => setCertNumber(e.target.value)} autoComplete="off" />
            </Form.Item>
          </Flex>
        )}
        <Button htmlType="submit" loading={busy} disabled={mode === "domain" ? !domain.trim() : !certNumber.trim()}>
          查询
        </Button>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
      {results.map((r) => (
        <Alert
          key={r.query.kind}
          data-testid={`precheck-${r.query.kind}`}
          type={r.filed ? "warning" : "success"}
          showIcon
          style={{ marginTop: 16 }}
          title={`${r.query.kind === "domain" ? "域名" : "证件号码"} ${r.query.value}：${r.filed ? "已有备案记录" : "未查询到备案记录"}`}
          description={
            <>
              {r.records.map((rec) => (
                <div key={rec.siteIcpNumber}>
                  {rec.subjectName}（{rec.subjectNature}）· {rec.siteName} · {rec.domain} · {rec.siteIcpNumber}
                </div>
              ))}
              <div style={{ marginTop: 4 }}>
                建议选择：<strong>{FILING_TYPES[r.suggestion.type]}</strong>。{r.suggestion.reason}
              </div>
            </>
          }
        />
      ))}
    </Card>
  );
}
