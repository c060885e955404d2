import { FILING_TYPES, PROVINCES, SUBJECT_NATURES, type FilingStatus } from "@beian/rules";
import { Button, Input, Select, Space } from "antd";
import { STATUS_LABELS } from "../model/format";
import type { QueueFilters } from "../model/review-api";

export const DEFAULT_STATUSES: FilingStatus[] = ["submitted", "verifying"];

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as FilingStatus[])
  .filter((s) => s !== "draft")
  .map((value) => ({ value, label: STATUS_LABELS[value] }));
const PROVINCE_OPTIONS = Object.entries(PROVINCES).map(([value, p]) => ({ value, label: p.name }));
const TYPE_OPTIONS = Object.entries(FILING_TYPES).map(([value, label]) => ({ value, label }));
const SUBJECT_OPTIONS = Object.entries(SUBJECT_NATURES).map(([value, n]) => ({ value, label: n.label }));
export const SLA_OPTIONS = [
  { value: "overdue", label: "已超时" },
  { value: "due_today", label: "今日到期" },
  { value: "on_time", label: "未到期" },
  { value: "none", label: "无时限" },
];

interface Props {
  value: QueueFilters;
  onChange: (next: QueueFilters) => void;
}

/** Filters of the review queue; every change goes to the URL so the list survives a visit to a filing. */
export function QueueFiltersBar({ value, onChange }: Props) {
  const set = (patch: Partial<QueueFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 16 }}>
      <Input.Search
        key={value.q ?? ""}
        defaultValue={value.q}
        placeholder="主办者名称 / 域名 / 证件号码"
        aria-label="搜索备案"
        allowClear
        enterButton="搜索"
        style={{ width: 320, maxWidth: "100%" }}
        onSearch={(q) => set({ q: q.trim() || undefined })}
      />
      <Select
        mode="multiple"
        aria-label="状态"
        placeholder="状态"
        style={{ minWidth: 200 }}
        maxTagCount="responsive"
        options={STATUS_OPTIONS}
        value={value.status ?? DEFAULT_STATUSES}
        onChange={(status: string[]) => set({ status: status.length > 0 ? status : undefined })}
      />
      <Select
        aria-label="备案省份"
        placeholder="备案省份"
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        style={{ width: 150 }}
        options={PROVINCE_OPTIONS}
        value={value.province}
        onChange={(province?: string) => set({ province })}
      />
      <Select
        aria-label="备案类型"
        placeholder="备案类型"
        allowClear
        style={{ width: 130 }}
        options={TYPE_OPTIONS}
        value={value.type}
        onChange={(type?: string) => set({ type })}
      />
      <Select
        aria-label="主办单位性质"
        placeholder="主办单位性质"
        allowClear
        style={{ width: 150 }}
        options={SUBJECT_OPTIONS}
        value={value.subjectType}
        onChange={(subjectType?: string) => set({ subjectType })}
      />
      <Select
        aria-label="审核时限"
        placeholder="审核时限"
        allowClear
        style={{ width: 130 }}
        options={SLA_OPTIONS}
        value={value.sla}
        onChange={(sla?: string) => set({ sla })}
      />
      <Button onClick={() => onChange({})}>重置</Button>
    </Space>
  );
}
