/**
 * WSDL documents of the three enterprise services (document/literal). Every parameter is an
 * xsd:string so that malformed numbers reach our own checks (and get a msg_code) instead of
 * failing inside the SOAP layer; every reply is one string, the <return> XML of the interface.
 */
export interface ServiceSpec {
  /** Service and port name stem, e.g. "UpDownLoad". */
  name: string;
  path: string;
  operations: { name: string; params: readonly string[] }[];
}

const AUTH = ["ispId", "userName", "randVal", "pwdHash", "hashAlgorithm"] as const;

export const NAMESPACE = "http://beian.miit.gov.cn/ispws";

export const SERVICES = {
  upDownLoad: {
    name: "UpDownLoad",
    path: "/ISPWebService/upDownLoad",
    operations: [
      { name: "isp_upload", params: [...AUTH, "beianInfo", "beianInfoHash", "dataSequence", "encryptAlgorithm", "compressionFormat"] },
      { name: "isp_download", params: AUTH },
      { name: "isp_downloadack", params: [...AUTH, "fileName"] },
      { name: "isp_querypreviousupload", params: AUTH },
    ],
  },
  queryBeianStatus: {
    name: "QueryBeianStatus",
    path: "/BeianStatusWebService/queryBeianStatus",
    operations: [{ name: "isp_querybeianstatus", params: [...AUTH, "queryConditionType", "queryCondition"] }],
  },
  verifyBamm: {
    name: "VerifyBamm",
    path: "/BeianStatusWebService/verifyBamm",
    operations: [{ name: "isp_verifybamm", params: [...AUTH, "baxh", "bamm"] }],
  },
} as const satisfies Record<string, ServiceSpec>;

export function buildWsdl(spec: ServiceSpec, baseUrl: string): string {
  const elements = spec.operations
    .map(
      (op) => `
      <xsd:element name="${op.name}"><xsd:complexType><xsd:sequence>${op.params
        .map((p) => `<xsd:element name="${p}" type="xsd:string" minOccurs="0"/>`)
        .join("")}</xsd:sequence></xsd:complexType></xsd:element>
      <xsd:element name="${op.name}Response"><xsd:complexType><xsd:sequence><xsd:element name="return" type="xsd:string" minOccurs="0"/></xsd:sequence></xsd:complexType></xsd:element>`,
    )
    .join("");
  const messages = spec.operations
    .map(
      (op) => `
  <wsdl:message name="${op.name}"><wsdl:part name="parameters" element="tns:${op.name}"/></wsdl:message>
  <wsdl:message name="${op.name}Response"><wsdl:part name="parameters" element="tns:${op.name}Response"/></wsdl:message>`,
    )
    .join("");
  const portOps = spec.operations
    .map((op) => `<wsdl:operation name="${op.name}"><wsdl:input message="tns:${op.name}"/><wsdl:output message="tns:${op.name}Response"/></wsdl:operation>`)
    .join("");
  const bindingOps = spec.operations
    .map(
      (op) =>
        `<wsdl:operation name="${op.name}"><soap:operation soapAction="${op.name}"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${NAMESPACE}" targetNamespace="${NAMESPACE}" name="${spec.name}Service">
  <wsdl:types>
    <xsd:schema targetNamespace="${NAMESPACE}" elementFormDefault="unqualified">${elements}
    </xsd:schema>
  </wsdl:types>${messages}
  <wsdl:portType name="${spec.name}PortType">${portOps}</wsdl:portType>
  <wsdl:binding name="${spec.name}Binding" type="tns:${spec.name}PortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOps}
  </wsdl:binding>
  <wsdl:service name="${spec.name}Service">
    <wsdl:port name="${spec.name}Port" binding="tns:${spec.name}Binding"><soap:address location="${baseUrl}${spec.path}"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>`;
}
