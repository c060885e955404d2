/**
 * isp_querybeianstatus and isp_verifybamm, answered from the public registry.
 */
import { and, count, eq, gte, or } from "drizzle-orm";
import type { Sim } from "../context.js";
import { passwordChecks, registry } from "../db/schema.js";
import { MSG } from "../protocol/msg-codes.js";
import { hashFilingPassword } from "./accept-upload.js";

export interface StatusInfo {
  Cxtjlx: string;
  Cxtj: string;
  Wzmc?: string;
  Ztbah?: string;
  Wzbah?: string;
  /** 0 filed, 1 not filed. */
  Bazt: 0 | 1;
}

/** queryConditionType: 0 domain, 1–11 a certificate type (MIIT-INTERFACE.md). */
export async function queryStatus(sim: Sim, type: string | undefined, condition: string | undefined): Promise<{ code: number; infos: StatusInfo[] }> {
  const kind = Number(type);
  const value = (condition ?? "").trim();
  if (!/^\d{1,2}$/.test(type ?? "") || kind > 11 || !value || value.length > 255) return { code: MSG.other, infos: [] };
  if (kind === 0) {
    const domain = value.toLowerCase();
    const rows = await sim.db.select().from(registry).where(eq(registry.domain, domain));
    if (rows.length === 0) return { code: MSG.ok, infos: [{ Cxtjlx: "0", Cxtj: domain, Bazt: 1 }] };
    return {
      code: MSG.ok,
      infos: rows.map((r) => ({ Cxtjlx: "0", Cxtj: domain, Wzmc: r.siteName, Ztbah: r.subjectIcpNumber, Wzbah: r.siteIcpNumber, Bazt: 0 as const })),
    };
  }
  const certificate = value.toUpperCase();
  const rows = await sim.db.select().from(registry).where(eq(registry.certificateNumber, certificate));
  if (rows.length === 0) return { code: MSG.ok, infos: [{ Cxtjlx: String(kind), Cxtj: certificate, Bazt: 1 }] };
  const seen = new Set<string>();
  const infos: StatusInfo[] = [];
  for (const r of rows) {
    if (seen.has(r.siteIcpNumber)) continue;
    seen.add(r.siteIcpNumber);
    infos.push({ Cxtjlx: String(kind), Cxtj: certificate, Ztbah: r.subjectIcpNumber, Wzbah: r.siteIcpNumber, Bazt: 0 });
  }
  return { code: MSG.ok, infos };
}

/** isp_verifybamm: 0 ok / 1 failed; more than the allowed checks per filing number in the window → 22. */
export async function verifyFilingPassword(sim: Sim, baxh: string | undefined, bamm: string | undefined): Promise<{ code: number; result?: 0 | 1 }> {
  const number = (baxh ?? "").trim();
  if (!number || number.length > 64) return { code: MSG.other };
  const now = sim.clock.now();
  const since = new Date(now.getTime() - sim.config.passwordChecks.windowMinutes * 60_000);
  const [{ n } = { n: 0 }] = await sim.db
    .select({ n: count() })
    .from(passwordChecks)
    .where(and(eq(passwordChecks.filingNumber, number), gte(passwordChecks.checkedAt, since)));
  if (n >= sim.config.passwordChecks.max) return { code: MSG.passwordCheckLimit };
  await sim.db.insert(passwordChecks).values({ filingNumber: number, checkedAt: now });
  const rows = await sim.db
    .select({ hash: registry.filingPasswordHash })
    .from(registry)
    .where(or(eq(registry.subjectIcpNumber, number), eq(registry.siteIcpNumber, number)));
  const ok = rows.some((r) => r.hash !== null && r.hash === hashFilingPassword(bamm ?? ""));
  return { code: MSG.ok, result: ok ? 0 : 1 };
}
