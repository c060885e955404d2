export interface SmsMessage {
  mobile: string;
  text: string;
  /** Stable per notification, passed to providers that deduplicate (Aliyun OutId, Tencent SessionContext). */
  key: string;
}

/**
 * Sends SMS. The default adapter keeps messages in the notifications table (the outbox an admin
 * reads); `http-json.ts` posts each message to a cloud gateway (SMS_PROVIDER=http, see
 * select.ts). A provider SDK adapter implements the same port, e.g. Aliyun Dysms `SendSms` with
 * PhoneNumbers = mobile, SignName and TemplateCode from settings, TemplateParam = the variables,
 * OutId = key; or Tencent Cloud `SendSms` with PhoneNumberSet ["+86" + mobile], SmsSdkAppId,
 * SignName, TemplateId, TemplateParamSet, SessionContext = key. Providers require pre-approved
 * templates, so a cloud adapter sends template variables rather than free text.
 */
export interface SmsSender {
  readonly kind: "outbox" | "cloud";
  send(message: SmsMessage): Promise<void>;
}

export const outboxSmsSender: SmsSender = {
  kind: "outbox",
  async send() {},
};
