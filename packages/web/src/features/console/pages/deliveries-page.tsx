import type { TAdminNotification } from "@beian/contracts";
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Popconfirm, Segmented, Select, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { adminApi, type DeliveryQuery } from "../model/admin-api";
import { formatTime } from "../model/format";

const CHANNELS: Record<TAdminNotification["channel"], string> = { email: "邮件", sms: "短信", inbox: "站内信" };
const STATUSES: Record<TAdminNotification["status"], { label: string; color: string }> = {
  pending: { label: "待发送", color: "processing" },
  sent: { label: "已发送", color: "success" },
  failed: { label: "发送失败", color: "error" },
};
const LIMITS = [50, 100, 200];

function queryOf(params: URLSearchParams): DeliveryQuery {
  const channel = params.get("channel");
  const limit = Number(params.get("limit"));
  return {
    status: params.get("status") === "pending" ? "pending" : "failed",
    channel: channel === "email" || channel === "sms" ? channel : undefined,
    limit: LIMITS.includes(limit) ? limit : 50,
  };
}

/**
 * The notices that failed or still wait to go out (recipients masked by the server), newest
 * first; an admin sends one again (audited).
 */
export default function DeliveriesPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const [data, setData] = useState<{ items: TAdminNotification[]; total: number } | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState("");

  const load = useCallback(async (q: DeliveryQuery) => {
    setLoading(true);
    try {
      setData(await adminApi.deliveries(q));
      setLoadError("");
    } catch {
      setLoadError("发送记录加载失败，请稍后重试。");
    } finally {
      setLoading(false);
    }
  }, []);
  const { status, channel, limit } = query;
  useEffect(() => void load({ status, channel, limit }), [load, status, channel, limit]);
  useEffect(() => {
    adminApi.notificationTemplates().then(
      ({ items }) => setTitles(Object.fromEntries(items.map((t) => [t.key, t.title]))),
      () => undefined,
    );
  }, []);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  async function retry(n: TAdminNotification) {
    try {
      await adminApi.retryDelivery(n.id);
      void message.success(`已重新安排发送给 ${n.recipient}`);
      await load(query);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "重发失败，请稍后重试。");
    }
  }

  return (
    <>
      <Typography.Title level={3}>通知发送记录</Typography.Title>
      <Typography.Paragraph type="secondary">
        发送失败（已自动重试 6 次）或仍在等待发送的邮件和短信，最新的在前。收件人和正文中的手机号、邮箱已脱敏。
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="发送状态"
          value={query.status}
          onChange={(v) => setFilter("status", v === "failed" ? undefined : String(v))}
          options={[
            { value: "failed", label: "发送失败" },
            { value: "pending", label: "待发送" },
          ]}
        />
        <Select
          aria-label="渠道"
          value={query.channel ?? ""}
          style={{ width: 120 }}
          onChange={(v: string) => setFilter("channel", v || undefined)}
          options={[
            { value: "", label: "全部渠道" },
            { value: "email", label: "邮件" },
            { value: "sms", label: "短信" },
          ]}
        />
        <Select
          aria-label="显示条数"
          value={query.limit}
          style={{ width: 140 }}
          onChange={(v: number) => setFilter("limit", v === 50 ? undefined : String(v))}
          options={LIMITS.map((n) => ({ value: n, label: `最新 ${n} 条` }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load(query)}>
          刷新
        </Button>
        {data && (
          <Typography.Text type="secondary" data-testid="delivery-total">
            共 {data.total} 条{data.total > data.items.length ? `，显示最新 ${data.items.length} 条` : ""}
          </Typography.Text>
        )}
      </Flex>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 980 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: query.status === "failed" ? "没有发送失败的通知" : "没有待发送的通知" }}
        expandable={{
          expandedRowRender: (n: TAdminNotification) => (
            <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
              <Typography.Text strong>{n.subject}</Typography.Text>
              <div>{n.body}</div>
            </div>
          ),
        }}
        columns={[
          { title: "时间", dataIndex: "createdAt", width: 150, render: (d: string) => formatTime(d) },
          {
            title: "通知",
            dataIndex: "template",
            width: 180,
            render: (key: string) => (
              <>
                <div>{titles[key] ?? key}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {key}
                </Typography.Text>
              </>
            ),
          },
          { title: "渠道", dataIndex: "channel", width: 80, render: (c: TAdminNotification["channel"]) => CHANNELS[c] },
          { title: "收件人", dataIndex: "recipient", width: 170 },
          { title: "状态", dataIndex: "status", width: 100, render: (s: TAdminNotification["status"]) => <Tag color={STATUSES[s].color}>{STATUSES[s].label}</Tag> },
          { title: "尝试", dataIndex: "attempts", width: 60 },
          {
            title: "错误",
            dataIndex: "lastError",
            render: (e: string | null) => (e ? <Typography.Text type="danger" style={{ wordBreak: "break-word" }}>{e}</Typography.Text> : "—"),
          },
          {
            title: "操作",
            key: "actions",
            width: 80,
            render: (_: unknown, n: TAdminNotification) =>
              n.status !== "sent" && n.channel !== "inbox" ? (
                <Popconfirm title="重新发送这条通知？" okText="重发" cancelText="取消" onConfirm={() => retry(n)}>
                  <Button type="link" size="small">
                    重发
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}
