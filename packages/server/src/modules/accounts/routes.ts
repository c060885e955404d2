import {
  ZChangePasswordRequest,
  ZCreateUserRequest,
  ZCsrfResponse,
  ZLoginRequest,
  ZLoginResponse,
  PASSWORD_RESET_REQUESTED_MESSAGE,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZPasswordResetRequested,
  ZRegisterRequest,
  ZUser,
  ZUserList,
} from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context.js";
import { RATE_LIMITS } from "../../http/security.js";
import { AppError } from "../../errors.js";
import { authorize, requireSignedIn } from "../../policies/policy.js";
import { privacyRoutes } from "../privacy/routes.js";
import { confirmPasswordReset, requestPasswordReset } from "./password-reset.js";
import { accountPolicy } from "./policy.js";
import { changePassword, createStaffUser, getUser, listUsers, login, logout, registerApplicant } from "./service.js";
import { SESSION_COOKIE } from "./sessions.js";

const ZUserEnvelope = z.object({ user: ZUser });

export function accountRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const secure = ctx.config.cookieSecure;
    // The account's own data: export and closing the account (#11.4).
    await app.register(privacyRoutes(ctx));

    r.post(
      "/api/auth/register",
      {
        config: { csrf: false, rateLimit: RATE_LIMITS.register },
        schema: { tags: ["auth"], summary: "申请人自助注册", body: ZRegisterRequest, response: { 201: ZUserEnvelope } },
      },
      async (request, reply) => {
        const user = await registerApplicant(ctx, request.actor, request.body);
        return reply.code(201).send({ user });
      },
    );

    r.post(
      "/api/auth/login",
      {
        config: { csrf: false, rateLimit: RATE_LIMITS.login },
        schema: { tags: ["auth"], summary: "登录", body: ZLoginRequest, response: { 200: ZLoginResponse } },
      },
      async (request, reply) => {
        // A session cookie sent along is never reused (#11.3, session fixation): login ends it.
        const presented = request.actor.kind === "user" ? request.actor.sessionId : null;
        const { session, user } = await login(ctx, request.body.email, request.body.password, presented);
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: "lax",
          secure,
          path: "/",
          expires: session.expiresAt,
        });
        return {
          token: session.token,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt.toISOString(),
          user,
        };
      },
    );

    r.post(
      "/api/auth/password-reset",
      {
        config: { csrf: false, rateLimit: RATE_LIMITS.passwordReset },
        schema: {
          tags: ["auth"],
          summary: "忘记密码：向注册邮箱发送重置链接（无论邮箱是否注册，答复相同）",
          body: ZPasswordResetRequest,
          response: { 202: ZPasswordResetRequested },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(ctx, request.body.email);
        return reply.code(202).send({ message: PASSWORD_RESET_REQUESTED_MESSAGE });
      },
    );

    r.post(
      "/api/auth/password-reset/confirm",
      {
        config: { csrf: false, rateLimit: RATE_LIMITS.passwordReset },
        schema: { tags: ["auth"], summary: "用邮件中的重置链接设置新密码（所有会话随之失效）", body: ZPasswordResetConfirm },
      },
      async (request, reply) => {
        await confirmPasswordReset(ctx, request.body);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.code(204).send();
      },
    );

    r.post("/api/auth/logout", { schema: { tags: ["auth"], summary: "退出登录" } }, async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      await logout(ctx, actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    });

    r.post(
      "/api/me/password",
      {
        config: { rateLimit: RATE_LIMITS.login },
        schema: { tags: ["auth"], summary: "修改密码（所有会话随之失效，需重新登录）", body: ZChangePasswordRequest },
      },
      async (request, reply) => {
        await changePassword(ctx, request.actor, request.body);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.code(204).send();
      },
    );

    r.get(
      "/api/auth/csrf",
      { schema: { tags: ["auth"], summary: "获取 CSRF 令牌（Cookie 会话）", response: { 200: ZCsrfResponse } } },
      async (request) => ({ csrfToken: requireSignedIn(request.actor).csrfToken }),
    );

    r.get("/api/me", { schema: { tags: ["auth"], summary: "当前用户", response: { 200: ZUserEnvelope } } }, async (request) => {
      const actor = requireSignedIn(request.actor);
      const user = await getUser(ctx, actor.user.id);
      if (!user) throw new AppError("UNAUTHENTICATED");
      return { user };
    });

    r.get(
      "/api/admin/users",
      { schema: { tags: ["admin"], summary: "用户列表", response: { 200: ZUserList } } },
      async (request) => {
        authorize(request.actor, accountPolicy.listUsers, undefined);
        return { items: await listUsers(ctx) };
      },
    );

    r.post(
      "/api/admin/users",
      {
        schema: { tags: ["admin"], summary: "创建审核员或管理员", body: ZCreateUserRequest, response: { 201: ZUserEnvelope } },
      },
      async (request, reply) => {
        const actor = authorize(request.actor, accountPolicy.createUser, undefined);
        const user = await createStaffUser(ctx, actor, request.body);
        return reply.code(201).send({ user });
      },
    );
  };
}
