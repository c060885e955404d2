/**
 * The bureau reviewer's decisions. Approval issues numbers (NUM-1), writes the public registry
 * and queues a BAJG 1001 file; a return queues BAJG 1002 with the opinion.
 */
import { randomBytes } from "node:crypto";
import { CERTIFICATE_TYPES, isProvinceKey, SUBJECT_NATURES, type CertificateTypeInfo, type ProvinceKey, type SubjectNatureInfo } from "@beian/rules";
import { asc, eq, or } from "drizzle-orm";
import type { Sim, SimTx } from "../context.js";
import { filings, registry } from "../db/schema.js";
import { hashFilingPassword } from "../filings/accept-upload.js";
import { moveFiling, recordOf, type FilingRow } from "../filings/filing-row.js";
import { issueSubjectNumber, siteNumber } from "../filings/icp-numbers.js";
import { queueResult } from "../filings/result-queue.js";
import { deliverSms } from "../sms/sms-service.js";
import { RESULT, type ResultEntry } from "../xml/result-xml.js";
import type { UploadedRecord, UploadedSubject } from "../xml/upload-xml.js";

export const REVIEWER = "管局审核员";

export async function awaitingReview(sim: Sim): Promise<FilingRow[]> {
  return sim.db.select().from(filings).where(eq(filings.status, "bureau_review")).orderBy(asc(filings.createdAt));
}

export type ReviewOutcome = { ok: true; subjectIcpNumber?: string } | { ok: false; reason: "not_found" | "not_in_review" };

/** Labels for the registry: Dwxz / Zjlx carry MIIT codes or our rules' keys (README.md). */
function natureLabel(code: string): string {
  const natures: Record<string, SubjectNatureInfo> = SUBJECT_NATURES;
  const found = Object.entries(natures).find(([key, n]) => key === code || String(n.miitCode ?? "") === code);
  return found?.[1].label ?? code;
}
function certificateLabel(code: string): string {
  const types: Record<string, CertificateTypeInfo> = CERTIFICATE_TYPES;
  const found = Object.entries(types).find(([key, c]) => key === code || String(c.miitQueryType ?? "") === code);
  return found?.[1].label ?? code;
}

async function loadForReview(sim: Sim, id: string): Promise<FilingRow | ReviewOutcome> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return { ok: false, reason: "not_found" };
  const [filing] = await sim.db.select().from(filings).where(eq(filings.id, id));
  if (!filing) return { ok: false, reason: "not_found" };
  if (filing.status !== "bureau_review") return { ok: false, reason: "not_in_review" };
  return filing;
}

export async function returnFilingByBureau(sim: Sim, id: string, reason: string): Promise<ReviewOutcome> {
  const filing = await loadForReview(sim, id);
  if (!("id" in filing)) return filing;
  const now = sim.clock.now();
  const opinion = reason.trim() || "管局审核未通过";
  return sim.db.transaction(async (tx) => {
    if (!(await moveFiling(tx, filing.id, "bureau_review", "returned", now, { outcomeCode: RESULT.rejected, outcomeReason: opinion }))) {
      return { ok: false, reason: "not_in_review" } as const;
    }
    await queueResult(tx, filing.ispId, now, [
      { recordId: filing.recordId, operation: filing.messageType, code: RESULT.rejected, reviewer: REVIEWER, reviewedAt: now, opinion },
    ]);
    return { ok: true } as const;
  });
}

export async function approveFiling(sim: Sim, id: string): Promise<ReviewOutcome> {
  const filing = await loadForReview(sim, id);
  if (!("id" in filing)) return filing;
  const now = sim.clock.now();
  return sim.db.transaction(async (tx) => {
    const record = recordOf(filing);
    const applied = await applyToRegistry(tx, filing, record, now);
    if (!(await moveFiling(tx, filing.id, "bureau_review", "approved", now, { outcomeCode: RESULT.approved, subjectIcpNumber: applied.subjectIcpNumber }))) {
      throw new Error("filing left review while being approved");
    }
    // Keep which number each website got, so a later 变更 can tell whose mobile changed.
    const numbered = { ...record, websites: record.websites.map((w, i) => ({ ...w, siteIcpNumber: applied.websites[i]?.icpNumber ?? w.siteIcpNumber })) };
    await tx.update(filings).set({ record: numbered }).where(eq(filings.id, filing.id));
    const entry: ResultEntry = {
      recordId: filing.recordId,
      operation: filing.messageType,
      code: RESULT.approved,
      reviewer: REVIEWER,
      reviewedAt: now,
      subjectIcpNumber: applied.subjectIcpNumber,
      websites: applied.websites,
    };
    await queueResult(tx, filing.ispId, now, [entry]);
    if (applied.password && record.subject) {
      // The bureau tells the subject principal the filing password (备案密码) that 新增接入 and isp_verifybamm check.
      await deliverSms(tx, record.subject.principal.mobile, `【工业和信息化部】您的ICP备案已审核通过，主体备案号${applied.subjectIcpNumber}，备案密码${applied.password}，请妥善保管。`, now);
    }
    return { ok: true, subjectIcpNumber: applied.subjectIcpNumber } as const;
  });
}

