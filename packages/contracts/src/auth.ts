import { checkMobile, normalizeMobile } from "@beian/rules";
import { z } from "zod";
import { ZFiling, ZTimelineEntry } from "./filings.js";

export const ROLES = ["applicant", "reviewer", "admin"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

const email = z
  .string()
  .trim()
  .max(254, { message: "邮箱地址过长。" })
  .pipe(z.email({ message: "请输入有效的邮箱地址，例如 name@example.com。" }))
  .transform((v) => v.toLowerCase());

/**
 * The shape of a password; the server adds what needs data or the account (#11.3: not a common
 * password, not the email's user name or the mobile), see accounts/password-policy.ts.
 */
const password = z
  .string()
  .min(8, { message: "密码至少 8 位。" })
  .max(128, { message: "密码最多 128 位。" })
  .regex(/[A-Za-z]/, { message: "密码需同时包含字母和数字。" })
  .regex(/\d/, { message: "密码需同时包含字母和数字。" });

// SUB-7 lives in rules; the schema only carries its verdict.
const mobile = z
  .string()
  .max(32, { message: "手机号码过长。" })
  .superRefine((value, ctx) => {
    for (const f of checkMobile(value).findings) {
      if (f.severity === "error") ctx.addIssue({ code: "custom", message: f.message, params: { code: f.code } });
    }
  })
  .transform(normalizeMobile);

export const ZRegisterRequest = z.strictObject({ email, password, mobile });
export const ZLoginRequest = z.strictObject({
  email,
  password: z.string().min(1, { message: "请输入密码。" }).max(128, { message: "密码最多 128 位。" }),
});

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  role: ZRole,
  /** Masked (138****5678); the full number is only shown to the owner where needed. */
  mobileMasked: z.string().nullable(),
  createdAt: z.string(),
});

export const ZLoginResponse = z.object({
  token: z.string(),
  csrfToken: z.string(),
  expiresAt: z.string(),
  user: ZUser,
});
export const ZCsrfResponse = z.object({ csrfToken: z.string() });
export const ZCreateUserRequest = z.strictObject({
  email,
  password,
  role: z.enum(["reviewer", "admin"]),
});
export const ZUserList = z.object({ items: z.array(ZUser) });

export type TRegisterRequest = z.infer<typeof ZRegisterRequest>;
export type TLoginRequest = z.infer<typeof ZLoginRequest>;
export type TLoginResponse = z.infer<typeof ZLoginResponse>;
export type TUser = z.infer<typeof ZUser>;
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

/** #11.3: changing the password ends every session of the account, this one included. */
export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, { message: "请输入当前密码。" }).max(128, { message: "密码最多 128 位。" }),
  newPassword: password,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

/** #11.3 password reset: the answer is the same whether or not the email has an account. */
export const ZPasswordResetRequest = z.strictObject({ email });
export const PASSWORD_RESET_REQUESTED_MESSAGE = "如果该邮箱已注册，我们已向它发送了重置密码的链接，30 分钟内有效。请查收邮件（也请检查垃圾邮件）。";
export const ZPasswordResetRequested = z.object({ message: z.string() });
export const ZPasswordResetConfirm = z.strictObject({
  token: z.string().min(1, { message: "重置链接不完整，请从邮件中重新打开。" }).max(256, { message: "重置链接无效。" }),
  password,
});
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;
export type TPasswordResetConfirm = z.infer<typeof ZPasswordResetConfirm>;

/** #11.4: closing the account is confirmed with the password. */
export const ZDeleteAccountRequest = z.strictObject({
  password: z.string().min(1, { message: "请输入密码以确认注销。" }).max(128, { message: "密码最多 128 位。" }),
});

/** An audit entry about the user, as recorded: personal data in it was masked when written. */
const ZExportAuditEntry = ZTimelineEntry.extend({ entityType: z.string(), entityId: z.string(), data: z.unknown() });

/** #11.4 / PIPL art. 45: everything the system holds about the applicant, as one JSON document. */
export const ZPersonalDataExport = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.string(),
    email: z.string(),
    role: ZRole,
    mobile: z.string().nullable(),
    createdAt: z.string(),
  }),
  subject: z.object({ data: z.unknown(), createdAt: z.string(), updatedAt: z.string() }).nullable(),
  filings: z.array(ZFiling),
  /** Every upload, replaced ones included (the filings list only the current ones). */
  uploads: z.array(
    z.object({
      id: z.string(),
      filingId: z.string(),
      kind: z.string(),
      path: z.string().nullable(),
      originalName: z.string(),
      originalBytes: z.number().int(),
      createdAt: z.string(),
      replacedAt: z.string().nullable(),
    }),
  ),
  specialWebsites: z.array(z.record(z.string(), z.unknown())),
  notifications: z.array(
    z.object({
      channel: z.string(),
      recipient: z.string(),
      template: z.string(),
      subject: z.string(),
      body: z.string(),
      status: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      readAt: z.string().nullable(),
    }),
  ),
  notificationOptOuts: z.array(z.string()),
  sessions: z.array(z.object({ createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable() })),
  audit: z.array(ZExportAuditEntry),
});
export type TPersonalDataExport = z.infer<typeof ZPersonalDataExport>;

/** #11.4: what closing the account deleted, and what the law requires the provider to keep. */
export const ZAccountDeletion = z.object({
  status: z.literal("closed"),
  deleted: z.object({
    filings: z.number().int(),
    materials: z.number().int(),
    files: z.number().int(),
    notifications: z.number().int(),
    sessions: z.number().int(),
  }),
  retained: z.array(z.object({ kind: z.enum(["bureau_filings", "special_websites", "audit_log", "account_record"]), count: z.number().int(), reason: z.string() })),
  retentionPeriod: z.string(),
});
export type TAccountDeletion = z.infer<typeof ZAccountDeletion>;
