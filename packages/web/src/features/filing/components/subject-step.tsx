import { CERTIFICATE_TYPES, isSubjectNature, SUBJECT_NATURES, type FilingType } from "@beian/rules";
import { Card, Checkbox, Col, Input, Row, Select, Typography } from "antd";
import { isPersonal, type FormValues } from "../model/form-values";
import { AddressInput } from "./address-input";
import { FindingField, SectionFindings } from "./finding-field";
import { useFormActions } from "./form-actions";
import { PersonFields } from "./person-fields";
import { ProvinceNotes } from "./province-notes";
import { ValidityInput } from "./validity-input";

const NATURE_OPTIONS = Object.entries(SUBJECT_NATURES).map(([value, info]) => ({ value, label: info.label }));

/** 第一步 主体信息 (R-FORM-1): who files — the subject, its principal and an emergency contact. */
export function SubjectStep({ values, type }: { values: FormValues; type: FilingType }) {
  const { setField } = useFormActions();
  const subject = values.subject;
  const personal = isPersonal(values);
  const nature = isSubjectNature(subject?.type) ? subject.type : undefined;
  const certOptions = nature ? SUBJECT_NATURES[nature].certificates.map((c) => ({ value: c, label: CERTIFICATE_TYPES[c].label })) : [];
  return (
    <>
      <Card title="主办者" data-section="subject" style={{ marginBottom: 16 }}>
        <ProvinceNotes provinceCode={subject?.address?.provinceCode} personal={personal} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <FindingField path="subject.type" label="主办单位性质">
              <Select
                options={NATURE_OPTIONS}
                placeholder="个人、企业、事业单位、政府机关……"
                onChange={(next: string) => {
                  // ID-4: keep the certificate type only if the new nature allows it; else offer its first one.
                  const allowed: readonly string[] = isSubjectNature(next) ? SUBJECT_NATURES[next].certificates : [];
                  const current = subject?.certificate?.type;
                  if (allowed[0] && (!current || !allowed.includes(current))) setField(["subject", "certificate", "type"], allowed[0]);
                }}
              />
            </FindingField>
          </Col>
          <Col xs={24}>
            <FindingField
              path="subject.address"
              label="通信地址"
              also={["subject.address.provinceCode", "subject.address.cityCode", "subject.address.districtCode", "subject.address.detail", "province"]}
              extra="先选择所在省市区：备案省份由此确定，各省的要求随之显示。详细地址写到门牌号和房间号，不必重复省市区"
            >
              <AddressInput />
            </FindingField>
          </Col>
          <Col xs={24} md={12}>
            <FindingField path="subject.name" label={personal ? "主办者姓名" : "主办单位名称"} extra={personal ? "与身份证件上的姓名一致" : "与证件上的单位名称一致"}>
              <Input autoComplete="off" maxLength={100} />
            </FindingField>
          </Col>
          <Col xs={24} md={12}>
            <FindingField path="subject.certificate.type" label="主办者证件类型">
              <Select options={certOptions} placeholder={nature ? "请选择证件类型" : "请先选择主办单位性质"} disabled={!nature} />
            </FindingField>
          </Col>
          <Col xs={24} md={12}>
            <FindingField path="subject.certificate.number" label="主办者证件号码" also={personal ? ["subject.principal.certificate.number"] : []}>
              <Input autoComplete="off" maxLength={64} />
            </FindingField>
          </Col>
          <Col xs={24} md={12}>
            <FindingField path="subject.certificate.validUntil" label="证件有效期" also={personal ? ["subject.principal.certificate.validUntil", "subject.principal.certificate.type"] : []}>
              <ValidityInput />
            </FindingField>
          </Col>
          {!personal && (
            <>
              <Col xs={24} md={12}>
                <FindingField path="subject.certificate.domicile" label="证件住所" extra="按营业执照等证件上的住所（注册地址）填写">
                  <Input autoComplete="off" maxLength={200} />
                </FindingField>
              </Col>
              <Col xs={24} md={12}>
                <FindingField path="subject.investor" label="投资人或主管单位" extra="企业填主要投资人，事业单位填主管单位">
                  <Input autoComplete="off" maxLength={100} />
                </FindingField>
              </Col>
              <Col xs={24} md={12}>
                <FindingField path="subject.renamed" label="单位名称变更" valuePropName="checked" extra="单位名称变更过的，需上传工商部门出具的更名证明">
                  <Checkbox>单位名称曾经变更</Checkbox>
                </FindingField>
              </Col>
              <Col xs={24} md={12}>
                <FindingField path="subject.legalRepresentativeName" label="法定代表人姓名" extra="与证件上的法定代表人（负责人）一致">
                  <Input autoComplete="off" maxLength={50} />
                </FindingField>
              </Col>
            </>
          )}
          {(type === "new_site" || type === "change") && (
            <Col xs={24} md={12}>
              <FindingField path="subject.icpNumber" label="主体备案号" extra="例如 浙ICP备2026000001号">
                <Input autoComplete="off" maxLength={40} />
              </FindingField>
            </Col>
          )}
        </Row>
      </Card>

      <Card title="主体负责人" data-section="subject.principal" style={{ marginBottom: 16 }}>
        <SectionFindings path="subject.principal" />
        {personal ? (
          <Typography.Paragraph type="secondary">
            个人备案的主体负责人就是主办者本人{subject?.name ? `（${subject.name}）` : ""}，姓名和证件同上，请填写联系方式。
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph type="secondary">单位备案的主体负责人须为法定代表人。</Typography.Paragraph>
        )}
        <PersonFields base="subject.principal" role="主体负责人" contactOnly={personal} />
      </Card>

      <Card title="应急联系人" data-section="subject.emergencyContact" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">24 小时可联系到的另一位联系人，号码不能与负责人相同。</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <FindingField path="subject.emergencyContact.name" label="应急联系人姓名">
              <Input autoComplete="off" maxLength={50} />
            </FindingField>
          </Col>
          <Col xs={24} md={12}>
            <FindingField path="subject.emergencyContact.mobile" label="应急联系电话">
              <Input inputMode="tel" autoComplete="off" maxLength={32} />
            </FindingField>
          </Col>
        </Row>
      </Card>
    </>
  );
}
