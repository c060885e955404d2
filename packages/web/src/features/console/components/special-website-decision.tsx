import type { TSpecialWebsite } from "@beian/contracts";
import { SPECIAL_WEBSITE_DOCUMENTS } from "@beian/contracts";
import { Alert, Button, Card, Flex, Form, Input, Popconfirm, Typography } from "antd";
import { useState } from "react";
import { formatTime } from "../model/format";
import type { DecisionProblem } from "../model/special-website-review";

interface Props {
  record: TSpecialWebsite;
  problem: DecisionProblem | null;
  busy: boolean;
  onAccept: () => void;
  /** The reason stays in the box until the return is done (a refusal or a conflict keeps it). */
  onReturn: (reason: string) => Promise<boolean>;
}

const REASON_REQUIRED = "退回时请写明原因，告诉主办者需要补充或修改什么。";

/**
 * 接受 / 退回 for a special website (R-FORM-7). Accepting needs both documents; a return needs a
 * reason, which the applicant reads by mail, in the inbox and on their page.
 */
export function SpecialWebsiteDecision({ record, problem, busy, onAccept, onReturn }: Props) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState("");
  const missing = record.missingDocuments.map((k) => SPECIAL_WEBSITE_DOCUMENTS[k]);

  async function submitReturn() {
    if (reason.trim() === "") {
      setReasonError(REASON_REQUIRED);
      return;
    }
    setReasonError("");
    if (await onReturn(reason.trim())) setReason("");
  }

  return (
    <Card title="审核" size="small" style={{ marginBottom: 16 }} data-testid="special-website-decision">
      {record.status !== "pending" && (
        <Typography.Paragraph type="secondary">
          {record.status === "accepted"
            ? `${formatTime(record.reviewedAt)} 已接受；发现问题时仍可退回。`
            : `${formatTime(record.reviewedAt)} 已退回，等待主办者修改；主办者修改或上传资料后会回到待审核。`}
        </Typography.Paragraph>
      )}
      {problem && (
        <Alert
          type={problem.conflict ? "warning" : "error"}
          showIcon
          role="alert"
          data-testid="special-website-problem"
          style={{ marginBottom: 12 }}
          title={problem.text}
          description={
            problem.details.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problem.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {record.status !== "accepted" && (
        <div style={{ marginBottom: 16 }}>
          {missing.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`资料不全，不能接受：缺少${missing.join("、")}。请退回并写明需要补充的资料。`} />
          )}
          <Popconfirm
            title="接受这条特殊网站登记？"
            description="接受后主办者会收到审核通过的通知。"
            okText="接受"
            cancelText="取消"
            onConfirm={onAccept}
            disabled={missing.length > 0 || busy}
          >
            <Button type="primary" disabled={missing.length > 0} loading={busy}>
              接受
            </Button>
          </Popconfirm>
        </div>
      )}
      {/* A returned record waits for the applicant; a second return would only repeat the notice. */}
      {record.status !== "returned" && (
        <Form layout="vertical" requiredMark={false}>
          <Form.Item
            label="退回原因"
            htmlFor="special-website-reason"
            validateStatus={reasonError ? "error" : undefined}
            help={reasonError || undefined}
            extra={reasonError ? undefined : "主办者会在邮件、站内消息和登记页面看到这段话。"}
            style={{ marginBottom: 12 }}
          >
            <Input.TextArea
              id="special-website-reason"
              value={reason}
              maxLength={500}
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder="例如：信息安全责任书缺少签字，请签字后重新上传。"
              onChange={(e) => {
                setReason(e.target.value);
                if (reasonError && e.target.value.trim() !== "") setReasonError("");
              }}
            />
          </Form.Item>
          <Flex justify="flex-end">
            <Button danger onClick={() => void submitReturn()} loading={busy}>
              退回
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
