/**
 * R-ST-1: besides the stage, the applicant is told the next thing they must do, or that the next
 * move is someone else's and how long it usually takes. Pure, shared by server and browser.
 */
import type { FilingStatus } from "./states.js";

export interface NextStepFacts {
  status: FilingStatus;
  /** Verification: the method chosen, and whether a photo waits for the reviewer. */
  verificationMethod?: "curtain_photo" | "on_site" | null;
  photoWaiting?: boolean;
  verificationPassed?: boolean;
}

export interface NextStep {
  /** Who acts next. */
  actor: "applicant" | "provider" | "bureau" | "none";
  text: string;
}

export function nextStep(f: NextStepFacts): NextStep {
  switch (f.status) {
    case "draft":
      return { actor: "applicant", text: "请完善主体信息、网站信息并上传资料，检查无误后提交接入商审核。" };
    case "returned_by_provider":
      return { actor: "applicant", text: "接入商已退回申请：请按标注在各项旁的退回原因逐项修改，然后重新提交。" };
    case "returned_by_bureau":
      return { actor: "applicant", text: "管局已退回申请：请按退回原因修改后重新提交，接入商审核后会再次提交管局。" };
    case "submitted":
      return { actor: "provider", text: "接入商正在初审，一般 1–2 个工作日内完成；审核结果会通过短信和邮件通知您。" };
    case "verifying":
      if (f.verificationPassed) return { actor: "provider", text: "核验已通过，接入商将尽快提交管局审核。" };
      if (f.photoWaiting) return { actor: "provider", text: "核验照片已上传，接入商会在 2 个工作日内审核。" };
      if (f.verificationMethod === "on_site") return { actor: "applicant", text: "请携带证件原件到接入商指定地点办理现场核验。" };
      return { actor: "applicant", text: "初审已通过：请选择核验方式，按要求使用幕布拍摄网站负责人核验照片并上传，或预约现场核验。" };
    case "sms_pending":
      return {
        actor: "applicant",
        text: "已提交管局：工信部将向负责人手机发送短信验证码，请在 48 小时内登录所在省份的核验页面，填写证件号码、手机号码和验证码完成短信核验。",
      };
    case "bureau_review":
      return { actor: "bureau", text: "短信核验已通过，备案信息已流转至省通信管理局审核，审核时限由各省管局决定；审核结果会通过短信和邮件通知您。" };
    case "approved":
      return { actor: "none", text: "备案成功：请在网站首页底部展示备案号并链接到 beian.miit.gov.cn，并在网站开通之日起 30 日内办理公安备案。" };
    case "withdrawn":
      return { actor: "none", text: "申请已撤回。如需备案，请重新发起申请。" };
    case "expired":
      return { actor: "none", text: "申请长期未处理已关闭。如需备案，请重新发起申请。" };
  }
}
