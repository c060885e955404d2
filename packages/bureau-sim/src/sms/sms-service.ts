/**
 * The SMS verification step (R-SMS-1…R-SMS-6): codes sent after the delay, resent at noon the
 * next day, valid 48 h, verified on the province page; 5 failures or expiry return the filing
 * to the provider as a result file; all codes verified moves it to the bureau's review.
 */
import { randomInt } from "node:crypto";
import { DEFAULT_WORKFLOW_LIMITS, PROVINCES, smsSchedule, type ProvinceKey } from "@beian/rules";
import { and, asc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Sim, SimTx } from "../context.js";
import { filings, smsCodes, smsMessages } from "../db/schema.js";
import { moveFiling, recordOf, type FilingRow } from "../filings/filing-row.js";
import { queueResult } from "../filings/result-queue.js";
import { RESULT } from "../xml/result-xml.js";
import { senderFor } from "./carrier.js";
import type { SmsRecipient } from "./recipients.js";

export const MAX_FAILED_ATTEMPTS = DEFAULT_WORKFLOW_LIMITS.smsMaxFailedAttempts;

type CodeRow = typeof smsCodes.$inferSelect;

export async function scheduleCodes(tx: SimTx, filingId: string, recipients: SmsRecipient[], dueAt: Date): Promise<void> {
  await tx.insert(smsCodes).values(
    recipients.map((r) => ({
      filingId,
      mobile: r.mobile,
      roles: r.roles.join(","),
      certificateNumbers: r.certificateNumbers,
      code: String(randomInt(0, 1_000_000)).padStart(6, "0"),
      dueAt,
    })),
  );
}

export async function deliverSms(tx: SimTx, mobile: string, text: string, now: Date): Promise<void> {
  const sender = senderFor(mobile);
  await tx.insert(smsMessages).values({ mobile, sender: sender.number, carrier: sender.carrier, text, sentAt: now });
}

function codeText(code: CodeRow, filing: FilingRow, resend: boolean): string {
  const province = PROVINCES[filing.province as ProvinceKey]?.shortName ?? "";
  const record = recordOf(filing);
  const who = record.subject?.name ?? record.websites[0]?.name ?? "";
  return `【工业和信息化部】${resend ? "（重发）" : ""}您的ICP备案（${who}）短信核验码为${code.code}，48小时内有效。请登录${province}通信管理局备案系统短信核验页面，输入证件号码、手机号码和核验码完成核验。如非本人操作请忽略。`;
}

/** One pass over due SMS work; safe to run often and from a timer. */
export async function sweepSms(sim: Sim): Promise<void> {
  const now = sim.clock.now();
  await expireCodes(sim, now);
  await sendDueCodes(sim, now);
  await resendAtNoon(sim, now);
}

async function pendingCodes(sim: Sim, where: ReturnType<typeof and>) {
  return sim.db
    .select({ code: smsCodes, filing: filings })
    .from(smsCodes)
    .innerJoin(filings, eq(filings.id, smsCodes.filingId))
    .where(and(eq(filings.status, "sms_pending"), isNull(smsCodes.verifiedAt), where))
    .orderBy(asc(smsCodes.dueAt));
}

async function sendDueCodes(sim: Sim, now: Date): Promise<void> {
  for (const { code, filing } of await pendingCodes(sim, and(isNull(smsCodes.sentAt), lte(smsCodes.dueAt, now)))) {
    const schedule = smsSchedule(now);
    await sim.db.transaction(async (tx) => {
      const updated = await tx
        .update(smsCodes)
        .set({ sentAt: now, resendAt: schedule.resendAt, expiresAt: schedule.expiresAt })
        .where(and(eq(smsCodes.id, code.id), isNull(smsCodes.sentAt)))
        .returning({ id: smsCodes.id });
      if (updated.length) await deliverSms(tx, code.mobile, codeText(code, filing, false), now);
    });
  }
}

/** R-SMS-4: the one automatic resend, 12:00 Shanghai the day after sending. */
async function resendAtNoon(sim: Sim, now: Date): Promise<void> {
  const due = and(isNotNull(smsCodes.sentAt), isNull(smsCodes.resentAt), lte(smsCodes.resendAt, now));
  for (const { code, filing } of await pendingCodes(sim, due)) {
    await sim.db.transaction(async (tx) => {
      const updated = await tx
        .update(smsCodes)
        .set({ resentAt: now })
        .where(and(eq(smsCodes.id, code.id), isNull(smsCodes.resentAt)))
        .returning({ id: smsCodes.id });
      if (updated.length) await deliverSms(tx, code.mobile, codeText(code, filing, true), now);
    });
  }
}

/** R-SMS-5: 48 h without success returns the filing to the provider. */
async function expireCodes(sim: Sim, now: Date): Promise<void> {
  const expired = await pendingCodes(sim, and(isNotNull(smsCodes.expiresAt), lte(smsCodes.expiresAt, now)));
  const seen = new Set<string>();
  for (const { filing } of expired) {
    if (seen.has(filing.id)) continue;
    seen.add(filing.id);
    await returnFiling(sim, filing, RESULT.smsExpired, "短信核验超时（48小时内未完成核验）", now);
  }
}

