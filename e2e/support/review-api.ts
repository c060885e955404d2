import type { FilingInput } from "@beian/rules";
import { personalFilingOf } from "../../packages/server/test/support/filings.js";

/** A signed-in API client over real HTTP: bearer tokens, as resellers' automation uses them. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** multipart/form-data with the fields first, then `file`, as the server reads it. */
  async upload<T = unknown>(path: string, fields: Record<string, string>, file: { name: string; data: Buffer }): Promise<T> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("file", new Blob([new Uint8Array(file.data)], { type: "image/jpeg" }), file.name);
    const res = await fetch(`${this.baseUrl}${path}`, { method: "POST", headers: { authorization: `Bearer ${this.token}` }, body: form });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
}

export async function login(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return new ApiClient(baseUrl, ((await res.json()) as { token: string }).token);
}

const day = 86_400_000;
const isoDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The server tests' complete personal filing for applicant `n` (浙江), its domain dates moved to
 * be valid at `now`: real-name verified three months before (DOM-5 wants it settled), registration
 * running two more years (DOM-4).
 */
export function personalFilingAt(n: number, now: Date): Omit<FilingInput, "type"> {
  const filing = personalFilingOf(n);
  for (const site of filing.websites) {
    for (const cert of site.domainCertificates ?? []) {
      cert.verifiedAt = isoDate(new Date(now.getTime() - 90 * day));
      cert.expiresAt = isoDate(new Date(now.getTime() + 730 * day));
    }
  }
  return filing;
}

export interface SubmittedFiling {
  id: string;
  applicant: ApiClient;
  domain: string;
  /** Signs the applicant in again (sessions end when the server's clock is moved on). */
  relogin(): Promise<ApiClient>;
}

/**
 * Registers applicant `n`, fills in the filing (`adjust` may change it first), uploads every image
 * the checklist asks for and submits it.
 */
export async function submitPersonalFiling(
  baseUrl: string,
  n: number,
  now: Date,
  photo: Buffer,
  adjust: (form: Omit<FilingInput, "type">) => void = () => undefined,
): Promise<SubmittedFiling> {
  const form = personalFilingAt(n, now);
  adjust(form);
  return submitFiling(baseUrl, n, form, photo);
}

/** Registers applicant `n` and submits `form` as a first filing with every checklist image uploaded. */
export async function submitFiling(baseUrl: string, n: number, form: Omit<FilingInput, "type">, photo: Buffer): Promise<SubmittedFiling> {
  const email = `review-applicant-${n}@example.com`;
  const password = "Applicant-2026";
  const reg = await fetch(`${baseUrl}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, mobile: `1360000${String(3000 + n).padStart(4, "0")}` }),
  });
  if (!reg.ok) throw new Error(`register ${email}: ${reg.status} ${await reg.text()}`);
  const applicant = await login(baseUrl, email, password);
  const { id } = await applicant.call<{ id: string }>("POST", "/api/filings", { type: "first", form: { ...form, type: undefined } });
  const checklist = await applicant.call<{ items: { kind: string; path: string | null; stage: string; present: boolean }[] }>("GET", `/api/filings/${id}/checklist`);
  for (const item of checklist.items.filter((i) => i.stage === "submission" && !i.present)) {
    await applicant.upload(`/api/filings/${id}/materials`, { kind: item.kind, ...(item.path ? { path: item.path } : {}) }, { name: `${item.kind}.jpg`, data: photo });
  }
  const { version } = await applicant.call<{ version: number }>("GET", `/api/filings/${id}`);
  await applicant.call("POST", `/api/filings/${id}/submit`, { expectedVersion: version });
  return { id, applicant, domain: form.websites[0]!.domains[0]!, relogin: () => login(baseUrl, email, password) };
}
