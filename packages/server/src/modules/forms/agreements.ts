import { LETTER_MARGIN as MARGIN, renderLetter, type PdfDoc as Doc } from "./pdf.js";

/**
 * 信息安全管理协议 and 网站备案授权书 (R-DOC-1, R-MAT-4/5, SUB-3): plain one-page documents,
 * pre-filled from the filing, signed (and sealed or fingerprinted) by hand.
 */
export interface AgreementParty {
  subjectType: "personal" | "organisation";
  subjectName: string;
  certificateType: string;
  certificateNumber: string;
  address: string;
  principalName: string;
  principalMobile: string;
  websites: { name: string; domains: string[] }[];
  provider: { name: string };
  seal: boolean;
  fingerprint: boolean;
  printedAt: string;
}

export interface AuthorizationModel extends AgreementParty {
  /** Legal representative who authorises (主体负责人). */
  legalRepresentative: string;
  /** Website principal who is authorised (网站负责人). */
  websitePrincipal: { name: string; certificateType: string; certificateNumber: string; mobile: string };
}

const sites = (p: AgreementParty) => p.websites.map((w) => `${w.name}（${w.domains.join("、")}）`).join("；");

function signatures(doc: Doc, left: string[], right: string[]) {
  doc.moveDown(2).font("regular").fontSize(11);
  const top = doc.y;
  const half = (doc.page.width - 2 * MARGIN) / 2;
  doc.text(left.join("\n\n"), MARGIN, top, { width: half - 10 });
  doc.text(right.join("\n\n"), MARGIN + half, top, { width: half });
}

export function renderSecurityAgreement(p: AgreementParty): Promise<Buffer> {
  return renderLetter("信息安全管理协议", (doc) => drawSecurityAgreement(doc, p));
}

function drawSecurityAgreement(doc: Doc, p: AgreementParty) {
  const who = p.subjectType === "personal" ? "个人" : "单位";
  doc.font("regular").fontSize(11);
  doc.text(`甲方（接入服务单位）：${p.provider.name}`);
  doc.text(`乙方（网站主办者）：${p.subjectName}`);
  doc.text(`乙方证件：${p.certificateType}　${p.certificateNumber}`);
  doc.text(`乙方地址：${p.address}`);
  doc.text(`乙方网站：${sites(p)}`).moveDown(1);
  const clauses = [
    "乙方承诺遵守《中华人民共和国网络安全法》《互联网信息服务管理办法》《非经营性互联网信息服务备案管理办法》等法律法规，不利用甲方提供的接入服务制作、复制、发布、传播法律法规禁止的信息。",
    "乙方保证所提交的备案信息真实、准确、完整，备案信息发生变化时，在 30 日内通过甲方备案系统办理变更。",
    "乙方网站在取得备案号前不得开通访问；取得备案号后应在网站首页底部显著位置标明备案号并链接至工信部备案管理系统。",
    "乙方应建立健全网站信息安全管理制度，落实信息安全保护技术措施，发现违法信息立即停止传输、保存记录并向有关部门报告。",
    "乙方网站涉及新闻、出版、教育、医疗保健、药品和医疗器械、文化、广播电影电视节目等须经有关主管部门审核同意的内容，应在取得前置审批后方可提供相应服务。",
    "乙方违反本协议或法律法规的，甲方有权暂停或终止接入服务，并依法向有关部门报告。",
    `本协议一式两份，甲乙双方各执一份，自乙方${p.seal ? "签字盖章" : "签字按手印"}之日起生效。`,
  ];
  clauses.forEach((c, i) => doc.text(`${i + 1}. ${c}`, { paragraphGap: 4 }));
  signatures(
    doc,
    ["甲方（盖章）：", "日期：　　年　　月　　日"],
    [
      `乙方${who}负责人签字：`,
      ...(p.seal ? ["乙方盖章："] : []),
      ...(p.fingerprint ? ["手印："] : []),
      "日期：　　年　　月　　日",
    ],
  );
}

export function renderAuthorizationLetter(m: AuthorizationModel): Promise<Buffer> {
  return renderLetter("网站备案授权书", (doc) => drawAuthorizationLetter(doc, m));
}

function drawAuthorizationLetter(doc: Doc, m: AuthorizationModel) {
  doc.font("regular").fontSize(11.5);
  doc.text(`致：${m.provider.name}`).moveDown(0.5);
  doc.text(
    `兹授权 ${m.websitePrincipal.name}（${m.websitePrincipal.certificateType}：${m.websitePrincipal.certificateNumber}，手机：${m.websitePrincipal.mobile}）` +
      `作为本单位网站负责人，代表本单位 ${m.subjectName}（${m.certificateType}：${m.certificateNumber}）办理以下网站的 ICP 备案相关事宜：`,
    { paragraphGap: 6 },
  );
  m.websites.forEach((w, i) => doc.text(`${i + 1}. ${w.name}：${w.domains.join("、")}`));
  doc.moveDown(0.5);
  doc.text(
    "被授权人负责网站备案信息的填报、核验及网站日常信息安全管理。本单位对被授权人在授权范围内的行为承担法律责任。本授权书自签署之日起生效，至上述网站备案注销或本单位书面撤销授权时止。",
    { paragraphGap: 6 },
  );
  signatures(
    doc,
    [`授权单位：${m.subjectName}`, "单位盖章：", `法定代表人（${m.legalRepresentative}）签字：`, "日期：　　年　　月　　日"],
    [`被授权人（网站负责人）签字：`, "日期：　　年　　月　　日"],
  );
}
