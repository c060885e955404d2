import { CERTIFICATE_TYPES, type CertificateType } from "@beian/rules";
import type { TSpecialWebsiteInput } from "@beian/contracts";
import type { SpecialWebsiteRow } from "../../db/schema.js";
import { renderLetter } from "../forms/pdf.js";
import { holderOf } from "./view.js";

/**
 * R-FORM-7: the 信息安全责任书 of a special website, pre-filled from the record, printed, signed
 * (organisations also seal it) and uploaded back as an image. One A4 page.
 */
export function renderResponsibilityLetter(row: SpecialWebsiteRow, providerName: string): Promise<Buffer> {
  const holder = holderOf(row);
  const contact = row.emergencyContact as TSpecialWebsiteInput["emergencyContact"];
  const certificateLabel = CERTIFICATE_TYPES[holder.certificateType as CertificateType]?.label ?? holder.certificateType;
  return renderLetter("信息安全责任书", (doc) => {
    doc.font("regular").fontSize(11);
    doc.text(`接入服务单位：${providerName}`);
    doc.text(`网站主办者：${holder.name}（${certificateLabel}　${holder.certificateNumber}）`);
    doc.text(`网站名称：${row.siteName}　　域名：${row.domain}`);
    doc.text(`备案号：${row.icpNumber}`);
    doc.text(`24 小时应急联系人：${contact.name}　手机：${contact.mobile}　QQ：${contact.qq}`).moveDown(1);
    const clauses = [
      "本网站已在其他接入服务单位或渠道取得上述备案号，本人（本单位）保证备案信息真实、有效，备案信息变化时及时办理变更。",
      "遵守《中华人民共和国网络安全法》《互联网信息服务管理办法》等法律法规，不制作、复制、发布、传播法律法规禁止的信息。",
      "落实信息安全管理制度和技术保护措施，发现违法信息立即停止传输、保存记录并向有关部门和接入服务单位报告。",
      "保证上述应急联系人 24 小时可以联系；联系方式变更时立即通知接入服务单位。",
      "违反本责任书的，接入服务单位有权暂停或终止接入服务，并依法向有关部门报告，责任由本人（本单位）承担。",
    ];
    clauses.forEach((c, i) => doc.text(`${i + 1}. ${c}`, { paragraphGap: 4 }));
    const seal = holder.type === "organisation";
    doc.moveDown(2).text(seal ? "网站主办者（盖章）：" : "网站主办者签字：");
    if (seal) doc.moveDown(1).text("负责人签字：");
    doc.moveDown(1).text("日期：　　年　　月　　日");
  });
}
