import type { TPrecheckResult } from "@beian/contracts";
import type { FilingType } from "@beian/rules";
import { Alert, Button, Card, Radio, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { filingsApi } from "../../../api/filings";
import { ApiError } from "../../../lib/api";
import { STARTABLE_TYPES } from "../components/filing-types";
import { PrecheckCard } from "../components/precheck-card";

/** 开始备案: the pre-check (R-PRE-1), then the filing type (R-PRE-2), then a draft is created. */
export default function NewFilingPage() {
  const navigate = useNavigate();
  const [type, setType] = useState<FilingType>("first");
  const [suggested, setSuggested] = useState<TPrecheckResult["suggestion"] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");

  async function start() {
    setBusy(true);
    setProblem("");
    try {
      const filing = await filingsApi.create(type);
      navigate(`/filings/${filing.id}/edit`, { replace: true });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "创建备案申请失败，请稍后重试。");
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Title level={3}>开始备案</Typography.Title>
      <PrecheckCard
        onSuggestion={(r) => {
          setSuggested(r.suggestion);
          setType(r.suggestion.type);
        }}
      />
      <Card title="第二步：选择备案类型" data-testid="filing-type">
        {suggested && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`根据查询结果，已为您选择“${STARTABLE_TYPES.find((t) => t.value === suggested.type)?.label}”`} description={suggested.reason} />}
        <Radio.Group value={type} onChange={(e) => setType(e.target.value as FilingType)} style={{ display: "flex", flexDirection: "column", gap: 12 }}>
          {STARTABLE_TYPES.map((t) => (
            <Radio key={t.value} value={t.value}>
              <strong>{t.label}</strong>
              <div style={{ color: "rgba(0,0,0,0.55)" }}>{t.description}</div>
            </Radio>
          ))}
        </Radio.Group>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
        <div style={{ display: "flex", gap: 12, marginTop: 24, flexWrap: "wrap" }}>
          <Button type="primary" size="large" loading={busy} onClick={() => void start()}>
            开始填写
          </Button>
          <Link to="/">
            <Button size="large">返回</Button>
          </Link>
        </div>
      </Card>
    </>
  );
}
