/**
 * The process overview (R-ST-1): the stages as the rules name them (FILING_STATUSES), who acts
 * in each and how long it usually takes (WF-3, R-REV-3, R-SMS-5), and what the applicant is told
 * there (nextStep).
 */
import { DEFAULT_WORKFLOW_LIMITS, FILING_STATUSES, nextStep, type FilingStatus } from "@beian/rules";

export interface Stage {
  status: FilingStatus;
  stage: string;
  /** Empty for final stages: nobody acts. */
  actor: string;
  duration: string;
  /** Why two statuses show the same stage name (R-ST-1: a provider return shows as 未提交). */
  qualifier?: string;
  text: string;
}

const L = DEFAULT_WORKFLOW_LIMITS;

/** The main path in order, then the returns and the ends. */
const ORDER: { status: FilingStatus; actor: string; duration: string; qualifier?: string }[] = [
  { status: "draft", actor: "主办者（您）", duration: `随时填写，自动保存；${L.untouchedExpiryDays} 天未操作的申请会被关闭` },
  { status: "submitted", actor: "接入商", duration: "初审 1–2 个工作日" },
  { status: "verifying", actor: "主办者上传核验照片，接入商审核", duration: `照片上传后 ${L.photoReviewWorkingDays} 个工作日内审核` },
  { status: "sms_pending", actor: "主体负责人和网站负责人", duration: `收到验证码后 ${L.smsValidityHours} 小时内完成` },
  { status: "bureau_review", actor: "省通信管理局", duration: "由各省管局决定" },
  { status: "approved", actor: "", duration: "" },
  { status: "returned_by_provider", actor: "主办者（您）", duration: "按退回原因修改后重新提交", qualifier: "接入商退回后" },
  { status: "returned_by_bureau", actor: "主办者（您）", duration: "按管局的退回原因修改后重新提交" },
  { status: "withdrawn", actor: "", duration: "" },
  { status: "expired", actor: "", duration: "" },
];

export const STAGES: readonly Stage[] = ORDER.map((o) => ({ ...o, stage: FILING_STATUSES[o.status].stage, text: nextStep({ status: o.status }).text }));

/** The stages of a successful filing, in order, as the progress bar names them. */
export const MAIN_PATH: readonly Stage[] = STAGES.slice(0, 6);
