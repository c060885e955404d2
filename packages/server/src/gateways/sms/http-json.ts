import type { SmsSender } from "./port.js";

export interface HttpJsonSmsSettings {
  /** SMS_HTTP_URL: the gateway's send endpoint. */
  url: string;
  /** SMS_HTTP_TOKEN: sent as `Authorization: Bearer …`. */
  token: string | undefined;
  /** SMS_SIGN_NAME: the approved signature (签名) the provider puts in 【】. */
  signName: string;
  /** SMS_TIMEOUT_MS */
  timeoutMs: number;
}

/**
 * A cloud SMS gateway reached with one JSON POST per message — the shape most Chinese SMS
 * platforms and in-house relays to Aliyun / Tencent Cloud accept:
 *
 *   POST $SMS_HTTP_URL
 *   Authorization: Bearer $SMS_HTTP_TOKEN
 *   Idempotency-Key: <notification key>
 *   Content-Type: application/json
 *   { "mobile": "13800138000", "signName": "备案系统", "text": "【备案系统】…", "outId": "<notification key>" }
 *
 * The gateway answers 2xx with `{ "ok": true, "messageId": "…" }`; anything else — another
 * status, `ok: false` with `code` and `message`, a timeout — is a failure the delivery job
 * retries with backoff (the same `outId` lets the gateway drop a repeat).
 */
export function httpJsonSmsSender(settings: HttpJsonSmsSettings): SmsSender {
  return {
    kind: "cloud",
    async send(message) {
      const response = await fetch(settings.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": message.key,
          ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        },
        body: JSON.stringify({ mobile: message.mobile, signName: settings.signName, text: message.text, outId: message.key }),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      const text = await response.text();
      let answer: { ok?: unknown; code?: unknown; message?: unknown } = {};
      try {
        answer = JSON.parse(text) as typeof answer;
      } catch {
        // Not JSON: reported below with the status.
      }
      if (!response.ok || answer.ok !== true) {
        const detail = typeof answer.message === "string" ? answer.message : text.slice(0, 200);
        throw new Error(`SMS gateway refused (HTTP ${response.status}${typeof answer.code === "string" ? `, ${answer.code}` : ""}): ${detail}`);
      }
    },
  };
}
