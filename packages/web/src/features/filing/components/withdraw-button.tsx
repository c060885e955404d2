import type { TFiling } from "@beian/contracts";
import { allowedEvents, type FilingStatus } from "@beian/rules";
import { Alert, Button, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { filingsApi } from "../../../api/filings";
import { ApiError } from "../../../lib/api";

/**
 * WF-4: 撤回申请, offered only while the rules let the applicant withdraw (before the filing goes
 * to the bureau). The dialog says what withdrawing means before anything happens.
 */
export function WithdrawButton({ filing, onWithdrawn }: { filing: TFiling; onWithdrawn: (f: TFiling) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  if (!allowedEvents(filing.status as FilingStatus, "applicant").includes("withdraw")) return null;

  async function withdraw() {
    setBusy(true);
    setProblem("");
    try {
      const updated = await filingsApi.withdraw(filing.id, filing.version, reason.trim() || undefined);
      setOpen(false);
      onWithdrawn(updated);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "撤回失败，请稍后重试。");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="withdraw">
        撤回申请
      </Button>
      <Modal
        open={open}
        title="确定撤回这份备案申请吗？"
        okText="确认撤回"
        okButtonProps={{ danger: true, loading: busy, ...{ "data-testid": "withdraw-confirm" } }}
        cancelText="不撤回"
        onOk={() => void withdraw()}
        onCancel={() => setOpen(false)}
        data-testid="withdraw-dialog"
      >
        <Typography.Paragraph>撤回后：</Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20 }}>
          <li>接入商停止审核这份申请，申请不能再修改或重新提交，这一操作无法撤销；</li>
          <li>已填写的信息和已上传的资料仍可在这里查看；</li>
          <li>如仍需备案，可以在“我的备案”重新开始一份新的申请（需重新提交审核）。</li>
        </ul>
        <Input.TextArea
          rows={2}
          maxLength={200}
          showCount
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="撤回原因（选填），例如：网站名称需要更改"
          aria-label="撤回原因"
          style={{ marginBottom: 20 }}
        />
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
