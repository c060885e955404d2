import { SPECIAL_WEBSITE_DOCUMENTS, SPECIAL_WEBSITE_STATUSES, type SpecialWebsiteStatus, type TSpecialWebsite } from "@beian/contracts";
import { Alert, Flex, Segmented, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { RefreshableHeading } from "../components/refreshable-heading";
import { formatTime } from "../model/format";
import { SPECIAL_WEBSITE_STATUS_COLORS, listParamsFrom, listQueryFrom, type SpecialWebsiteListQuery } from "../model/special-website-review";
import { specialWebsiteReviewApi } from "../model/special-website-review-api";
import { useRefreshable } from "../model/use-refreshable";

const STATUS_OPTIONS = [
  ...(Object.entries(SPECIAL_WEBSITE_STATUSES) as [SpecialWebsiteStatus, string][]).map(([value, label]) => ({ value, label })),
  { value: "all", label: "全部" },
];
const ORDER_TEXT = { oldest: "最早修改的在前", newest: "最新修改的在前" } as const;
const ORDER_OPTIONS = Object.entries(ORDER_TEXT).map(([value, label]) => ({ value, label }));

const detailLink = (r: TSpecialWebsite) => `/console/special-websites/${r.id}`;

function StatusTag({ record }: { record: TSpecialWebsite }) {
  return <Tag color={SPECIAL_WEBSITE_STATUS_COLORS[record.status]}>{record.statusLabel}</Tag>;
}

function Documents({ record }: { record: TSpecialWebsite }) {
  if (record.missingDocuments.length === 0) return <Tag color="success">资料齐全</Tag>;
  return (
    <Space orientation="vertical" size={2}>
      {record.missingDocuments.map((k) => (
        <Tag key={k} color="red" style={{ whiteSpace: "normal" }}>
          缺{k === "identity" ? "证件/资质" : "责任书"}
        </Tag>
      ))}
    </Space>
  );
}

// On a phone only the site, its status and the action remain: the list must not scroll
// sideways; the record's page shows the rest.
const columns: ColumnsType<TSpecialWebsite> = [
  { title: "最近修改", dataIndex: "updatedAt", width: 150, responsive: ["lg"], render: (at: string) => formatTime(at) },
  {
    title: "网站",
    key: "site",
    render: (_, r) => (
      <Space orientation="vertical" size={0} style={{ minWidth: 0, wordBreak: "break-all" }}>
        <Link to={detailLink(r)}>{r.siteName}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.domain}
        </Typography.Text>
      </Space>
    ),
  },
  { title: "网站备案号", dataIndex: "icpNumber", width: 190, responsive: ["md"] },
  {
    title: "主办者",
    key: "holder",
    width: 160,
    responsive: ["md"],
    render: (_, r) => (
      <Space orientation="vertical" size={0}>
        <span>{r.holder.name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.holder.type === "personal" ? "个人" : "单位"} · {r.holder.certificateNumber}
        </Typography.Text>
      </Space>
    ),
  },
  {
    title: "24 小时应急联系人",
    key: "contact",
    width: 170,
    responsive: ["lg"],
    render: (_, r) => (
      <Space orientation="vertical" size={0}>
        <span>{r.emergencyContact.name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.emergencyContact.mobile} · QQ {r.emergencyContact.qq}
        </Typography.Text>
      </Space>
    ),
  },
  { title: "资料", key: "documents", width: 120, responsive: ["sm"], render: (_, r) => <Documents record={r} /> },
  { title: "状态", dataIndex: "status", width: 96, render: (_, r) => <StatusTag record={r} /> },
  { title: "操作", key: "open", width: 64, render: (_, r) => <Link to={detailLink(r)}>审核</Link> },
];

/**
 * /console/special-websites — 特殊网站 (R-FORM-7): the records applicants keep of websites filed
 * elsewhere, waiting ones first. Personal data comes masked from the server; the record's page
 * shows it in full.
 */
export default function SpecialWebsitesReviewListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => listQueryFrom(params), [params]);
  const { data, loading, problem, refresh } = useRefreshable(() => specialWebsiteReviewApi.list(query), [query], "特殊网站列表加载失败，请刷新页面重试。");

  const show = (next: SpecialWebsiteListQuery) => setParams(listParamsFrom(next));

  return (
    <>
      <RefreshableHeading title="特殊网站" loading={loading} onRefresh={refresh} marginBottom={8} />
      <Typography.Paragraph type="secondary">
        主办者登记的、在其他渠道取得备案号的网站（R-FORM-7）。请核对备案号、24 小时应急联系人，以及{SPECIAL_WEBSITE_DOCUMENTS.identity}和{SPECIAL_WEBSITE_DOCUMENTS.responsibility_letter}。列表中的个人信息已脱敏。
      </Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="按状态筛选"
          value={query.status ?? "all"}
          options={STATUS_OPTIONS}
          onChange={(v) => show(v === "all" ? { order: query.order } : { ...query, status: v as SpecialWebsiteStatus })}
        />
        <Select aria-label="排序" value={query.order} options={ORDER_OPTIONS} style={{ width: 160 }} onChange={(order: SpecialWebsiteListQuery["order"]) => show({ ...query, order })} />
      </Flex>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Table<TSpecialWebsite>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        tableLayout="fixed"
        locale={{ emptyText: query.status === "pending" ? "暂无待审核的特殊网站登记" : "没有符合条件的特殊网站登记" }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条，${query.status ? "" : "待审核的在前，"}${ORDER_TEXT[query.order]}` }}
      />
    </>
  );
}
