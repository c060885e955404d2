import { isProvinceKey, PROVINCE_KEYS, PROVINCES, type PolicyKey, type ProvinceKey } from "@beian/rules";
import { Alert, App, Button, Card, Flex, Grid, Popconfirm, Select, Space, Spin, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ApiError } from "../../../lib/api";
import { COMMON_VALUES, describePolicy } from "../../help/model/provinces";
import { PolicyEditDialog } from "../components/policy-edit-dialog";
import { formatTime } from "../model/format";
import { POLICY_EDITORS } from "../model/policy-editors";
import { overrideFindings, overridesOf, policyRows, withOverride, type OverrideEntry, type PolicyRow } from "../model/policy-overrides";
import { useProvincePolicies } from "../model/use-province-policies";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why a change was refused: the rules' findings before sending, or the server's problem. */
function problemLines(error: unknown): string[] {
  if (error instanceof ApiError) return [error.detail, ...error.errors.map((e) => e.message).filter((m) => m !== error.detail)];
  if (error instanceof PolicyRefused) return error.lines;
  return ["保存失败，请稍后重试。"];
}

class PolicyRefused extends Error {
  constructor(readonly lines: string[]) {
    super(lines[0]);
  }
}

function PolicyTitle({ row }: { row: PolicyRow }) {
  return (
    <>
      <Typography.Text strong style={{ whiteSpace: "normal" }}>
        {row.title}
      </Typography.Text>
      <div style={{ marginTop: 4 }}>
        <Tag>{row.ruleId}</Tag>
        {row.override && <Tag color="purple">已覆盖</Tag>}
      </div>
    </>
  );
}

function BuiltIn({ row }: { row: PolicyRow }) {
  return (
    <>
      {row.key !== "smsVerification" && !same(row.builtIn.value, COMMON_VALUES[row.key]) && <Tag color="blue">本省特别规定</Tag>}
      <span style={{ wordBreak: "break-word" }}>{describePolicy(row.key, row.builtIn.value as never)}</span>
      <Source entry={row.builtIn} />
    </>
  );
}

function InForce({ row }: { row: PolicyRow }) {
  return (
    <div data-testid="in-force">
      <span style={{ wordBreak: "break-word" }}>{describePolicy(row.key, row.inForce.value as never)}</span>
      <Source entry={row.inForce} />
    </div>
  );
}

function Source({ entry }: { entry: { source: string; year: number | null; note?: string } }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
      来源：{entry.source}
      {entry.year ? `（${entry.year}）` : ""}
      {entry.note ? ` · ${entry.note}` : ""}
    </Typography.Text>
  );
}

/**
 * The province policies (R-SMS-7 and the province rules): the rules' table per province, the
 * provider's overrides on top. A change applies at once on the server, in the applicant's form
 * and in the help center; every change is audited by the server.
 */
