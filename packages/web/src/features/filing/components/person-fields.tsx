import { CERTIFICATE_TYPES, PERSON_CERTIFICATE_TYPES } from "@beian/rules";
import { Col, Input, Row, Select } from "antd";
import { FindingField } from "./finding-field";
import { ValidityInput } from "./validity-input";

const PERSON_CERT_OPTIONS = PERSON_CERTIFICATE_TYPES.map((t) => ({ value: t, label: CERTIFICATE_TYPES[t].label }));

/**
 * A principal (负责人) under `base` ("subject.principal", "websites.0.principal"). With
 * `contactOnly` the name and certificate come from elsewhere (an individual is their own
 * principal) and only the contact details are asked for.
 */
export function PersonFields({ base, role, contactOnly = false }: { base: string; role: string; contactOnly?: boolean }) {
  return (
    <Row gutter={16}>
      {!contactOnly && (
        <>
          <Col xs={24} md={12}>
            <FindingField path={`${base}.name`} label={`${role}姓名`}>
              <Input autoComplete="off" maxLength={50} />
            </FindingField>
          </Col>
          <Col xs={24} md={12}>
            <FindingField path={`${base}.certificate.type`} label="证件类型">
              <Select options={PERSON_CERT_OPTIONS} placeholder="请选择证件类型" />
            </FindingField>
          </Col>
          <Col xs={24} md={12}>
            <FindingField path={`${base}.certificate.number`} label="证件号码">
              <Input autoComplete="off" maxLength={64} />
            </FindingField>
          </Col>
          <Col xs={24} md={12}>
            <FindingField path={`${base}.certificate.validUntil`} label="证件有效期">
              <ValidityInput />
            </FindingField>
          </Col>
        </>
      )}
      <Col xs={24} md={12}>
        <FindingField path={`${base}.mobile`} label="手机号码" extra="联系方式 1：管局短信验证码发到这个号码">
          <Input inputMode="tel" autoComplete="off" maxLength={32} />
        </FindingField>
      </Col>
      <Col xs={24} md={12}>
        <FindingField path={`${base}.email`} label="电子邮箱">
          <Input inputMode="email" autoComplete="off" maxLength={254} />
        </FindingField>
      </Col>
      <Col xs={24} md={12}>
        <FindingField path={`${base}.officePhone`} label="办公电话" extra="区号-号码，例如 0571-88888888（选填）">
          <Input inputMode="tel" autoComplete="off" maxLength={32} />
        </FindingField>
      </Col>
      <Col xs={24} md={12}>
        <FindingField path={`${base}.mobile2`} label="备用手机号码" extra="选填">
          <Input inputMode="tel" autoComplete="off" maxLength={32} />
        </FindingField>
      </Col>
    </Row>
  );
}
