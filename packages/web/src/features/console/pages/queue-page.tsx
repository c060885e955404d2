import type { TQueueItem } from "@beian/contracts";
import { FILING_TYPES, PROVINCES, SUBJECT_NATURES } from "@beian/rules";
import { Alert, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { QueueFiltersBar } from "../components/queue-filters";
import { RefreshableHeading } from "../components/refreshable-heading";
import { SLA_ROW_BACKGROUND, SlaTag } from "../components/sla-tag";
import { STATUS_COLORS, STATUS_LABELS, formatTime, statusLabel } from "../model/format";
import { reviewApi, type QueueFilters } from "../model/review-api";
import { useRefreshable } from "../model/use-refreshable";

const FILTER_KEYS = ["province", "type", "subjectType", "sla", "q"] as const;

function filtersFrom(params: URLSearchParams): QueueFilters {
  const filters: QueueFilters = {};
  const status = params.get("status");
  if (status) filters.status = status.split(",").filter(Boolean);
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

function paramsFrom(filters: QueueFilters, page: number, pageSize: number): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status?.length) params.set("status", filters.status.join(","));
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  if (page > 1) params.set("page", String(page));
  if (pageSize !== 20) params.set("pageSize", String(pageSize));
  return params;
}

const label = <T extends Record<string, unknown>>(table: T, key: string | null, pick: (v: T[keyof T]) => string) =>
  key && key in table ? pick(table[key as keyof T]) : (key ?? "—");

function FindingCounts({ findings }: { findings: TQueueItem["findings"] }) {
  if (findings.error + findings.warning + findings.review === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space size={4} wrap>
      {findings.error > 0 && <Tag color="red">错误 {findings.error}</Tag>}
      {findings.warning > 0 && <Tag color="gold">提醒 {findings.warning}</Tag>}
      {findings.review > 0 && <Tag color="blue">需核实 {findings.review}</Tag>}
    </Space>
  );
}

const columns: ColumnsType<TQueueItem> = [
  { title: "提交时间", dataIndex: "submittedAt", width: 150, render: (at: string | null) => formatTime(at) },
  {
    title: "主办者",
    dataIndex: "subjectName",
    width: 120,
    render: (name: string | null, item) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/console/filings/${item.id}`}>{name ?? "（未填写）"}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label(SUBJECT_NATURES, item.subjectType, (n) => n.label)}
        </Typography.Text>
      </Space>
    ),
  },
  { title: "备案类型", dataIndex: "type", width: 100, render: (t: keyof typeof FILING_TYPES) => FILING_TYPES[t] ?? t },
  { title: "省份", dataIndex: "province", width: 80, render: (p: string | null) => label(PROVINCES, p, (v) => v.shortName) },
  {
    title: "域名",
    dataIndex: "domains",
    width: 180,
    render: (domains: string[]) => (
      <Space orientation="vertical" size={0}>
        {domains.length === 0 ? "—" : domains.map((d) => <span key={d}>{d}</span>)}
      </Space>
    ),
  },
  {
    title: "状态",
    dataIndex: "status",
    width: 130,
    render: (status: keyof typeof STATUS_LABELS, item) => (
      <Space size={4} wrap>
        <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>
        {item.photoWaiting && <Tag color="magenta">待审照片</Tag>}
      </Space>
    ),
  },
  {
    title: <Tooltip title="提交时自动初审发现的问题">初审发现</Tooltip>,
    dataIndex: "findings",
    width: 140,
    render: (f: TQueueItem["findings"]) => <FindingCounts findings={f} />,
  },
  { title: "审核时限", dataIndex: "sla", width: 160, render: (sla: TQueueItem["sla"], item) => <SlaTag sla={sla} dueAt={item.reviewDueAt} /> },
  { title: "操作", key: "open", width: 70, fixed: "right", render: (_, item) => <Link to={`/console/filings/${item.id}`}>审核</Link> },
];

// Every cell of an overdue row is tinted: antd paints cells, not rows.
const tinted: ColumnsType<TQueueItem> = columns.map((c) => ({
  ...c,
  onCell: (item: TQueueItem) => ({ style: SLA_ROW_BACKGROUND[item.sla] ? { background: SLA_ROW_BACKGROUND[item.sla] } : {} }),
}));

/** The review queue (R-REV-1, R-REV-3): oldest first, filtered and searched, deadlines in sight. */
export default function QueuePage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const page = Number(params.get("page") ?? 1) || 1;
  const pageSize = Number(params.get("pageSize") ?? 20) || 20;
  const { data, loading, problem, refresh } = useRefreshable(() => reviewApi.queue(filters, page, pageSize), [filters, page, pageSize], "审核队列加载失败，请刷新页面重试。");

  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <RefreshableHeading title="审核队列" loading={loading} onRefresh={refresh} />
      <QueueFiltersBar value={filters} onChange={(next) => setParams(paramsFrom(next, 1, pageSize))} />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Table<TQueueItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={tinted}
        scroll={{ x: 1130 }}
        locale={{ emptyText: filtered ? "没有符合条件的备案申请" : "暂无待审核的备案申请" }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条，最早提交的在前`,
          onChange: (p, size) => setParams(paramsFrom(filters, size !== pageSize ? 1 : p, size)),
        }}
      />
    </>
  );
}
