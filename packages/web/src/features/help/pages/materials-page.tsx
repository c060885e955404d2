import { FILING_TYPES, isProvinceKey, MATERIAL_KINDS, PROVINCE_KEYS, type FilingType, type ProvinceKey } from "@beian/rules";
import { Alert, Card, Flex, Grid, List, Segmented, Select, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { useHelp } from "../components/help-context";
import { HelpPage, HelpSection } from "../components/help-page";
import { describeForm, FILING_TYPE_KEYS, FILING_TYPE_NOTES, materialsView, SUBJECT_KINDS } from "../model/materials";
import type { SubjectKind } from "../model/sample-filings";

const isType = (v: string | null): v is FilingType => v !== null && Object.hasOwn(FILING_TYPES, v);

export default function MaterialsPage() {
  const { policies } = useHelp();
  const screens = Grid.useBreakpoint();
  const typeOptions = FILING_TYPE_KEYS.map((t) => ({ value: t, label: FILING_TYPES[t] }));
  const [params, setParams] = useSearchParams();
  const type: FilingType = isType(params.get("type")) ? (params.get("type") as FilingType) : "first";
  const subject: SubjectKind = params.get("subject") === "organisation" ? "organisation" : "personal";
  const province: ProvinceKey = isProvinceKey(params.get("province")) ? (params.get("province") as ProvinceKey) : "bj";
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(key, value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  const view = useMemo(() => materialsView(subject, type, province, policies, new Date()), [subject, type, province, policies]);
  const policy = policies[province];
  const variants = view.variants.filter((v) => v.extra.length > 0);

  return (
    <HelpPage title="备案资料与核验单" summary="选择备案类型、主体和备案省份，下面的清单由系统按提交时使用的同一套规则计算，每项都写明了需要的原因。">
      <Card style={{ marginBottom: 24 }}>
        <Flex vertical gap={12}>
          <div>
            <Typography.Text strong>备案类型</Typography.Text>
            <div style={{ marginTop: 4 }}>
              {/* Seven types do not fit a phone's width as buttons. */}
              {screens.md ? (
                <Segmented value={type} onChange={(v) => set("type", String(v))} options={typeOptions} />
              ) : (
                <Select aria-label="备案类型" value={type} onChange={(v) => set("type", v)} options={typeOptions} style={{ width: 180 }} />
              )}
            </div>
          </div>
          <Flex wrap gap={16}>
            <div>
              <Typography.Text strong>主体</Typography.Text>
              <div style={{ marginTop: 4 }}>
                <Segmented value={subject} onChange={(v) => set("subject", String(v))} options={[{ value: "personal", label: "个人" }, { value: "organisation", label: "单位" }]} />
              </div>
            </div>
            <div>
              <Typography.Text strong>备案省份</Typography.Text>
              <div style={{ marginTop: 4 }}>
                <Select
                  aria-label="备案省份"
                  showSearch
                  optionFilterProp="label"
                  value={province}
                  onChange={(v) => set("province", v)}
                  style={{ width: 180 }}
                  options={PROVINCE_KEYS.map((k) => ({ value: k, label: policies[k].name }))}
                />
              </div>
            </div>
          </Flex>
          <Typography.Paragraph style={{ margin: 0 }} id={`type-${type}`}>
            <Tag color="blue">{FILING_TYPES[type]}</Tag>
            {FILING_TYPE_NOTES[type]}
          </Typography.Paragraph>
        </Flex>
      </Card>

      <HelpSection id="uploads" title={`需要上传的资料（${SUBJECT_KINDS[subject]}，${policy.name}）`}>
        {view.materials.length === 0 ? (
          <Alert type="info" showIcon title={`${FILING_TYPES[type]}无需上传资料：由管局凭备案密码核实。`} />
        ) : (
          <List
            bordered
            dataSource={view.materials}
            renderItem={(m, i) => (
              <List.Item key={`${m.kind}-${i}`}>
                <List.Item.Meta
                  title={
                    <span style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
                      {m.label}
                      <Tag>{m.ruleId}</Tag>
                    </span>
                  }
                  description={
                    <>
                      <div>{m.reason}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        要求：{MATERIAL_KINDS[m.kind].hint}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
        {view.materials.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {subject === "organisation" ? "示例：单位的法定代表人王五担任网站负责人，网站有一个域名。" : "示例：持本省身份证的成年人张三，一个网站、一个域名。"}图片要求见
            <Link to="/help/photo#images">图片大小与格式</Link>。
          </Typography.Paragraph>
        )}
      </HelpSection>

      {variants.length > 0 && (
        <HelpSection id="variants" title="以下情况还需要">
          <Flex vertical gap={12}>
            {variants.map((v) => (
              <Card key={v.title} size="small" title={<span style={{ whiteSpace: "normal" }}>{v.title}</span>}>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {v.extra.map((m, i) => (
                    <li key={`${m.kind}-${i}`}>
                      <strong>{m.label}</strong>：{m.reason}
                    </li>
                  ))}
                </ul>
              </Card>
            ))}
          </Flex>
        </HelpSection>
      )}
      {subject === "personal" && policy.rules.nonLocalIndividuals.value.mode === "refused" && view.materials.length > 0 && (
        <Alert style={{ marginBottom: 24 }} type="warning" showIcon title={`${policy.name}不接受外省个人备案：身份证不是本省签发的个人不能在本省备案。`} />
      )}

      {view.materials.length > 0 && (
        <HelpSection id="forms" title="核验单与纸质资料">
          <Card size="small" title="网站备案信息真实性核验单" style={{ marginBottom: 12 }}>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {describeForm(view.form, policy.name).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Card>
          <Typography.Paragraph>现场核验或接入商要求邮寄纸质资料时，请准备：</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="document"
            dataSource={view.papers}
            columns={[
              { title: "资料", dataIndex: "document" },
              { title: "份数", dataIndex: "copies", width: 64, render: (n: number) => `${n} 份` },
              { title: "签字 / 盖章 / 按手印", dataIndex: "note", render: (s: string) => s || "—" },
            ]}
          />
        </HelpSection>
      )}
    </HelpPage>
  );
}
