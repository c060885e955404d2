import type { TFiling } from "@beian/contracts";
import { FILING_STATUSES, FILING_TYPES, type FilingStatus } from "@beian/rules";
import { App, Button, Flex, Result, Spin, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { filingsApi } from "../../../api/filings";
import { ApiError } from "../../../lib/api";
import { clearDraft, readDraft } from "../model/draft-store";
import { toFormValues, type FormValues } from "../model/form-values";
import { CancellationForm } from "../components/cancellation-form";
import { FilingForm } from "../components/filing-form";

/**
 * /filings/:id/edit: loads the draft (or the copy kept in this browser when the server never
 * got it) and hands it to the stepped form. Submitted filings go to their status page.
 */
export default function FilingEditPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filing, setFiling] = useState<TFiling | null>(null);
  const [initial, setInitial] = useState<{ values: FormValues; restored: boolean } | null>(null);
  const [problem, setProblem] = useState("");

  const load = useCallback(async () => {
    setProblem("");
    try {
      const f = await filingsApi.get(id);
      if (!FILING_STATUSES[f.status as FilingStatus]?.editable) {
        navigate(`/filings/${id}`, { replace: true });
        return;
      }
      const local = readDraft(id);
      setFiling(f);
      // The copy in this browser wins only if the server has not moved on since it was made
      // (another device saved in between): then the server's newer form is shown.
      const restore = local?.dirty === true && local.version >= f.version;
      if (local?.dirty && !restore) void message.warning("本机有一份较早的未保存内容，服务器上已有更新的版本，已显示服务器上的内容。");
      setInitial(restore ? { values: local.values, restored: true } : { values: toFormValues(f.form), restored: false });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "备案申请加载失败，请稍后重试。");
    }
  }, [id, navigate, message]);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem) {
    return <Result status="warning" title={problem} extra={<Button onClick={() => void load()}>重试</Button>} />;
  }
  if (!filing || !initial) return <Spin style={{ display: "block", margin: "20vh auto" }} />;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          填写备案信息 <Tag color="blue">{FILING_TYPES[filing.type]}</Tag>
        </Typography.Title>
        <Link to="/">返回我的备案</Link>
      </Flex>
      {filing.type.startsWith("cancel_") ? (
        <CancellationForm
          filing={filing}
          onSubmitted={() => {
            clearDraft(id);
            navigate(`/filings/${id}`);
          }}
        />
      ) : (
        <FilingForm
          filing={filing}
          initial={initial.values}
          restored={initial.restored}
          onSubmitted={() => {
            clearDraft(id);
            navigate(`/filings/${id}`);
          }}
        />
      )}
    </>
  );
}

