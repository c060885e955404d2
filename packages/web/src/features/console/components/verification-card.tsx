import type { TFiling, TMaterialView } from "@beian/contracts";
import { Button, Card, Descriptions, Flex, Image, Popconfirm, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { formatTime } from "../model/format";
import { MaterialImage } from "./material-gallery";

const METHODS = { curtain_photo: "幕布拍照", on_site: "现场核验" } as const;

interface Props {
  filing: TFiling;
  photo: TMaterialView | undefined;
  photoWaiting: boolean;
  onApprovePhoto: () => void;
  onRejectPhoto: () => void;
  onMailing: () => void;
  onOnSite: () => void;
}

/** R-REV-2…4: how the website principal is verified face to face, and the reviewer's part in it. */
export function VerificationCard({ filing, photo, photoWaiting, onApprovePhoto, onRejectPhoto, onMailing, onOnSite }: Props) {
  const v = filing.verification;
  const active = filing.status === "verifying";
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: "method", label: "核验方式", children: v.method ? METHODS[v.method] : "主办者尚未选择" },
    {
      key: "passed",
      label: "核验结果",
      children: v.passed ? <Tag color="success">核验已通过</Tag> : <Tag color={active ? "processing" : "default"}>尚未通过</Tag>,
    },
  ];
  if (v.mailing) {
    items.push(
      { key: "recipient", label: "幕布收件人", children: `${v.mailing.recipient}（${v.mailing.mobile}）` },
      { key: "address", label: "邮寄地址", children: v.mailing.address },
      {
        key: "tracking",
        label: "快递单号",
        children: v.mailing.trackingNumber ? `${v.mailing.trackingNumber}（${formatTime(v.mailing.mailedAt)} 寄出）` : <Tag color="orange">待寄出</Tag>,
      },
    );
  }
  if (v.onSite) {
    items.push(
      { key: "originals", label: "已核验原件", children: v.onSite.originalsChecked.join("、") },
      { key: "checkedAt", label: "现场核验", children: `${formatTime(v.onSite.checkedAt)} · ${v.onSite.place}` },
      { key: "checkedBy", label: "核验人", children: v.onSite.checkedBy },
    );
  }
  return (
    <Card title="当面核验" size="small" style={{ marginBottom: 16 }} data-testid="verification">
      <Descriptions size="small" column={1} items={items} />
      {photo ? (
        <div style={{ marginTop: 12 }}>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Text strong>网站负责人核验照片</Typography.Text>
            {photoWaiting && <Tag color="magenta">待审照片</Tag>}
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            上传于 {formatTime(photo.createdAt)}。照片须为负责人本人在幕布正中、上半身、着当季服装且非红蓝上衣，背景为完整蓝色幕布且字迹清晰。
          </Typography.Paragraph>
          <Image.PreviewGroup>
            <MaterialImage material={photo} alt="网站负责人核验照片" size={240} />
          </Image.PreviewGroup>
        </div>
      ) : (
        v.method === "curtain_photo" && <Typography.Paragraph type="secondary">主办者尚未上传核验照片。</Typography.Paragraph>
      )}
      {active && (
        <Flex wrap gap={8} style={{ marginTop: 12 }}>
          {photoWaiting && (
            <>
              <Popconfirm title="确认核验照片符合要求？" okText="通过" cancelText="取消" onConfirm={onApprovePhoto}>
                <Button type="primary">照片通过</Button>
              </Popconfirm>
              <Button danger onClick={onRejectPhoto}>
                照片不通过
              </Button>
            </>
          )}
          {v.mailing && <Button onClick={onMailing}>{v.mailing.trackingNumber ? "修改寄出信息" : "登记幕布寄出"}</Button>}
          {!v.passed && <Button onClick={onOnSite}>登记现场核验</Button>}
        </Flex>
      )}
    </Card>
  );
}
