import { httpJsonSmsSender } from "./http-json.js";
import { outboxSmsSender, type SmsSender } from "./port.js";

/**
 * SMS_PROVIDER=http sends through the HTTP JSON gateway (SMS_HTTP_URL, SMS_HTTP_TOKEN,
 * SMS_SIGN_NAME, SMS_TIMEOUT_MS); anything else keeps messages in the outbox for admins.
 */
export function smsSenderFromEnv(env: NodeJS.ProcessEnv): SmsSender {
  if (env.SMS_PROVIDER !== "http") return outboxSmsSender;
  if (!env.SMS_HTTP_URL) throw new Error("SMS_PROVIDER=http needs SMS_HTTP_URL");
  const timeout = Number(env.SMS_TIMEOUT_MS ?? 10_000);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new Error(`SMS_TIMEOUT_MS must be a positive whole number, got "${env.SMS_TIMEOUT_MS}"`);
  return httpJsonSmsSender({
    url: env.SMS_HTTP_URL,
    token: env.SMS_HTTP_TOKEN || undefined,
    signName: env.SMS_SIGN_NAME?.trim() || "备案系统",
    timeoutMs: timeout,
  });
}
