import { z } from "zod";

/**
 * Every error that reaches a user has one of these stable codes and a Chinese sentence that
 * says what to do. The server answers them as RFC 9457 problem+json.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: "提交的内容有误，请按提示修改后重试。" },
  INVALID_JSON: { status: 400, message: "请求内容不是有效的 JSON，请检查后重试。" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "不支持的请求格式，请以 JSON 提交。" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "提交的内容过大，请缩小后重试。" },
  UNAUTHENTICATED: { status: 401, message: "请先登录。" },
  SESSION_EXPIRED: { status: 401, message: "登录已过期，请重新登录。" },
  CSRF_TOKEN_INVALID: { status: 403, message: "页面已过期，请刷新页面后重试。" },
  FORBIDDEN: { status: 403, message: "您没有权限执行此操作。" },
  NOT_FOUND: { status: 404, message: "找不到您要访问的内容，请检查链接是否正确。" },
  ROUTE_NOT_FOUND: { status: 404, message: "接口不存在，请检查请求地址。" },
  METHOD_NOT_ALLOWED: { status: 405, message: "不支持该请求方法。" },
  EMAIL_TAKEN: { status: 409, message: "该邮箱已注册，请直接登录或使用其他邮箱。" },
  INVALID_CREDENTIALS: { status: 401, message: "邮箱或密码不正确，请重新输入。" },
  ACCOUNT_LOCKED: { status: 429, message: "登录失败次数过多，账号已暂时锁定，请稍后再试。" },
  ACCOUNT_DISABLED: { status: 403, message: "该账号已停用，请联系接入商管理员。" },
  PASSWORD_TOO_COMMON: {
    status: 400,
    message: "该密码过于常见，很容易被猜中，请换一个不常见的密码（例如几个词语加数字的组合）。",
  },
  PASSWORD_CONTAINS_ACCOUNT_INFO: { status: 400, message: "密码不能包含您的邮箱用户名或手机号码，请换一个密码。" },
  PASSWORD_INCORRECT: { status: 403, message: "当前密码不正确，请重新输入。" },
  PASSWORD_RESET_TOKEN_INVALID: {
    status: 400,
    message: "重置链接无效或已过期（链接 30 分钟内有效，且只能使用一次），请重新申请找回密码。",
  },
  ACCOUNT_DELETION_BLOCKED: {
    status: 409,
    message: "您还有进行中或仍然有效的备案，暂时不能注销账号；请先撤回进行中的申请，或注销已有的备案主体。",
  },
  RATE_LIMITED: { status: 429, message: "操作过于频繁，请稍后再试。" },
  NOTIFICATION_ALREADY_SENT: { status: 409, message: "这条通知已经发送成功，无需重发。" },
  FILING_VERSION_CONFLICT: {
    status: 409,
    message: "该备案已被其他人修改，请刷新页面查看最新内容后再操作。",
  },
  FILING_ALREADY_OPEN: {
    status: 409,
    message: "您已有一个进行中的备案申请（一个主体同时只能有一个申请），请先完成或撤回它。",
  },
  FILING_NOT_EDITABLE: { status: 409, message: "该备案当前状态下不能修改；只有未提交或被退回的申请可以修改。" },
  FILING_NOT_SUBMITTED: { status: 409, message: "请先提交备案申请，提交后即可下载打印表格。" },
  FILING_NOT_WITHDRAWABLE: {
    status: 409,
    message: "该备案当前阶段不能撤回：已提交管局审核或已办结的申请无法撤回，如需放弃请联系接入商。",
  },
  SPECIAL_WEBSITE_DUPLICATE: { status: 409, message: "您已登记过这个域名的特殊网站，请直接修改原来的登记。" },
  SPECIAL_WEBSITE_VERSION_CONFLICT: { status: 409, message: "该登记已被修改（可能在另一个窗口或已被审核），请刷新页面查看最新内容后再操作。" },
  FILING_HAS_ERRORS: { status: 422, message: "备案信息还有需要修改的地方，请按提示逐项修改后再提交。" },
  FILE_EMPTY: { status: 400, message: "文件是空的，请重新选择文件上传。" },
  FILE_TOO_LARGE: { status: 413, message: "文件超过 20 MB，请上传原始照片或扫描件（系统会自动压缩）。" },
  FILE_TYPE_UNSUPPORTED: { status: 415, message: "文件不是支持的图片格式，请上传 JPG 或 PNG 格式的照片或扫描件。" },
  FILE_TYPE_HEIC: { status: 415, message: "暂不支持苹果手机的 HEIC 格式照片，请转换为 JPG 后上传。" },
  FILE_TYPE_MISMATCH: { status: 415, message: "文件内容与文件类型不符，请用图片软件另存为 JPG 后重新上传。" },
  IMAGE_CORRUPT: { status: 422, message: "图片文件已损坏或不完整，请重新拍摄或扫描后上传。" },
  IMAGE_TOO_MANY_PIXELS: { status: 422, message: "图片尺寸过大，请上传 6000 万像素以内的照片或扫描件。" },
  IMAGE_TOO_SMALL: { status: 422, message: "图片低于要求的 800×600 像素，请重新拍摄清晰的原件后上传。" },
  IMAGE_CANNOT_COMPRESS: { status: 422, message: "这张图片压缩到 100 KB 以内后无法保持清晰，请重新拍摄后上传。" },
  MATERIAL_KIND_UNKNOWN: { status: 400, message: "请选择要上传的资料类型。" },
  BUREAU_UNAVAILABLE: { status: 503, message: "暂时无法连接工信部备案系统，请稍后再试。" },
  INTERNAL_ERROR: { status: 500, message: "系统繁忙，请稍后重试；如果问题持续，请联系客服。" },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ZProblemFieldError = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, extended with `code` and per-field `errors`. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(ZProblemFieldError).optional(),
});

export type TProblem = z.infer<typeof ZProblem>;
export type TProblemFieldError = z.infer<typeof ZProblemFieldError>;
