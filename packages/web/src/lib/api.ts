import type { TProblem, TProblemFieldError } from "@beian/contracts";

/** A refused request: the server's problem+json, with its stable code and Chinese detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: TProblemFieldError[] = [],
  ) {
    super(detail);
  }
}

let csrfTokenValue: string | null = null;

/** The CSRF token of the cookie session lives in memory only (never in storage). */
export function setCsrfToken(token: string | null): void {
  csrfTokenValue = token;
}

/** For requests made outside `api()` (uploads with progress through XMLHttpRequest). */
export function csrfToken(): string | null {
  return csrfTokenValue;
}

export const NETWORK_ERROR = "网络连接失败，请检查网络后重试；已填写的内容不会丢失。";

/** Calls the JSON API with the session cookie; state changes carry the CSRF token. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfTokenValue) headers["x-csrf-token"] = csrfTokenValue;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", NETWORK_ERROR);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw problemError(res.status, data);
  return data as T;
}

/** The ApiError for a refused response body (problem+json, or anything else). */
export function problemError(status: number, body: unknown): ApiError {
  const p = (body ?? {}) as Partial<TProblem>;
  return new ApiError(status, p.code ?? "UNKNOWN", p.detail ?? "系统繁忙，请稍后重试。", p.errors ?? []);
}
