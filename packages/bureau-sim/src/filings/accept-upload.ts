/**
 * isp_upload: authenticate, unpack, validate, check the data sequence, then store the file and
 * open one bureau filing per record. Filings that need SMS verification get their codes
 * scheduled (R-SMS-1); the others go straight to the bureau's review.
 */
import { createHash } from "node:crypto";
import { parseIcpNumber, resolveProvince, type ProvinceKey } from "@beian/rules";
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Sim, SimTx } from "../context.js";
import { filings, registry, uploads } from "../db/schema.js";
import { authenticate, type Credentials } from "../protocol/auth.js";
import { MSG } from "../protocol/msg-codes.js";
import { unpackFile } from "../protocol/payload.js";
import { scheduleCodes } from "../sms/sms-service.js";
import { smsRecipients, type KnownMobiles } from "../sms/recipients.js";
import { RESULT } from "../xml/result-xml.js";
import { readUploadXml, type UploadedRecord } from "../xml/upload-xml.js";
import { recordOf } from "./filing-row.js";
import { queueResult } from "./result-queue.js";

export interface UploadParams extends Credentials {
  beianInfo?: string;
  beianInfoHash?: string;
  dataSequence?: string;
  encryptAlgorithm?: string;
  compressionFormat?: string;
}

export interface UploadReply {
  code: number;
  detail?: string;
  /** code 14: the sequences the bureau has not received. */
  missing?: number[];
}

const MAX_SEQUENCE = 0xffffffff;

export async function acceptUpload(sim: Sim, p: UploadParams): Promise<UploadReply> {
  const auth = authenticate(p, sim.config.isp);
  if (auth !== MSG.ok) return { code: auth };
  const sequence = Number(p.dataSequence);
  if (!/^\d+$/.test(p.dataSequence ?? "") || sequence < 1 || sequence > MAX_SEQUENCE) {
    return { code: MSG.other, detail: "dataSequence must be a whole number from 1" };
  }
  const unpacked = unpackFile(
    {
      beianInfo: p.beianInfo ?? "",
      beianInfoHash: p.beianInfoHash ?? "",
      hashAlgorithm: p.hashAlgorithm ?? "0",
      compressionFormat: p.compressionFormat ?? "",
      encryptAlgorithm: p.encryptAlgorithm ?? "",
    },
    sim.config.aes,
  );
  if (!unpacked.ok) return { code: unpacked.code, detail: unpacked.detail };
  const read = readUploadXml(unpacked.xml);
  if (!read.ok) return { code: read.code, detail: read.errors.map((e) => `${e.path}: ${e.message}`).join("; ") };

  const ispId = sim.config.isp.ispId;
  const now = sim.clock.now();
  return storeUpload(sim, ispId, sequence, unpacked, read, now).catch((error: unknown) => {
    // Two uploads raced for the same sequence: the loser is out of step, like any stale sequence.
    if (isUniqueViolation(error)) return { code: MSG.sequenceGap, detail: `dataSequence ${sequence} is already used`, missing: [] };
    throw error;
  });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "23505" || e.cause?.code === "23505";
}

async function storeUpload(
  sim: Sim,
  ispId: string,
  sequence: number,
  unpacked: { fileName: string; xml: string; beianInfoHash: string },
  read: { type: UploadedRecord["type"]; records: UploadedRecord[] },
  now: Date,
): Promise<UploadReply> {
  return sim.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ seq: uploads.dataSequence })
      .from(uploads)
      .where(eq(uploads.ispId, ispId))
      .orderBy(desc(uploads.dataSequence))
      .limit(1);
    const lastSeq = last?.seq ?? 0;
    if (sequence <= lastSeq) {
      const [same] = await tx
        .select({ hash: uploads.beianInfoHash })
        .from(uploads)
        .where(and(eq(uploads.ispId, ispId), eq(uploads.dataSequence, sequence)));
      // A retry of an accepted file (the reply was lost) is answered as accepted, not applied twice.
      if (same?.hash === unpacked.beianInfoHash) return { code: MSG.ok };
      return { code: MSG.sequenceGap, detail: `dataSequence ${sequence} is already used; the next is ${lastSeq + 1}`, missing: [] };
    }
    if (sequence > lastSeq + 1) {
      const missing = Array.from({ length: Math.min(sequence - lastSeq - 1, 1000) }, (_, i) => lastSeq + 1 + i);
      return { code: MSG.sequenceGap, detail: `expected dataSequence ${lastSeq + 1}`, missing };
    }
    const [upload] = await tx
      .insert(uploads)
      .values({
        ispId,
        dataSequence: sequence,
        fileName: unpacked.fileName,
        beianInfoHash: unpacked.beianInfoHash,
        messageType: read.type,
        xml: unpacked.xml,
        receivedAt: now,
      })
      .returning({ id: uploads.id });
    for (const record of read.records) await openFiling(sim, tx, upload!.id, record, now);
    return { code: MSG.ok };
  });
}

