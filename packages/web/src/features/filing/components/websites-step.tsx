import { PlusOutlined } from "@ant-design/icons";
import { DEFAULT_WORKFLOW_LIMITS, type FilingType } from "@beian/rules";
import { Button, Card, Col, Input, Row } from "antd";
import { emptyWebsite, isPersonal, type FormValues } from "../model/form-values";
import { FindingField, SectionFindings } from "./finding-field";
import { useFormActions } from "./form-actions";
import { WebsiteCard } from "./website-card";

/** 第二步 网站信息 (R-FORM-1, R-FORM-5, R-FORM-6). */
export function WebsitesStep({ values, type }: { values: FormValues; type: FilingType }) {
  const { setField } = useFormActions();
  const websites = values.websites ?? [];
  const personal = isPersonal(values);
  const max = personal ? DEFAULT_WORKFLOW_LIMITS.personalWebsitesPerApplication : DEFAULT_WORKFLOW_LIMITS.organisationWebsitesPerApplication;
  return (
    <>
      <SectionFindings path="websites" />
      {type === "new_access" && (
        <Card title="新增接入信息" data-section="access" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <FindingField path="access.icpNumber" label="网站备案号" extra="原接入商处的网站备案号，例如 浙ICP备2026000001号-1">
                <Input autoComplete="off" maxLength={40} />
              </FindingField>
            </Col>
            <Col xs={24} md={12}>
              <FindingField path="access.filingPassword" label="备案密码" extra="管局发给主体负责人的备案密码">
                <Input.Password autoComplete="off" maxLength={64} />
              </FindingField>
            </Col>
          </Row>
        </Card>
      )}
      {websites.map((_, i) => (
        <WebsiteCard key={i} index={i} values={values} type={type} removable={websites.length > 1} />
      ))}
      {websites.length < max && (
        <Button type="dashed" block icon={<PlusOutlined />} onClick={() => setField(["websites"], [...websites, emptyWebsite()])} style={{ marginBottom: 16 }}>
          添加网站
        </Button>
      )}
    </>
  );
}
