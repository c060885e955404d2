import { shanghaiMinute } from "@beian/rules";

/**
 * Default Chinese templates of every notice. `{{name}}` placeholders must be declared in
 * `variables`; rendering refuses a missing or undeclared variable, so an edited template can
 * never send "{{icpNumber}}" to an applicant. Variables in `required` must appear in the body
 * (and those in `smsRequired` in the SMS): an admin's edit cannot drop the ICP number or the
 * province page. Mandatory notices cannot be switched off; optional ones can, per user.
 */
export interface NotificationTemplate {
  key: string;
  title: string;
  /** Who receives it: the console groups them and staff templates are not offered to applicants. */
  audience: "applicant" | "staff";
  mandatory: boolean;
  variables: readonly string[];
  required: readonly string[];
  smsRequired?: readonly string[];
  subject: string;
  body: string;
  /** Shorter text for SMS (no subject line). */
  sms: string;
}

const t = <K extends string>(x: NotificationTemplate & { key: K }) => x;

export const DEFAULT_TEMPLATES = [
  t({
    key: "account.registered",
    title: "注册成功",
    audience: "applicant",
    mandatory: false,
    variables: ["email"],
    required: [],
    subject: "欢迎使用备案系统",
    body: "您已使用 {{email}} 注册备案系统账号。登录后即可开始填写备案信息。",
    sms: "【备案系统】您已成功注册备案系统账号，登录后即可开始备案。",
  }),
  t({
    key: "account.locked",
    title: "账号暂时锁定",
    audience: "applicant",
    mandatory: true,
    variables: ["minutes"],
    required: ["minutes"],
    subject: "您的备案系统账号已暂时锁定",
    body: "由于连续多次登录失败，您的账号已锁定 {{minutes}} 分钟。如果不是您本人操作，请在解锁后立即修改密码。",
    sms: "【备案系统】您的账号因多次登录失败已锁定 {{minutes}} 分钟。如非本人操作，请及时修改密码。",
  }),
  t({
    key: "account.password_reset",
    title: "重置密码",
    audience: "applicant",
    mandatory: true,
    variables: ["resetUrl", "minutes"],
    required: ["resetUrl"],
    subject: "重置您的备案系统密码",
    body: "我们收到了重置您备案系统账号密码的申请。请在 {{minutes}} 分钟内打开下面的链接设置新密码（链接只能使用一次）：\n{{resetUrl}}\n如果不是您本人申请，请忽略这封邮件，您的密码不会改变。",
    sms: "【备案系统】您正在重置备案系统密码，请查收邮件中的链接，{{minutes}} 分钟内有效。",
  }),
  t({
    key: "filing.submitted",
    title: "备案已提交",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "filingId"],
    required: [],
    subject: "您的备案申请已提交，等待接入商审核",
    body: "{{subjectName}} 的备案申请（编号 {{filingId}}）已提交，接入商将在 1–2 个工作日内完成初审，审核结果会通过短信和邮件通知您。",
    sms: "【备案系统】{{subjectName}} 的备案申请已提交，接入商将在 1–2 个工作日内完成初审。",
  }),
  t({
    key: "review.filing_submitted",
    title: "新的备案申请待初审（接入商）",
    audience: "staff",
    mandatory: true,
    variables: ["subjectName", "filingId", "dueAt"],
    required: ["filingId"],
    subject: "新的备案申请待初审：{{subjectName}}",
    body: "{{subjectName}} 提交了备案申请（编号 {{filingId}}），请在 {{dueAt}} 前完成初审。请登录接入商控制台处理。",
    sms: "【备案系统】新的备案申请待初审：{{subjectName}}（编号 {{filingId}}）。",
  }),
  t({
    key: "filing.initial_review_passed",
    title: "初审通过，请完成核验",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName"],
    required: [],
    subject: "您的备案申请已通过初审，请完成当面核验",
    body: "{{subjectName}} 的备案申请已通过接入商初审。请登录备案系统选择核验方式：上传网站负责人的幕布照片（可申请免费邮寄幕布），或携带证件原件到现场核验。",
    sms: "【备案系统】您的备案申请已通过初审，请登录备案系统上传幕布照片或预约现场核验。",
  }),
  t({
    key: "filing.returned",
    title: "备案被退回（接入商）",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "reasons"],
    required: ["reasons"],
    subject: "您的备案申请被退回，请修改后重新提交",
    body: "{{subjectName}} 的备案申请未通过接入商审核，原因如下：\n{{reasons}}\n请登录备案系统按提示修改后重新提交。",
    sms: "【备案系统】您的备案申请被退回，请登录备案系统查看原因并修改后重新提交。",
  }),
  t({
    key: "review.photo_uploaded",
    title: "幕布照片待审核（接入商）",
    audience: "staff",
    mandatory: true,
    variables: ["subjectName", "filingId", "dueAt"],
    required: ["filingId"],
    subject: "幕布照片待审核：{{subjectName}}",
    body: "{{subjectName}}（编号 {{filingId}}）上传了幕布照片，请在 {{dueAt}} 前完成审核。请登录接入商控制台处理。",
    sms: "【备案系统】幕布照片待审核：{{subjectName}}（编号 {{filingId}}）。",
  }),
  t({
    key: "filing.photo_rejected",
    title: "幕布照片未通过",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "reasons"],
    required: ["reasons"],
    subject: "您上传的幕布照片未通过审核，请重新拍摄上传",
    body: "{{subjectName}} 的幕布照片未通过审核，原因如下：\n{{reasons}}\n请按要求重新拍摄（本人站在幕布正中，上半身，不穿红色或蓝色上衣，背景为完整的蓝色幕布且文字清晰）后上传。",
    sms: "【备案系统】您的幕布照片未通过审核，请登录备案系统查看原因后重新拍摄上传。",
  }),
  t({
    key: "filing.verification_passed",
    title: "核验通过",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "method"],
    required: [],
    subject: "您的备案核验已通过",
    body: "{{subjectName}} 的{{method}}已通过审核。接入商将把备案申请提交至管局，提交后您会收到工信部的短信验证码。",
    sms: "【备案系统】您的{{method}}已通过审核，接入商将尽快提交管局。",
  }),
  t({
    key: "filing.submitted_to_bureau",
    title: "已提交管局",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName"],
    required: [],
    subject: "您的备案申请已提交管局审核",
    body: "{{subjectName}} 的备案申请已由接入商提交至管局，管局审核结果会通过邮件和短信通知您。",
    sms: "【备案系统】{{subjectName}} 的备案申请已提交管局审核。",
  }),
  t({
    key: "filing.sms_code_expected",
    title: "请完成短信核验",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "recipients", "senders", "verificationUrl", "expiresAt", "hours"],
    required: ["senders", "verificationUrl", "expiresAt"],
    smsRequired: ["verificationUrl"],
    subject: "请在 {{hours}} 小时内完成工信部短信核验",
    body:
      "{{subjectName}} 的备案申请已提交管局。约 5 分钟后，工信部会向 {{recipients}} 发送 6 位验证码（同一手机号只发一次），发送号码为：{{senders}}（虚拟运营商号码不固定）。\n" +
      "请在 {{expiresAt}} 前打开省管局短信核验页面 {{verificationUrl}}，填写证件号码、手机号码和验证码完成核验。\n" +
      "如未收到验证码：请检查手机信号和垃圾短信拦截；系统会在次日 12:00 重发一次，也可在上述页面申请重发。{{hours}} 小时内未完成核验，申请将退回接入商重新提交。",
    sms: "【备案系统】工信部将向您发送备案验证码，请于 {{expiresAt}} 前在 {{verificationUrl}} 完成短信核验。",
  }),
  t({
    key: "filing.sms_reminder",
    title: "短信核验即将过期提醒",
    audience: "applicant",
    mandatory: false,
    variables: ["subjectName", "hoursLeft", "expiresAt", "verificationUrl", "senders"],
    required: ["hoursLeft", "expiresAt", "verificationUrl"],
    smsRequired: ["expiresAt"],
    subject: "提醒：短信核验将在 {{hoursLeft}} 小时后过期",
    body:
      "{{subjectName}} 的备案申请还没有完成工信部短信核验，验证码将于 {{expiresAt}} 过期（剩余约 {{hoursLeft}} 小时）。\n" +
      "请打开省管局短信核验页面 {{verificationUrl}} 完成核验。验证码由 {{senders}} 发送；未收到可在该页面申请重发。过期后申请将退回接入商重新提交。",
    sms: "【备案系统】您的备案短信核验将于 {{expiresAt}} 过期，请尽快在省管局页面完成核验。",
  }),
  t({
    key: "filing.sms_verified",
    title: "短信核验完成",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName"],
    required: [],
    subject: "短信核验已完成，备案申请进入管局审核",
    body: "{{subjectName}} 的短信核验已完成，备案申请已进入管局审核。审核结果会通过邮件和短信通知您。",
    sms: "【备案系统】短信核验已完成，您的备案申请已进入管局审核。",
  }),
  t({
    key: "filing.sms_returned",
    title: "短信核验未完成，退回接入商",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "why"],
    required: ["why"],
    subject: "短信核验未完成，备案申请已退回接入商",
    body: "{{subjectName}} 的备案申请{{why}}，已退回接入商。接入商重新提交管局后，您会再次收到验证码，请及时完成核验。",
    sms: "【备案系统】您的备案申请{{why}}，已退回接入商重新提交，请留意新的验证码。",
  }),
  t({
    key: "review.sms_returned",
    title: "短信核验未完成（接入商）",
    audience: "staff",
    mandatory: true,
    variables: ["subjectName", "filingId", "why"],
    required: ["filingId", "why"],
    subject: "短信核验未完成，请重新提交管局：{{subjectName}}",
    body: "{{subjectName}}（编号 {{filingId}}）{{why}}，申请已退回接入商。请联系申请人后重新提交管局。",
    sms: "【备案系统】{{subjectName}}（编号 {{filingId}}）短信核验未完成，请重新提交管局。",
  }),
  t({
    key: "filing.returned_by_bureau",
    title: "管局退回",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "reason"],
    required: ["reason"],
    subject: "您的备案申请被管局退回，请修改后重新提交",
    body: "{{subjectName}} 的备案申请被管局退回，原因：{{reason}}\n请登录备案系统按原因修改后重新提交。",
    sms: "【备案系统】您的备案申请被管局退回，原因：{{reason}}。请登录备案系统修改后重新提交。",
  }),
  t({
    key: "filing.approved",
    title: "备案成功",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "icpNumber"],
    required: ["icpNumber"],
    smsRequired: ["icpNumber"],
    subject: "恭喜，您的备案已通过：{{icpNumber}}",
    body:
      "{{subjectName}} 的备案申请已通过管局审核，备案号为 {{icpNumber}}。\n" +
      "请将备案号放在网站首页底部并链接到 https://beian.miit.gov.cn/ 。\n" +
      "请在网站开通之日起 30 日内到全国互联网安全管理服务平台（https://beian.mps.gov.cn/）办理公安联网备案（公安备案）。",
    sms: "【备案系统】您的备案已通过，备案号 {{icpNumber}}。请在网站开通后 30 日内办理公安备案。",
  }),
  t({
    key: "filing.withdrawn",
    title: "申请已撤回",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName", "filingId"],
    required: ["filingId"],
    subject: "您的备案申请已撤回",
    body:
      "{{subjectName}} 的备案申请（编号 {{filingId}}）已按您的操作撤回，接入商不再审核，已上传的资料保留在原申请中。\n" +
      "如需备案，请登录备案系统重新发起申请。如果这不是您本人的操作，请立即修改密码并联系接入商。",
    sms: "【备案系统】您的备案申请（编号 {{filingId}}）已撤回。如非本人操作，请立即修改密码并联系接入商。",
  }),
  t({
    key: "review.filing_withdrawn",
    title: "申请已撤回（接入商）",
    audience: "staff",
    mandatory: true,
    variables: ["subjectName", "filingId"],
    required: ["filingId"],
    subject: "备案申请已撤回：{{subjectName}}",
    body: "{{subjectName}}（编号 {{filingId}}）撤回了备案申请，无需继续处理。",
    sms: "【备案系统】{{subjectName}}（编号 {{filingId}}）撤回了备案申请。",
  }),
  t({
    key: "filing.expired",
    title: "申请已过期关闭",
    audience: "applicant",
    mandatory: true,
    variables: ["subjectName"],
    required: [],
    subject: "您的备案申请因长期未处理已关闭",
    body: "{{subjectName}} 的备案申请长期未操作，已自动关闭。如仍需备案，请登录备案系统重新发起申请。",
    sms: "【备案系统】您的备案申请因长期未操作已关闭，如需备案请重新发起。",
  }),
  t({
    key: "special_website.reviewed",
    title: "特殊网站登记审核结果",
    audience: "applicant",
    mandatory: true,
    variables: ["siteName", "domain", "result", "reason"],
    required: ["domain", "result"],
    subject: "特殊网站登记{{result}}：{{domain}}",
    body: "您登记的特殊网站 {{siteName}}（{{domain}}）{{result}}。{{reason}}\n请登录备案系统，在“特殊网站登记”中查看。",
    sms: "【备案系统】您登记的特殊网站 {{domain}} {{result}}，请登录备案系统查看。",
  }),
  t({
    key: "review.sla_due",
    title: "审核即将超时（接入商）",
    audience: "staff",
    mandatory: true,
    variables: ["subjectName", "filingId", "task", "dueAt", "state"],
    required: ["filingId", "dueAt"],
    subject: "审核{{state}}提醒：{{subjectName}}（{{task}}）",
    body: "{{subjectName}}（编号 {{filingId}}）的{{task}}应在 {{dueAt}} 前完成，目前{{state}}。请尽快登录接入商控制台处理。",
    sms: "【备案系统】{{subjectName}}（编号 {{filingId}}）的{{task}}{{state}}，截止 {{dueAt}}。",
  }),
] as const;

