/**
 * Default Chinese templates of every notice. `{{name}}` placeholders must be declared in
 * `variables`; rendering refuses a missing or undeclared variable, so an edited template can
 * never send "{{icpNumber}}" to an applicant. Mandatory notices cannot be switched off.
 */
export interface NotificationTemplate {
  key: string;
  title: string;
  mandatory: boolean;
  variables: readonly string[];
  subject: string;
  body: string;
  /** Shorter text for SMS (no subject line). */
  sms: string;
}

const t = (x: NotificationTemplate) => x;

export const DEFAULT_TEMPLATES = [
  t({
    key: "account.registered",
    title: "注册成功",
    mandatory: false,
    variables: ["email"],
    subject: "欢迎使用备案系统",
    body: "您已使用 {{email}} 注册备案系统账号。登录后即可开始填写备案信息。",
    sms: "【备案系统】您已成功注册备案系统账号，登录后即可开始备案。",
  }),
  t({
    key: "filing.submitted",
    title: "备案已提交",
    mandatory: true,
    variables: ["subjectName", "filingId"],
    subject: "您的备案申请已提交，等待接入商审核",
    body: "{{subjectName}} 的备案申请（编号 {{filingId}}）已提交，接入商将在 1–2 个工作日内完成初审，审核结果会通过短信和邮件通知您。",
    sms: "【备案系统】{{subjectName}} 的备案申请已提交，接入商将在 1–2 个工作日内完成初审。",
  }),
  t({
    key: "filing.returned",
    title: "备案被退回",
    mandatory: true,
    variables: ["subjectName", "reasons"],
    subject: "您的备案申请被退回，请修改后重新提交",
    body: "{{subjectName}} 的备案申请未通过接入商审核，原因如下：\n{{reasons}}\n请登录备案系统按提示修改后重新提交。",
    sms: "【备案系统】您的备案申请被退回，请登录备案系统查看原因并修改后重新提交。",
  }),
  t({
    key: "filing.status_changed",
    title: "备案进度更新",
    mandatory: true,
    variables: ["subjectName", "stage"],
    subject: "您的备案进度已更新：{{stage}}",
    body: "{{subjectName}} 的备案申请进入新阶段：{{stage}}。请登录备案系统查看详情和下一步需要做的事。",
    sms: "【备案系统】{{subjectName}} 的备案进度已更新为：{{stage}}，请登录备案系统查看。",
  }),
  t({
    key: "review.filing_changed",
    title: "审核队列变化（接入商）",
    mandatory: true,
    variables: ["subjectName", "stage"],
    subject: "备案申请待处理：{{subjectName}}（{{stage}}）",
    body: "{{subjectName}} 的备案申请进入“{{stage}}”阶段，请登录接入商控制台处理。",
    sms: "【备案系统】{{subjectName}} 的备案申请待处理（{{stage}}）。",
  }),
  t({
    key: "account.locked",
    title: "账号暂时锁定",
    mandatory: true,
    variables: ["minutes"],
    subject: "您的备案系统账号已暂时锁定",
    body: "由于连续多次登录失败，您的账号已锁定 {{minutes}} 分钟。如果不是您本人操作，请在解锁后立即修改密码。",
    sms: "【备案系统】您的账号因多次登录失败已锁定 {{minutes}} 分钟。如非本人操作，请及时修改密码。",
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

export function render(text: string, variables: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_all, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new TemplateError(`missing template variable ${name}`);
    return value;
  });
}

export function findTemplate(key: string): NotificationTemplate {
  const template = DEFAULT_TEMPLATES.find((x) => x.key === key);
  if (!template) throw new TemplateError(`unknown template ${key}`);
  return template;
}
