import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { LANGUAGES, PRE_APPROVAL_CATEGORIES, SERVICE_CONTENTS, type FilingType } from "@beian/rules";
import { Button, Card, Checkbox, Col, Collapse, Flex, Input, Row, Select, Switch, Typography } from "antd";
import { isPersonal, type FormValues } from "../model/form-values";
import { FindingField, SectionFindings } from "./finding-field";
import { useFormActions } from "./form-actions";
import { ListInputs } from "./list-inputs";
import { PersonFields } from "./person-fields";
import { DateInput } from "./validity-input";

const CATEGORY_OPTIONS = Object.entries(PRE_APPROVAL_CATEGORIES).map(([value, c]) => ({ value, label: `${c.label}（${c.permit}）` }));

/** One website (网站信息): name, domains, home page, content, access data and its principal. */
export function WebsiteCard({ index, values, type, removable }: { index: number; values: FormValues; type: FilingType; removable: boolean }) {
  const { setField } = useFormActions();
  const site = values.websites?.[index] ?? {};
  const base = `websites.${index}`;
  const personal = isPersonal(values);
  const domains = site.domains ?? [];
  const preApprovals = site.preApprovals ?? [];
  const subjectPrincipal = values.subject?.principal;
  return (
    <Card
      title={`网站 ${index + 1}${site.name ? `：${site.name}` : ""}`}
      data-section={base}
      style={{ marginBottom: 16 }}
      extra={
        removable && (
          <Button danger type="text" icon={<DeleteOutlined />} onClick={() => setField(["websites"], (values.websites ?? []).filter((_, i) => i !== index))}>
            删除
          </Button>
        )
      }
    >
      <SectionFindings path={base} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <FindingField path={`${base}.name`} label="网站名称" extra={personal ? "至少 3 个汉字，体现网站内容，例如“张三的读书笔记”" : "至少 3 个汉字，与网站内容一致"}>
            <Input autoComplete="off" maxLength={100} />
          </FindingField>
        </Col>
        <Col xs={24} md={12}>
          <FindingField path={`${base}.homeUrl`} label="网站首页网址" extra="须包含本网站的域名，例如 www.example.cn">
            <Input autoComplete="off" maxLength={500} placeholder="www.example.cn" />
          </FindingField>
        </Col>
        <Col xs={24} md={12}>
          <ListInputs path={`${base}.domains`} items={domains} label="网站域名" noun="域名" placeholder="example.cn（不带 www）" min={1} extra="填写主域名，不带 www 或其他前缀" />
        </Col>
        <Col xs={24} md={12}>
          <ListInputs path={`${base}.ips`} items={site.ips ?? []} label="网站 IP 地址" noun="IP 地址" placeholder="203.0.113.10" extra={type === "new_access" ? "域名解析到的 IP 地址（新增接入必填）" : "服务器的 IP 地址（可在开通后补充）"} />
        </Col>
        <Col xs={24} md={12}>
          <FindingField path={`${base}.serviceContent`} label="网站服务内容">
            <Select options={[...SERVICE_CONTENTS]} placeholder="请选择" allowClear />
          </FindingField>
        </Col>
        <Col xs={24} md={12}>
          <FindingField path={`${base}.languages`} label="网站语言">
            <Select mode="multiple" options={[...LANGUAGES]} placeholder="请选择" />
          </FindingField>
        </Col>
        {(type === "new_access" || type === "change") && (
          <Col xs={24} md={12}>
            <FindingField path={`${base}.icpNumber`} label="网站备案号" extra="例如 浙ICP备2026000001号-1">
              <Input autoComplete="off" maxLength={40} />
            </FindingField>
          </Col>
        )}
        {!personal && (
          <Col xs={24} md={12}>
            <FindingField path={`${base}.commercial`} label="经营性网站" valuePropName="checked" extra="通过网站提供有偿信息服务的为经营性，须有增值电信业务经营许可证">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </FindingField>
            {site.commercial && (
              <FindingField path={`${base}.commercialLicenceNumber`} label="增值电信业务经营许可证编号" extra="例如 浙B2-20090059">
                <Input autoComplete="off" maxLength={40} />
              </FindingField>
            )}
          </Col>
        )}
        <Col xs={24}>
          <FindingField path={`${base}.remark`} label="备注" extra={personal ? "个人网站请用 20–200 字说明网站内容" : "选填"}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </FindingField>
        </Col>
      </Row>

      <FindingField path={`${base}.preApprovals`} label="前置审批" bind={false} extra={personal ? "个人网站不能涉及需要前置审批的内容" : "网站涉及新闻、出版、药品和医疗器械、文化、视听节目等内容时，填写主管部门的许可证号"}>
        <Flex vertical gap={8}>
          {preApprovals.map((_, j) => (
            <Flex key={j} gap={8} wrap align="flex-start">
              <div style={{ flex: "1 1 220px", minWidth: 0 }}>
                <FindingField path={`${base}.preApprovals.${j}.category`} style={{ marginBottom: 0 }}>
                  <Select options={CATEGORY_OPTIONS} placeholder="审批类别" aria-label={`前置审批类别 ${j + 1}`} />
                </FindingField>
              </div>
              <div style={{ flex: "1 1 160px", minWidth: 0 }}>
                <FindingField path={`${base}.preApprovals.${j}.permitNumber`} also={[`${base}.preApprovals.${j}`]} style={{ marginBottom: 0 }}>
                  <Input placeholder="许可证号或批准文号" aria-label={`前置审批文号 ${j + 1}`} />
                </FindingField>
              </div>
              <Button aria-label={`删除前置审批 ${j + 1}`} icon={<DeleteOutlined />} onClick={() => setField(["websites", index, "preApprovals"], preApprovals.filter((__, k) => k !== j))} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} style={{ alignSelf: "flex-start" }} onClick={() => setField(["websites", index, "preApprovals"], [...preApprovals, {}])}>
            添加前置审批
          </Button>
        </Flex>
      </FindingField>

      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: "certs",
            label: "域名证书信息（核对域名持有者与主办者一致）",
            children: domains.map((d, j) => (
              <div key={j} data-section={`${base}.domainCertificates.${j}`}>
                <Typography.Text strong>{d || `域名 ${j + 1}`}</Typography.Text>
                <Row gutter={16} style={{ marginTop: 8 }}>
                  <Col xs={24} md={12}>
                    <FindingField path={`${base}.domainCertificates.${j}.registrantName`} label="域名持有者" extra="与域名证书一致，应为主办者">
                      <Input autoComplete="off" maxLength={100} />
                    </FindingField>
                  </Col>
                  <Col xs={24} md={12}>
                    <FindingField path={`${base}.domainCertificates.${j}.registrantCertNumber`} label="持有者证件号码">
                      <Input autoComplete="off" maxLength={64} />
                    </FindingField>
                  </Col>
                  <Col xs={24} md={12}>
                    <FindingField path={`${base}.domainCertificates.${j}.expiresAt`} label="域名到期日期">
                      <DateInput />
                    </FindingField>
                  </Col>
                  <Col xs={24} md={12}>
                    <FindingField path={`${base}.domainCertificates.${j}.verifiedAt`} label="实名认证完成日期">
                      <DateInput />
                    </FindingField>
                  </Col>
                </Row>
              </div>
            )),
          },
        ]}
      />

      <div data-section={`${base}.principal`}>
        <Typography.Title level={5}>网站负责人</Typography.Title>
        <SectionFindings path={`${base}.principal`} />
        {personal ? (
          <Typography.Paragraph type="secondary">
            个人备案的网站负责人就是主办者本人{values.subject?.name ? `（${values.subject.name}）` : ""}，与主体负责人信息相同。
          </Typography.Paragraph>
        ) : (
          <>
            <FindingField path={`${base}.samePrincipal`} valuePropName="checked" style={{ marginBottom: 12 }}>
              <Checkbox>与主体负责人相同{subjectPrincipal?.name ? `（${subjectPrincipal.name}）` : ""}</Checkbox>
            </FindingField>
            {!site.samePrincipal && <PersonFields base={`${base}.principal`} role="网站负责人" />}
          </>
        )}
      </div>
    </Card>
  );
}
