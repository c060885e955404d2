import type {
  TAdminNotification,
  TAdminNotificationList,
  TNotificationTemplate,
  TNotificationTemplateUpdate,
  TPolicies,
  TReasonTemplate,
  TReasonTemplateSave,
} from "@beian/contracts";
import { api } from "../../../lib/api";

export interface DeliveryQuery {
  status: "failed" | "pending";
  channel?: "email" | "sms" | undefined;
  page: number;
  pageSize: number;
}

const at = (base: string, key: string) => `${base}/${encodeURIComponent(key)}`;

/** The admins' settings (issue 6): every change is checked and audited by the server. */
export const adminApi = {
  saveReasonTemplate: (code: string, body: TReasonTemplateSave) => api<TReasonTemplate>("PUT", at("/api/admin/reason-templates", code), body),
  deleteReasonTemplate: (code: string) => api<void>("DELETE", at("/api/admin/reason-templates", code)),
  policies: () => api<TPolicies>("GET", "/api/provinces/policies"),
  setProvinceOverrides: (province: string, overrides: Record<string, unknown>) =>
    api<TPolicies>("PUT", at("/api/admin/provinces", province), { overrides }),
  notificationTemplates: () => api<{ items: TNotificationTemplate[] }>("GET", "/api/admin/notification-templates"),
  saveNotificationTemplate: (key: string, body: TNotificationTemplateUpdate) =>
    api<TNotificationTemplate>("PUT", at("/api/admin/notification-templates", key), body),
  restoreNotificationTemplate: (key: string) => api<TNotificationTemplate>("POST", `${at("/api/admin/notification-templates", key)}/restore-default`),
  deliveries: (query: DeliveryQuery) => {
    const params = new URLSearchParams({ status: query.status, page: String(query.page), pageSize: String(query.pageSize) });
    if (query.channel) params.set("channel", query.channel);
    return api<TAdminNotificationList>("GET", `/api/admin/notifications?${params.toString()}`);
  },
  retryDelivery: (id: string) => api<TAdminNotification>("POST", `/api/admin/notifications/${encodeURIComponent(id)}/retry`),
};