async function returnFiling(sim: Sim, filing: FilingRow, code: number, opinion: string, now: Date): Promise<void> {
  await sim.db.transaction(async (tx) => {
    if (!(await moveFiling(tx, filing.id, "sms_pending", "returned", now, { outcomeCode: code, outcomeReason: opinion }))) return;
    await queueResult(tx, filing.ispId, now, [
      { recordId: filing.recordId, operation: filing.messageType, code, reviewer: "短信核验系统", reviewedAt: now, opinion },
    ]);
  });
}

export type VerifyOutcome =
  | { kind: "no_pending" }
  | { kind: "not_sent" }
  | { kind: "wrong"; remaining: number }
  | { kind: "failed" }
  | { kind: "expired" }
  | { kind: "verified"; allDone: boolean };

/** The province page's check (R-SMS-5): certificate number + mobile + code. */
export async function verifySms(sim: Sim, province: ProvinceKey, input: { certificateNumber: string; mobile: string; code: string }): Promise<VerifyOutcome> {
  const now = sim.clock.now();
  const mobile = input.mobile.trim();
  const candidates = await sim.db
    .select({ code: smsCodes, filing: filings })
    .from(smsCodes)
    .innerJoin(filings, eq(filings.id, smsCodes.filingId))
    .where(and(eq(filings.status, "sms_pending"), eq(filings.province, province), eq(smsCodes.mobile, mobile), isNull(smsCodes.verifiedAt)))
    .orderBy(asc(smsCodes.dueAt));
  if (candidates.length === 0) return { kind: "no_pending" };
  const certificate = input.certificateNumber.trim().toUpperCase();
  const matches = (c: CodeRow) => c.certificateNumbers.includes(certificate) && c.code === input.code.trim();
  // One mobile can wait on several filings; the code says which one is meant, else the oldest is.
  const found = candidates.find((c) => c.code.sentAt && matches(c.code)) ?? candidates[0]!;
  const { code, filing } = found;
  if (!code.sentAt) return { kind: "not_sent" };
  if (code.expiresAt && code.expiresAt.getTime() <= now.getTime()) {
    await returnFiling(sim, filing, RESULT.smsExpired, "短信核验超时（48小时内未完成核验）", now);
    return { kind: "expired" };
  }
  if (!matches(code)) {
    const [counted] = await sim.db
      .update(filings)
      .set({ failedAttempts: sql`${filings.failedAttempts} + 1`, updatedAt: now })
      .where(eq(filings.id, filing.id))
      .returning({ failed: filings.failedAttempts });
    const failed = counted?.failed ?? MAX_FAILED_ATTEMPTS;
    if (failed >= MAX_FAILED_ATTEMPTS) {
      await returnFiling(sim, filing, RESULT.smsFailed, `短信核验失败：证件号码或核验码错误${failed}次`, now);
      return { kind: "failed" };
    }
    return { kind: "wrong", remaining: MAX_FAILED_ATTEMPTS - failed };
  }
  return sim.db.transaction(async (tx) => {
    await tx.update(smsCodes).set({ verifiedAt: now }).where(eq(smsCodes.id, code.id));
    const open = await tx
      .select({ id: smsCodes.id })
      .from(smsCodes)
      .where(and(eq(smsCodes.filingId, filing.id), isNull(smsCodes.verifiedAt)));
    if (open.length > 0) return { kind: "verified", allDone: false } as const;
    // R-SMS-6: only now does the filing enter the province bureau's review.
    if (await moveFiling(tx, filing.id, "sms_pending", "bureau_review", now)) {
      await queueResult(tx, filing.ispId, now, [
        { recordId: filing.recordId, operation: filing.messageType, code: RESULT.smsVerified, reviewer: "短信核验系统", reviewedAt: now },
      ]);
    }
    return { kind: "verified", allDone: true } as const;
  });
}

/** R-SMS-4 / R-SMS-9: the page's resend button sends the same code again (its validity is unchanged). */
export async function resendSms(sim: Sim, province: ProvinceKey, mobile: string): Promise<"sent" | "no_pending"> {
  const now = sim.clock.now();
  const rows = await sim.db
    .select({ code: smsCodes, filing: filings })
    .from(smsCodes)
    .innerJoin(filings, eq(filings.id, smsCodes.filingId))
    .where(
      and(
        eq(filings.status, "sms_pending"),
        eq(filings.province, province),
        eq(smsCodes.mobile, mobile.trim()),
        isNull(smsCodes.verifiedAt),
        isNotNull(smsCodes.sentAt),
      ),
    );
  if (rows.length === 0) return "no_pending";
  await sim.db.transaction(async (tx) => {
    for (const { code, filing } of rows) await deliverSms(tx, code.mobile, codeText(code, filing, true), now);
  });
  return "sent";
}

export async function inbox(sim: Sim, mobile: string) {
  return sim.db.select().from(smsMessages).where(eq(smsMessages.mobile, mobile)).orderBy(asc(smsMessages.id));
}

