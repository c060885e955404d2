import type { TFiling } from "@beian/contracts";
import { Button, Card, Flex, Popconfirm, Typography } from "antd";

interface Props {
  filing: TFiling;
  onApprove: () => void;
  onReturn: () => void;
  onSubmitToBureau: () => void;
}

const NEXT_ACTOR = { applicant: "主办者", provider: "接入商", bureau: "管局", none: "" } as const;

/** The decisions the filing's status allows (R-REV-1); verification has its own card. */
export function ReviewActions({ filing, onApprove, onReturn, onSubmitToBureau }: Props) {
  const reviewing = filing.status === "submitted";
  const verifying = filing.status === "verifying";
  const canSubmit = (reviewing || verifying) && filing.verification.passed;
  const actor = NEXT_ACTOR[filing.nextStep.actor];
  return (
    <Card title="审核操作" size="small" style={{ marginBottom: 16 }} data-testid="review-actions">
      <Typography.Paragraph style={{ marginBottom: 12 }}>
        {actor && <Typography.Text type="secondary">下一步（{actor}）：</Typography.Text>}
        {filing.nextStep.text}
      </Typography.Paragraph>
      {reviewing || verifying ? (
        <Flex wrap gap={8}>
          {reviewing && !filing.verification.passed && (
            <Popconfirm title="确认初审通过？" description="通过后进入当面核验（幕布拍照或现场核验）。" okText="通过" cancelText="取消" onConfirm={onApprove}>
              <Button type="primary">初审通过</Button>
            </Popconfirm>
          )}
          {canSubmit && (
            <Popconfirm
              title="确认提交管局？"
              description="提交后管局将向负责人的手机发送短信验证码。"
              okText="提交"
              cancelText="取消"
              onConfirm={onSubmitToBureau}
            >
              <Button type="primary">提交管局</Button>
            </Popconfirm>
          )}
          <Button danger onClick={onReturn}>
            退回修改
          </Button>
        </Flex>
      ) : (
        <Typography.Text type="secondary">当前状态下无需接入商操作。</Typography.Text>
      )}
    </Card>
  );
}