export default function ProvincePoliciesPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const wanted = params.get("province");
  const province: ProvinceKey = wanted && isProvinceKey(wanted) ? wanted : "bj";
  const { overrides, policies, changes, loadError, save } = useProvincePolicies();
  const [editing, setEditing] = useState<PolicyKey | null>(null);
  const [switching, setSwitching] = useState<PolicyKey | null>(null);
  const narrow = Grid.useBreakpoint().md === false;

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  if (!overrides || !policies) return <Spin style={{ display: "block", margin: "20vh auto" }} />;

  const mine = overridesOf(overrides, province);
  const rows = policyRows(province, policies, mine);
  const name = PROVINCES[province].name;
  const changed = changes[province];

  async function saveEntry(key: PolicyKey, entry?: OverrideEntry) {
    const next = withOverride(mine, province, key, entry);
    const findings = overrideFindings(province, next);
    if (findings.length > 0) throw new PolicyRefused(findings.map((f) => f.message));
    await save(province, next);
  }

  async function quickSwitch(row: PolicyRow, on: boolean) {
    setSwitching(row.key);
    try {
      await saveEntry(row.key, { value: on, source: row.override?.source ?? "接入商管理员配置", year: new Date().getFullYear() });
      void message.success(`${name}：${row.title}已${on ? "开启" : "关闭"}`);
    } catch (error) {
      void message.error(problemLines(error).join(" "));
    } finally {
      setSwitching(null);
    }
  }

  async function reset(row: PolicyRow) {
    try {
      await saveEntry(row.key);
      void message.success(`${name}：${row.title}已恢复默认`);
    } catch (error) {
      void message.error(problemLines(error).join(" "));
    }
  }

  async function resetProvince() {
    try {
      await save(province, {});
      void message.success(`${name}的规则已全部恢复默认`);
    } catch (error) {
      void message.error(problemLines(error).join(" "));
    }
  }

  const actions = (row: PolicyRow) => (
    <Space wrap size={4}>
      {POLICY_EDITORS[row.key].kind === "switch" && (
        <Switch aria-label={`${row.title}开关`} checked={row.inForce.value === true} loading={switching === row.key} onChange={(on) => void quickSwitch(row, on)} />
      )}
      <Button type="link" size="small" aria-label={`编辑 ${row.title}`} onClick={() => setEditing(row.key)}>
        编辑
      </Button>
      {row.override && (
        <Popconfirm title={`${row.title}恢复为默认？`} okText="恢复默认" cancelText="取消" onConfirm={() => reset(row)}>
          <Button type="link" size="small" aria-label={`恢复默认 ${row.title}`}>
            恢复默认
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const editingRow = rows.find((r) => r.key === editing);
  return (
    <>
      <Typography.Title level={3}>省份政策</Typography.Title>
      <Typography.Paragraph type="secondary">
        默认值来自内置的各省备案规则；在此覆盖后立即对提交检查、申请人填写时的提示和帮助中心生效。每次修改都记入审计日志（修改人、时间、修改前后的值）。
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          aria-label="省份"
          value={province}
          style={{ width: 260 }}
          showSearch={{ optionFilterProp: "label" }}
          onChange={(p: string) => setParams({ province: p })}
          options={PROVINCE_KEYS.map((p) => {
            const n = Object.keys(overridesOf(overrides, p)).length;
            return { value: p, label: `${PROVINCES[p].name}${n > 0 ? `（已覆盖 ${n} 项）` : ""}` };
          })}
        />
        {Object.keys(mine).length > 0 && (
          <Popconfirm title={`把${name}的全部规则恢复为默认？`} okText="恢复默认" cancelText="取消" onConfirm={resetProvince}>
            <Button>恢复本省全部默认</Button>
          </Popconfirm>
        )}
      </Flex>
      {changed && (
        <Typography.Paragraph type="secondary" data-testid="province-changed" style={{ marginTop: -4 }}>
          {name}的覆盖配置最近一次修改 · 修改人：{changed.updatedBy ?? "—"} · 修改时间：{formatTime(changed.updatedAt)}
        </Typography.Paragraph>
      )}
      {narrow ? (
        <Flex vertical gap={12}>
          {rows.map((row) => (
            <Card key={row.key} size="small" data-row-key={row.key} title={<PolicyTitle row={row} />} extra={actions(row)}>
              <Typography.Text type="secondary">默认：</Typography.Text>
              <BuiltIn row={row} />
              {row.override && (
                <div style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">当前生效：</Typography.Text>
                  <InForce row={row} />
                </div>
              )}
            </Card>
          ))}
        </Flex>
      ) : (
        <Table
          rowKey="key"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={[
            { title: "规则", key: "title", width: 220, render: (_: unknown, row: PolicyRow) => <PolicyTitle row={row} /> },
            { title: "默认", key: "builtIn", render: (_: unknown, row: PolicyRow) => <BuiltIn row={row} /> },
            {
              title: "当前生效",
              key: "inForce",
              width: "32%",
              render: (_: unknown, row: PolicyRow) => (row.override ? <InForce row={row} /> : <Typography.Text type="secondary">同默认</Typography.Text>),
            },
            { title: "操作", key: "actions", width: 200, render: (_: unknown, row: PolicyRow) => actions(row) },
          ]}
        />
      )}
      {editingRow && (
        <PolicyEditDialog
          key={`${province}.${editingRow.key}`}
          provinceName={name}
          row={editingRow}
          problems={problemLines}
          onCancel={() => setEditing(null)}
          onSave={async (entry) => {
            await saveEntry(editingRow.key, entry);
            setEditing(null);
            void message.success(`${name}：${editingRow.title}已保存`);
          }}
        />
      )}
    </>
  );
}
