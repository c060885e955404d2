import { renderPdf, type PdfDoc as Doc } from "./pdf.js";

/**
 * 网站备案信息真实性核验单 (R-DOC-1…4, FORM-1/2). The model is what the printed form shows; the
 * caller derives it from the filing and the province policy (variant, seal, fingerprint).
 */
export interface VerificationSheetModel {
  variant: "public" | "guangdong";
  subjectType: "personal" | "organisation";
  subject: {
    name: string;
    nature: string;
    certificateType: string;
    certificateNumber: string;
    address: string;
    investor: string;
    principalName: string;
    principalMobile: string;
    principalEmail: string;
  };
  websites: {
    name: string;
    domains: string[];
    homeUrl: string;
    serviceContent: string;
    preApprovals: string;
    principalName: string;
    principalMobile: string;
  }[];
  provider: { name: string };
  /** Organisations seal (盖章); individuals fingerprint (按手印). */
  seal: boolean;
  fingerprint: boolean;
  /** Jiangxi personal and Xinjiang: the fingerprint goes on the signature itself (R-DOC-3). */
  fingerprintAtSignature: boolean;
  filingNumber: string;
  printedAt: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const LABEL_WIDTH = 118;
const MAX_FONT = 10.5;
const MIN_FONT = 4;


interface Row {
  label: string;
  value: string;
}

function sections(model: VerificationSheetModel): { heading: string; rows: Row[] }[] {
  const s = model.subject;
  const personal = model.subjectType === "personal";
  const subjectRows: Row[] = [
    { label: personal ? "主办者名称" : "主办单位名称", value: s.name },
    { label: "主办单位性质", value: s.nature },
    { label: "主办单位证件类型", value: s.certificateType },
    { label: "主办单位证件号码", value: s.certificateNumber },
    { label: "通信地址", value: s.address },
  ];
  if (!personal) subjectRows.push({ label: "投资者或上级主管单位", value: s.investor });
  subjectRows.push(
    { label: personal ? "负责人姓名" : "主体负责人（法定代表人）", value: s.principalName },
    { label: "负责人手机号码", value: s.principalMobile },
    { label: "负责人电子邮箱", value: s.principalEmail },
  );
  const siteSections = model.websites.map((w, i) => ({
    heading: model.websites.length > 1 ? `网站信息（${i + 1}/${model.websites.length}）` : "网站信息",
    rows: [
      { label: "网站名称", value: w.name },
      { label: "网站域名", value: w.domains.join("；") },
      { label: "网站首页网址", value: w.homeUrl },
      { label: "网站服务内容", value: w.serviceContent },
      { label: "前置审批项", value: w.preApprovals || "无" },
      { label: "网站负责人", value: `${w.principalName}　手机：${w.principalMobile}` },
    ],
  }));
  return [
    { heading: "主办者信息", rows: subjectRows },
    ...siteSections,
    {
      heading: "接入服务单位核验记录（由接入商填写）",
      rows: [
        { label: "接入服务单位", value: model.provider.name },
        { label: "核验方式", value: "□ 当面核验　□ 幕布拍照核验" },
        { label: "核验人签字 / 日期", value: " " },
      ],
    },
  ];
}

function pledge(model: VerificationSheetModel): string {
  const who = model.subjectType === "personal" ? "本人" : "本单位";
  const base = `${who}承诺：所填报的网站备案信息真实、准确、完整，已认真阅读并遵守国家有关互联网信息服务管理的法律法规；如有虚假，愿承担由此产生的一切责任。本核验单须打印在一张 A4 纸上，不得分页、不得涂改，网站负责人须本人签字，不得代签。`;
  return model.variant === "guangdong"
    ? `${base}${who}同时承诺遵守广东省通信管理局关于互联网信息服务备案的各项要求（广东版核验单）。`
    : base;
}

function signatureLine(model: VerificationSheetModel): string {
  const parts = [model.fingerprintAtSignature ? "网站负责人签字（请在签名处按手印）：" : "网站负责人签字："];
  if (model.seal) parts.push("单位盖章：");
  if (model.fingerprint && !model.fingerprintAtSignature) parts.push("手印：");
  parts.push("日期：　　年　　月　　日");
  return parts.join("　　　　　　　　");
}

/** Lays the sheet out at one font size; with `draw` false it only measures. Returns the height used. */
function layout(doc: Doc, model: VerificationSheetModel, size: number, draw: boolean): number {
  const line = size * 0.35;
  let y = MARGIN;
  const title = model.variant === "guangdong" ? "广东省网站备案信息真实性核验单" : "网站备案信息真实性核验单";
  doc.font("bold").fontSize(size * 1.6);
  const titleHeight = doc.heightOfString(title, { width: CONTENT_WIDTH, align: "center" });
  if (draw) doc.text(title, MARGIN, y, { width: CONTENT_WIDTH, align: "center" });
  y += titleHeight + line;
  doc.font("regular").fontSize(size * 0.85);
  const meta = `备案申请编号：${model.filingNumber}　　打印时间：${model.printedAt}`;
  if (draw) doc.text(meta, MARGIN, y, { width: CONTENT_WIDTH, align: "right" });
  y += doc.heightOfString(meta, { width: CONTENT_WIDTH }) + line;

  const labelWidth = Math.max(LABEL_WIDTH * (size / MAX_FONT), 60);
  const valueWidth = CONTENT_WIDTH - labelWidth;
  const pad = size * 0.3;
  for (const section of sections(model)) {
    doc.font("bold").fontSize(size);
    const h = doc.heightOfString(section.heading, { width: CONTENT_WIDTH }) + pad * 2;
    if (draw) {
      doc.rect(MARGIN, y, CONTENT_WIDTH, h).fillAndStroke("#eeeeee", "#000000").fillColor("#000000");
      doc.text(section.heading, MARGIN + pad, y + pad, { width: CONTENT_WIDTH - 2 * pad });
    }
    y += h;
    doc.font("regular").fontSize(size);
    for (const row of section.rows) {
      const value = row.value.trim() === "" ? " " : row.value;
      const rh =
        Math.max(
          doc.heightOfString(row.label, { width: labelWidth - 2 * pad }),
          doc.heightOfString(value, { width: valueWidth - 2 * pad }),
        ) +
        2 * pad;
      if (draw) {
        doc.rect(MARGIN, y, labelWidth, rh).stroke();
        doc.rect(MARGIN + labelWidth, y, valueWidth, rh).stroke();
        doc.text(row.label, MARGIN + pad, y + pad, { width: labelWidth - 2 * pad });
        doc.text(value, MARGIN + labelWidth + pad, y + pad, { width: valueWidth - 2 * pad });
      }
      y += rh;
    }
    y += line;
  }

  doc.font("regular").fontSize(size);
  const text = pledge(model);
  const ph = doc.heightOfString(text, { width: CONTENT_WIDTH });
  if (draw) doc.text(text, MARGIN, y, { width: CONTENT_WIDTH });
  y += ph + line * 3;
  const sign = signatureLine(model);
  const sh = doc.heightOfString(sign, { width: CONTENT_WIDTH });
  if (draw) doc.text(sign, MARGIN, y, { width: CONTENT_WIDTH });
  // Room to sign, seal and fingerprint by hand.
  y += sh + Math.max(size * 4, 28);
  return y;
}

/**
 * The largest font size (≤ 10.5 pt) at which the whole sheet fits one A4 page, by bisection:
 * type shrinks, the form never splits (R-DOC-2).
 */
function fitFontSize(doc: Doc, model: VerificationSheetModel): number {
  if (layout(doc, model, MAX_FONT, false) <= A4.height - MARGIN) return MAX_FONT;
  let lo = MIN_FONT;
  let hi = MAX_FONT;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (layout(doc, model, mid, false) <= A4.height - MARGIN) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Renders one or more sheets, each on exactly one page, into a PDF buffer. */
export function renderVerificationSheets(models: VerificationSheetModel[]): Promise<Buffer> {
  return renderPdf({ size: "A4", margin: 0, autoFirstPage: false, info: { Title: "网站备案信息真实性核验单" } }, (doc) => {
    for (const model of models) {
      doc.addPage({ size: "A4", margin: 0 });
      const size = fitFontSize(doc, model);
      layout(doc, model, size, true);
    }
  });
}
