import type { TAdminNotification, TAdminNotificationList } from "@beian/contracts";
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Flex, Grid, Pagination, Popconfirm, Segmented, Select, Spin, Table, Tag, Typography } from "antd";
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
const PAGE_SIZES = [20, 50, 100];

function queryOf(params: URLSearchParams): DeliveryQuery {
  const channel = params.get("channel");
  const page = Number(params.get("page"));
  const pageSize = Number(params.get("pageSize"));
  return {
    status: params.get("status") === "pending" ? "pending" : "failed",
    channel: channel === "email" || channel === "sms" ? channel : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : PAGE_SIZES[0]!,
  };
}

function StatusTag({ n }: { n: TAdminNotification }) {
  return <Tag color={STATUSES[n.status].color}>{STATUSES[n.status].label}</Tag>;
}

function LastError({ n }: { n: TAdminNotification }) {
  return n.lastError ? <Typography.Text type="danger" style={{ wordBreak: "break-word" }}>{n.lastError}</Typography.Text> : <>—</>;
}

function Text({ n }: { n: TAdminNotification }) {
  return (
    <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
      <Typography.Text strong>{n.subject}</Typography.Text>
      <div>{n.body}</div>
    </div>
  );
}

/**
 * The notices that failed or still wait to go out (recipients masked by the server), newest
 * first, paged by the server; an admin sends one again (audited).
 */
export default function DeliveriesPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const [data, setData] = useState<TAdminNotificationList | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState("");
  // Eight columns do not fit a phone: one card per notice there.
  const narrow = Grid.useBreakpoint().md === false;

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
  const { status, channel, page, pageSize } = query;
  useEffect(() => void load({ status, channel, page, pageSize }), [load, status, channel, page, pageSize]);
  useEffect(() => {
    adminApi.notificationTemplates().then(
      ({ items }) => setTitles(Object.fromEntries(items.map((t) => [t.key, t.title]))),
      () => undefined,
    );
  }, []);

  /** A new filter starts again at the first page. */
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete("page");
    setParams(next);
  };

  const goTo = (nextPage: number, nextSize: number) => {
    const next = new URLSearchParams(params);
    if (nextSize !== pageSize) {
      nextPage = 1;
      if (nextSize === PAGE_SIZES[0]) next.delete("pageSize");
      else next.set("pageSize", String(nextSize));
    }
    if (nextPage > 1) next.set("page", String(nextPage));
    else next.delete("page");
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

  const retryButton = (n: TAdminNotification) =>
    n.status !== "sent" && n.channel !== "inbox" ? (
      <Popconfirm title="重新发送这条通知？" okText="重发" cancelText="取消" onConfirm={() => retry(n)}>
        <Button type="link" size="small">
          重发
        </Button>
      </Popconfirm>
    ) : null;

  const template = (key: string) => (
    <>
      <div>{titles[key] ?? key}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {key}
      </Typography.Text>
    </>
  );

  const empty = query.status === "failed" ? "没有发送失败的通知" : "没有待发送的通知";
  const pagination = {
    current: data?.page ?? page,
    pageSize,
    total: data?.total ?? 0,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: !narrow,
    simple: narrow,
    onChange: goTo,
  };

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
        <Button icon={<ReloadOutlined />} onClick={() => void load(query)}>
          刷新
        </Button>
        {data && (
          <Typography.Text type="secondary" data-testid="delivery-total">
            共 {data.total} 条
          </Typography.Text>
        )}
      </Flex>
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      {narrow ? (
        <Spin spinning={loading}>
          <Flex vertical gap={12}>
            {data?.items.length === 0 && <Empty description={empty} />}
            {data?.items.map((n) => (
              <Card key={n.id} size="small" data-row-key={n.id} title={<Typography.Text style={{ fontWeight: "normal" }}>{template(n.template)}</Typography.Text>} extra={retryButton(n)}>
                <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
                  <StatusTag n={n} />
                  <span>{CHANNELS[n.channel]}</span>
                  <span style={{ wordBreak: "break-all" }}>{n.recipient}</span>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: "block", marginBottom: 6 }}>
                  {formatTime(n.createdAt)} · 已尝试 {n.attempts} 次
                </Typography.Text>
                <LastError n={n} />
                <details style={{ marginTop: 6 }}>
                  <summary>通知内容</summary>
                  <Text n={n} />
                </details>
              </Card>
            ))}
            {data && data.total > 0 && <Pagination {...pagination} align="center" />}
          </Flex>
        </Spin>
      ) : (
        <Table
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 980 }}
          pagination={{ ...pagination, showTotal: (total, [from, to]) => `第 ${from}–${to} 条，共 ${total} 条` }}
          locale={{ emptyText: empty }}
          expandable={{ expandedRowRender: (n: TAdminNotification) => <Text n={n} /> }}
          columns={[
            { title: "时间", dataIndex: "createdAt", width: 150, render: (d: string) => formatTime(d) },
            { title: "通知", dataIndex: "template", width: 180, render: template },
            { title: "渠道", dataIndex: "channel", width: 80, render: (c: TAdminNotification["channel"]) => CHANNELS[c] },
            { title: "收件人", dataIndex: "recipient", width: 170 },
            { title: "状态", dataIndex: "status", width: 100, render: (_: unknown, n: TAdminNotification) => <StatusTag n={n} /> },
            { title: "尝试", dataIndex: "attempts", width: 60 },
            { title: "错误", dataIndex: "lastError", render: (_: unknown, n: TAdminNotification) => <LastError n={n} /> },
            { title: "操作", key: "actions", width: 80, render: (_: unknown, n: TAdminNotification) => retryButton(n) },
          ]}
        />
      )}
    </>
  );
}
