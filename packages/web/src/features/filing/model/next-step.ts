import type { TFiling } from "@beian/contracts";
import { DEFAULT_POLICIES, isProvinceKey, SMS_SENDER_NUMBERS, type FilingStatus } from "@beian/rules";

export interface NextStep {
  title: string;
  description: string;
  /** Where the applicant acts, when it is in this system. */
  action?: { label: string; to: string };
}

/** "下一步": what the applicant has to do now, by status (R-ST-1, R-REV-*, R-SMS-*). */
export function nextStep(filing: TFiling): NextStep {
  const edit = { label: "修改并重新提交", to: `/filings/${filing.id}/edit` };
  const province = isProvinceKey(filing.form.province) ? DEFAULT_POLICIES[filing.form.province] : undefined;
  switch (filing.status as FilingStatus) {
    case "draft":
      return { title: "继续填写并提交", description: "填写主体信息和网站信息、上传资料后，在“确认提交”一步提交接入商审核。草稿会自动保存。", action: { label: "继续填写", to: `/filings/${filing.id}/edit` } };
    case "submitted":
      return {
        title: "等待接入商初审",
        description: "接入商将在 1–2 个工作日内完成初审，结果以短信和邮件通知您。此期间无需操作；初审通过后需进行当面核验（幕布拍照或现场核验）。",
      };
    case "returned_by_provider":
      return { title: "按退回原因修改后重新提交", description: "接入商初审未通过。请查看下面的退回原因，逐项修改后重新提交。", action: edit };
    case "verifying":
      return {
        title: "完成当面核验",
        description: "初审已通过。请申请幕布后由网站负责人本人在幕布前拍照上传，或携带证件原件到现场核验拍照；照片审核约 2 个工作日。",
      };
    case "sms_pending":
      return {
        title: "48 小时内完成短信核验",
        description: `工信部已向负责人手机（联系方式 1）发送 6 位验证码，发送号码：${SMS_SENDER_NUMBERS.map((s) => `${s.carrier} ${s.number}`).join("、")}。请在 48 小时内登录${province ? `${province.name}通信管理局核验页面 ${province.rules.smsVerification.value.url}` : "省通信管理局核验页面"}，输入证件号码、手机号码和验证码完成核验。超时未核验，备案将退回接入商重新提交。`,
      };
    case "bureau_review":
      return { title: "等待管局审核", description: "备案已提交省通信管理局审核，审核结果以短信和邮件通知。此期间请保持负责人电话畅通。" };
    case "returned_by_bureau":
      return { title: "按管局退回原因修改后重新提交", description: "管局审核未通过（退回主办者修改）。请查看下面的退回原因，修改后重新提交。", action: edit };
    case "approved":
      return { title: "备案成功", description: "备案已通过管局审核。请在网站首页底部展示备案号，并链接到工信部备案管理系统。" };
    case "withdrawn":
      return { title: "申请已撤回", description: "如需备案，请重新开始备案申请。", action: { label: "返回我的备案", to: "/" } };
    case "expired":
      return { title: "申请已过期", description: "申请长时间未操作已自动关闭。如需备案，请重新开始备案申请。", action: { label: "返回我的备案", to: "/" } };
  }
}