/** The bureau the record belongs to: the subject's address, else the number's abbreviation. */
function provinceOf(record: UploadedRecord): ProvinceKey | undefined {
  if (record.subject) return resolveProvince(record.subject.provinceCode);
  const number = record.subjectIcpNumber ?? record.siteIcpNumber;
  return number ? parseIcpNumber(number).provinceKey : undefined;
}

async function openFiling(sim: Sim, tx: SimTx, uploadId: number, record: UploadedRecord, now: Date): Promise<void> {
  const ispId = sim.config.isp.ispId;
  const province = provinceOf(record);
  const refusal = province ? await checkAgainstRegistry(tx, record) : { code: RESULT.rejected, opinion: "省市县代码错误，无法确定受理的省通信管理局" };
  const [filing] = await tx
    .insert(filings)
    .values({
      ispId,
      uploadId,
      recordId: record.recordId,
      messageType: record.type,
      province: province ?? "",
      status: refusal ? "returned" : "bureau_review",
      record,
      outcomeCode: refusal?.code ?? null,
      outcomeReason: refusal?.opinion ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: filings.id });
  if (refusal) {
    await queueResult(tx, ispId, now, [
      { recordId: record.recordId, operation: record.type, code: refusal.code, reviewer: "系统自动校验", reviewedAt: now, opinion: refusal.opinion },
    ]);
    return;
  }
  const recipients = smsRecipients(record, record.type === "BGBA" ? await knownMobiles(tx, record.subjectIcpNumber) : undefined);
  if (recipients.length === 0) return;
  await tx.update(filings).set({ status: "sms_pending" }).where(eq(filings.id, filing!.id));
  await scheduleCodes(tx, filing!.id, recipients, new Date(now.getTime() + sim.config.smsDelaySeconds * 1000));
}

export const hashFilingPassword = (password: string) => createHash("sha256").update(password).digest("hex");

/** Refusals the bureau's system makes on receipt, before anyone reviews (10xx codes). */
async function checkAgainstRegistry(tx: SimTx, record: UploadedRecord): Promise<{ code: number; opinion: string } | null> {
  if (record.type === "XZBA") {
    const domains = record.websites.flatMap((w) => w.domains);
    const filed = await tx.select({ domain: registry.domain }).from(registry).where(inArray(registry.domain, domains)).limit(1);
    if (filed[0]) return { code: RESULT.domainFiled, opinion: `域名 ${filed[0].domain} 已备案` };
    return null;
  }
  const number = record.type === "XZJR" ? record.siteIcpNumber : (record.subjectIcpNumber ?? record.siteIcpNumber);
  if (!number) return { code: RESULT.recordNotFound, opinion: "缺少备案号" };
  const rows = await tx
    .select({ passwordHash: registry.filingPasswordHash })
    .from(registry)
    .where(or(eq(registry.subjectIcpNumber, number), eq(registry.siteIcpNumber, number)));
  if (rows.length === 0) return { code: RESULT.recordNotFound, opinion: `备案号 ${number} 在备案信息库中不存在` };
  if (record.type === "XZJR" && !rows.some((r) => r.passwordHash === hashFilingPassword(record.filingPassword ?? ""))) {
    return { code: RESULT.wrongFilingPassword, opinion: "备案密码错误" };
  }
  return null;
}

/**
 * The mobiles the bureau holds for a filed subject, from all its approved filings in order
 * (a later one overrides), so a 变更 texts only numbers that changed.
 */
async function knownMobiles(tx: SimTx, subjectIcpNumber: string | undefined): Promise<KnownMobiles | undefined> {
  if (!subjectIcpNumber) return undefined;
  const approved = await tx
    .select()
    .from(filings)
    .where(and(eq(filings.subjectIcpNumber, subjectIcpNumber), eq(filings.status, "approved")))
    .orderBy(asc(filings.updatedAt));
  if (approved.length === 0) return undefined;
  const known: KnownMobiles = { websites: {} };
  for (const row of approved) {
    const record = recordOf(row);
    if (record.subject) known.subject = record.subject.principal.mobile;
    for (const w of record.websites) if (w.siteIcpNumber) known.websites[w.siteIcpNumber] = w.principal.mobile;
  }
  return known;
}