interface Applied {
  subjectIcpNumber: string;
  websites: { name: string; domain: string; icpNumber: string }[];
  password?: string;
}

type SubjectColumns = Pick<typeof registry.$inferInsert, "subjectName" | "subjectNature" | "certificateType" | "certificateNumber">;

function subjectColumns(s: UploadedSubject): SubjectColumns {
  return {
    subjectName: s.name,
    subjectNature: natureLabel(s.nature),
    certificateType: certificateLabel(s.certificateType),
    certificateNumber: s.certificateNumber,
  };
}

async function applyToRegistry(tx: SimTx, filing: FilingRow, record: UploadedRecord, now: Date): Promise<Applied> {
  const province = filing.province;
  switch (record.type) {
    case "XZBA": {
      const subjectIcpNumber = await issueSubjectNumber(tx, (isProvinceKey(province) ? province : "bj") as ProvinceKey, now);
      const password = randomBytes(6).toString("base64url");
      const websites = record.websites.map((w, i) => ({ website: w, icpNumber: siteNumber(subjectIcpNumber, i + 1) }));
      await insertSites(tx, filing, subjectColumns(record.subject!), subjectIcpNumber, websites, now, hashFilingPassword(password));
      return { subjectIcpNumber, websites: websites.map(summary), password };
    }
    case "XZWZ": {
      const subjectIcpNumber = record.subjectIcpNumber!;
      const existing = await tx.select().from(registry).where(eq(registry.subjectIcpNumber, subjectIcpNumber));
      const first = existing[0]!;
      const used = existing.map((r) => Number(r.siteIcpNumber.split("-").pop())).filter(Number.isFinite);
      const start = Math.max(0, ...used);
      const websites = record.websites.map((w, i) => ({ website: w, icpNumber: siteNumber(subjectIcpNumber, start + i + 1) }));
      const subject: SubjectColumns = {
        subjectName: first.subjectName,
        subjectNature: first.subjectNature,
        certificateType: first.certificateType,
        certificateNumber: first.certificateNumber,
      };
      await insertSites(tx, filing, subject, subjectIcpNumber, websites, now, first.filingPasswordHash);
      return { subjectIcpNumber, websites: websites.map(summary) };
    }
    case "XZJR": {
      // The access moves to this provider; the numbers stay what they were.
      const rows = await tx.select().from(registry).where(eq(registry.siteIcpNumber, record.siteIcpNumber!));
      const first = rows[0]!;
      return {
        subjectIcpNumber: first.subjectIcpNumber,
        websites: [{ name: first.siteName, domain: first.domain, icpNumber: first.siteIcpNumber }],
      };
    }
    case "BGBA": {
      const subjectIcpNumber = record.subjectIcpNumber!;
      await tx.update(registry).set({ ...subjectColumns(record.subject!), approvedAt: now }).where(eq(registry.subjectIcpNumber, subjectIcpNumber));
      const websites = [];
      for (const website of record.websites) {
        const icpNumber = website.siteIcpNumber!;
        const [old] = await tx.select().from(registry).where(eq(registry.siteIcpNumber, icpNumber)).limit(1);
        await tx.delete(registry).where(eq(registry.siteIcpNumber, icpNumber));
        await insertSites(tx, filing, subjectColumns(record.subject!), subjectIcpNumber, [{ website, icpNumber }], now, old?.filingPasswordHash ?? null);
        websites.push({ website, icpNumber });
      }
      return { subjectIcpNumber, websites: websites.map(summary) };
    }
    case "ZXBA": {
      const number = (record.cancelKind === "0" ? record.subjectIcpNumber : record.siteIcpNumber) ?? record.subjectIcpNumber ?? record.siteIcpNumber!;
      const [row] = await tx.select().from(registry).where(or(eq(registry.subjectIcpNumber, number), eq(registry.siteIcpNumber, number))).limit(1);
      if (record.cancelKind === "0") await tx.delete(registry).where(eq(registry.subjectIcpNumber, number));
      if (record.cancelKind === "1") await tx.delete(registry).where(eq(registry.siteIcpNumber, number));
      return { subjectIcpNumber: row?.subjectIcpNumber ?? number, websites: [] };
    }
  }
}

const summary = ({ website, icpNumber }: { website: UploadedRecord["websites"][number]; icpNumber: string }) => ({
  name: website.name,
  domain: website.domains[0] ?? "",
  icpNumber,
});

async function insertSites(
  tx: SimTx,
  filing: FilingRow,
  subject: SubjectColumns,
  subjectIcpNumber: string,
  websites: { website: UploadedRecord["websites"][number]; icpNumber: string }[],
  now: Date,
  passwordHash: string | null,
): Promise<void> {
  for (const { website, icpNumber } of websites) {
    for (const domain of website.domains) {
      await tx.insert(registry).values({
        ...subject,
        subjectIcpNumber,
        siteName: website.name,
        siteIcpNumber: icpNumber,
        domain,
        approvedAt: now,
        filingId: filing.id,
        filingPasswordHash: passwordHash,
      });
    }
  }
}