export type TemplateKey = (typeof DEFAULT_TEMPLATES)[number]["key"];

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export class TemplateError extends Error {}

export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Every placeholder used must be declared; a template edit that breaks this is refused. */
export function checkTemplateText(template: Pick<NotificationTemplate, "variables">, text: string): string[] {
  return placeholders(text).filter((p) => !template.variables.includes(p));
}

/** Required variables the text leaves out. */
export function missingRequired(required: readonly string[] | undefined, text: string): string[] {
  const used = new Set(placeholders(text));
  return (required ?? []).filter((v) => !used.has(v));
}

export function render(text: string, variables: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_all, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new TemplateError(`missing template variable ${name}`);
    return value;
  });
}

export function isTemplateKey(key: string): key is TemplateKey {
  return DEFAULT_TEMPLATES.some((x) => x.key === key);
}

export function findTemplate(key: string): NotificationTemplate {
  const template = DEFAULT_TEMPLATES.find((x) => x.key === key);
  if (!template) throw new TemplateError(`unknown template ${key}`);
  return template;
}

/** Instants in notices are read in Beijing time: "2026年3月4日 10:00". */
export function beijingTime(at: Date): string {
  const [date = "", time = ""] = shanghaiMinute(at).split(" ");
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日 ${time}`;
}
