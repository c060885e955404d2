import type { TAccountDeletion, TPersonalDataExport } from "@beian/contracts";
import { Alert, Button, Card, Input, Modal, Space, Typography, message } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api, ApiError } from "../../../lib/api";
import { useSession } from "../session";

/** Saves the export as the JSON file the server names (beian-personal-data-<day>.json). */
function download(document: TPersonalDataExport) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: "application/json" }));
  const link = window.document.createElement("a");
  link.href = url;
  link.download = `beian-personal-data-${document.exportedAt.slice(0, 10)}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

/** #11.4 我的数据: download everything held about me; close the account (PIPL art. 47). */
export function MyDataCard() {
  const { forget } = useSession();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  const [closing, setClosing] = useState(false);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ detail: string; reasons: string[] } | null>(null);

  async function exportData() {
    setExporting(true);
    try {
      download(await api<TPersonalDataExport>("GET", "/api/me/export"));
    } catch (error) {
      void message.error(error instanceof ApiError ? error.detail : "导出失败，请稍后重试。");
    } finally {
      setExporting(false);
    }
  }

  async function closeAccount() {
    setBusy(true);
    setProblem(null);
    try {
      const result = await api<TAccountDeletion>("DELETE", "/api/me", { password });
      setClosing(false);
      // The server has ended the sessions; the page stays until the answer is read.
      Modal.info({
        title: "账号已注销",
        width: 560,
        content: (
          <Space direction="vertical">
            <Typography.Text>法律未要求保留的个人信息已删除。以下内容依法保留：</Typography.Text>
            {result.retained.map((r) => (
              <Typography.Paragraph key={r.kind} style={{ marginBottom: 0 }}>
                {r.reason}
              </Typography.Paragraph>
            ))}
            <Typography.Text type="secondary">{result.retentionPeriod}</Typography.Text>
          </Space>
        ),
        onOk: () => {
          forget();
          navigate("/login", { replace: true });
        },
      });
    } catch (error) {
      // The blocking filings are listed under the sentence; a wrong password is the sentence itself.
      if (error instanceof ApiError) setProblem({ detail: error.detail, reasons: error.errors.map((e) => e.message).filter((m) => m !== error.detail) });
      else setProblem({ detail: "系统繁忙，请稍后重试。", reasons: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="我的数据">
      <Typography.Paragraph>
        您可以下载系统保存的关于您的全部信息（账号、主体、备案申请及进度、上传资料清单、通知、相关操作记录），为 JSON 文件。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        注销账号后，未提交管局的草稿和资料、通知等会被删除；已提交管局的备案记录和操作日志须依法保留。有进行中的申请或仍然有效的备案时不能注销。
      </Typography.Paragraph>
      <Space wrap>
        <Button onClick={exportData} loading={exporting}>
          导出我的数据
        </Button>
        <Button danger onClick={() => setClosing(true)}>
          注销账号
        </Button>
      </Space>
      <Modal
        title="注销账号"
        open={closing}
        okText="确认注销"
        okButtonProps={{ danger: true, disabled: password === "", loading: busy }}
        cancelText="取消"
        onOk={closeAccount}
        onCancel={() => {
          setClosing(false);
          setProblem(null);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>注销后无法登录，也无法恢复。请输入密码确认。</Typography.Paragraph>
        {problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={problem.detail}
            description={problem.reasons.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problem.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          />
        )}
        <Input.Password aria-label="密码" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Modal>
    </Card>
  );
}
