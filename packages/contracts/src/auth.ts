import { checkMobile, normalizeMobile } from "@beian/rules";
import { z } from "zod";

export const ROLES = ["applicant", "reviewer", "admin"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

const email = z
  .string()
  .trim()
  .max(254, { message: "邮箱地址过长。" })
  .pipe(z.email({ message: "请输入有效的邮箱地址，例如 name@example.com。" }))
  .transform((v) => v.toLowerCase());

// Password policy; a common-password check joins it in the security work (issue 11).
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
