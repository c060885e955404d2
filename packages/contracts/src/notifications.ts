import { z } from "zod";

/** Notices to people (issue 9): templates admins edit, the delivery list, the inbox, preferences. */

const text = (max: number, what: string) =>
  z.string().max(max, { message: `${what}最多 ${max} 个字符。` }).refine((s) => s.trim() !== "", { message: `${what}不能为空。` });

export const NOTIFICATION_CHANNELS = ["email", "sms", "inbox"] as const;
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export const NOTIFICATION_STATUSES = ["pending", "sent", "failed"] as const;
export const ZNotificationStatus = z.enum(NOTIFICATION_STATUSES);

export const ZNotificationTemplate = z.object({
  key: z.string(),
  title: z.string(),
  audience: z.enum(["applicant", "staff"]),
  /** Mandatory notices cannot be switched off by their recipients. */
  mandatory: z.boolean(),
  variables: z.array(z.string()),
  /** Variables the body must keep (the SMS: `smsRequired`). */
  required: z.array(z.string()),
  smsRequired: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  sms: z.string(),
  edited: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TNotificationTemplate = z.infer<typeof ZNotificationTemplate>;
export const ZNotificationTemplateList = z.object({ items: z.array(ZNotificationTemplate) });

export const ZNotificationTemplateKey = z.object({ key: z.string().min(1).max(100) });
export const ZNotificationTemplateUpdate = z.strictObject({
  subject: text(200, "标题"),
  body: text(4000, "正文"),
  sms: text(500, "短信"),
});
export type TNotificationTemplateUpdate = z.infer<typeof ZNotificationTemplateUpdate>;

const DELIVERY_PAGE_SIZE_MAX = 200;
const pageSize = z.coerce.number().int().min(1).max(DELIVERY_PAGE_SIZE_MAX, { message: `每页最多 ${DELIVERY_PAGE_SIZE_MAX} 条。` });

/**
 * The admins' delivery list: failed deliveries and the outbox, recipients masked, paged on the
 * server (#6). `limit` is the older name of `pageSize`, still accepted.
 */
export const ZAdminNotificationQuery = z
  .strictObject({
    status: z.enum(["failed", "pending"]).default("failed"),
    channel: z.enum(["email", "sms"]).optional(),
    page: z.coerce.number().int().min(1, { message: "页码从 1 开始。" }).max(10_000).default(1),
    pageSize: pageSize.optional(),
    limit: pageSize.optional(),
  })
  .refine((q) => q.pageSize === undefined || q.limit === undefined, { message: "pageSize 和 limit 只能给一个（limit 是 pageSize 的旧名称）。", path: ["limit"] });
export type TAdminNotificationQuery = z.infer<typeof ZAdminNotificationQuery>;
export const ZAdminNotification = z.object({
  id: z.string(),
  channel: ZNotificationChannel,
  template: z.string(),
  /** 138****5678, ab***@example.com */
  recipient: z.string(),
  subject: z.string(),
  /** The text, with mobile numbers and email addresses in it masked. */
  body: z.string(),
  status: ZNotificationStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TAdminNotification = z.infer<typeof ZAdminNotification>;
/** One page, newest first; `total` counts every match, so the pages are ceil(total / pageSize). */
export const ZAdminNotificationList = z.object({
  items: z.array(ZAdminNotification),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TAdminNotificationList = z.infer<typeof ZAdminNotificationList>;

export const ZNotificationId = z.object({ id: z.uuid({ message: "通知编号格式不正确。" }) });

/** The signed-in user's in-app inbox, newest first. */
export const ZInboxItem = z.object({
  id: z.string(),
  template: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;
export const ZInbox = z.object({ items: z.array(ZInboxItem), unread: z.number().int() });
export type TInbox = z.infer<typeof ZInbox>;

/** Which notices reach the user by email and SMS; mandatory ones are always on. */
export const ZNotificationPreference = z.object({
  template: z.string(),
  title: z.string(),
  mandatory: z.boolean(),
  enabled: z.boolean(),
});
export const ZNotificationPreferences = z.object({ items: z.array(ZNotificationPreference) });
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;
export const ZNotificationPreferencesUpdate = z.strictObject({
  items: z.array(z.strictObject({ template: z.string().min(1).max(100), enabled: z.boolean() })).max(100),
});
export type TNotificationPreferencesUpdate = z.infer<typeof ZNotificationPreferencesUpdate>;
