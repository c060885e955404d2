import {
  ZAdminNotification,
  ZAdminNotificationList,
  ZAdminNotificationQuery,
  ZInbox,
  ZNotificationId,
  ZNotificationPreferences,
  ZNotificationPreferencesUpdate,
  ZNotificationTemplate,
  ZNotificationTemplateKey,
  ZNotificationTemplateList,
  ZNotificationTemplateUpdate,
  type TNotificationTemplate,
} from "@beian/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../../context.js";
import { authorize, requireSignedIn } from "../../policies/policy.js";
import { reviewPolicy } from "../review/policy.js";
import { deliveryList, retryNotification } from "./delivery-list.js";
import { inboxOf, markRead } from "./inbox.js";
import { preferencesOf, setPreferences } from "./preferences.js";
import { restoreDefaultTemplate, templatesInForce, updateTemplate, type TemplateInForce } from "./template-store.js";

const templateView = (t: TemplateInForce): TNotificationTemplate => ({
  key: t.key,
  title: t.title,
  audience: t.audience,
  mandatory: t.mandatory,
  variables: [...t.variables],
  required: [...t.required],
  smsRequired: [...(t.smsRequired ?? [])],
  subject: t.subject,
  body: t.body,
  sms: t.sms,
  edited: t.edited,
  updatedAt: t.updatedAt?.toISOString() ?? null,
});

export function notificationRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/api/me/notifications", { schema: { tags: ["notifications"], summary: "我的站内通知（最新在前，含未读数）", response: { 200: ZInbox } } }, async (request) => {
      const actor = requireSignedIn(request.actor);
      return inboxOf(ctx, actor.user.id);
    });

    r.post(
      "/api/me/notifications/:id/read",
      { schema: { tags: ["notifications"], summary: "标记一条站内通知为已读", params: ZNotificationId } },
      async (request, reply) => {
        const actor = requireSignedIn(request.actor);
        await markRead(ctx, actor.user.id, request.params.id);
        return reply.code(204).send();
      },
    );

    r.get(
      "/api/me/notification-preferences",
      { schema: { tags: ["notifications"], summary: "通知偏好（必须接收的通知不能关闭）", response: { 200: ZNotificationPreferences } } },
      async (request) => preferencesOf(ctx, requireSignedIn(request.actor).user),
    );

    r.put(
      "/api/me/notification-preferences",
      { schema: { tags: ["notifications"], summary: "开启或关闭可选通知的邮件和短信", body: ZNotificationPreferencesUpdate, response: { 200: ZNotificationPreferences } } },
      async (request) => setPreferences(ctx, requireSignedIn(request.actor).user, request.body),
    );

    r.get(
      "/api/admin/notification-templates",
      { schema: { tags: ["admin"], summary: "通知模板（当前生效的文字）", response: { 200: ZNotificationTemplateList } } },
      async (request) => {
        authorize(request.actor, reviewPolicy.administer, undefined);
        return { items: (await templatesInForce(ctx.db)).map(templateView) };
      },
    );

    r.put(
      "/api/admin/notification-templates/:key",
      {
        schema: {
          tags: ["admin"],
          summary: "修改通知模板：只能使用声明的变量，必要的变量不能删除；记入审计",
          params: ZNotificationTemplateKey,
          body: ZNotificationTemplateUpdate,
          response: { 200: ZNotificationTemplate },
        },
      },
      async (request) => {
        authorize(request.actor, reviewPolicy.administer, undefined);
        return templateView(await updateTemplate(ctx, request.actor, request.params.key, request.body));
      },
    );

    r.post(
      "/api/admin/notification-templates/:key/restore-default",
      {
        schema: {
          tags: ["admin"],
          summary: "把通知模板恢复为内置的默认文字（删除管理员的修改）；记入审计",
          params: ZNotificationTemplateKey,
          response: { 200: ZNotificationTemplate },
        },
      },
      async (request) => {
        authorize(request.actor, reviewPolicy.administer, undefined);
        return templateView(await restoreDefaultTemplate(ctx, request.actor, request.params.key));
      },
    );

    r.get(
      "/api/admin/notifications",
      { schema: { tags: ["admin"], summary: "发送失败或待发送的通知，分页（收件人已脱敏）", querystring: ZAdminNotificationQuery, response: { 200: ZAdminNotificationList } } },
      async (request) => {
        authorize(request.actor, reviewPolicy.administer, undefined);
        return deliveryList(ctx, request.query);
      },
    );

    r.post(
      "/api/admin/notifications/:id/retry",
      { schema: { tags: ["admin"], summary: "重新发送一条通知（记入审计）", params: ZNotificationId, response: { 200: ZAdminNotification } } },
      async (request) => {
        authorize(request.actor, reviewPolicy.administer, undefined);
        return retryNotification(ctx, request.actor, request.params.id);
      },
    );
  };
}
