import type { TQueueItem, TQueueQuery } from "@beian/contracts";
import type { FilingStatus } from "@beian/rules";
import { and, asc, count, eq, gt, gte, inArray, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { filings, type FilingRow } from "../../db/schema.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { summaryColumns, toSummary } from "../filings/service.js";
import type { PersonalDataKeys } from "../personal-data/data-keys.js";
import { certificateSearchHash } from "../personal-data/search-hash.js";
import { reviewPolicy } from "./policy.js";

/** What waits for a reviewer unless the filter says otherwise: initial review and verification. */
export const WAITING_FOR_REVIEWER: FilingStatus[] = ["submitted", "verifying"];

/** The end of today in Beijing time: "due today" means before it. */
function endOfShanghaiDay(now: Date): Date {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const midnight = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + 1);
  return new Date(midnight - 8 * 3_600_000);
}

export function slaState(dueAt: Date | null, now: Date): TQueueItem["sla"] {
  if (!dueAt) return "none";
  if (dueAt.getTime() < now.getTime()) return "overdue";
  // Deadlines fall at 24:00 Beijing time, i.e. exactly at the end of the day: still "today".
  return dueAt.getTime() <= endOfShanghaiDay(now).getTime() ? "due_today" : "on_time";
}

/** Personal data in lists is masked (security by default): a person's name shows as 张**. */
export function maskedSubjectName(row: Pick<FilingRow, "subjectName" | "subjectType">): string | null {
  if (!row.subjectName) return null;
  if (row.subjectType !== "personal") return row.subjectName;
  const chars = [...row.subjectName];
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}

/** The queue counts matches up to this many; beyond it says "more than". */
export const COUNT_CAP = 1_000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One search box for three things (R-REV: find a filing quickly): a domain or a certificate number
 * (exact, GIN indexes) or the start of a subject name (btree pattern index). Exact matches are
 * looked up first and the page is built from those few rows: combined with the status filter in
 * one query, the planner's poor estimate for array containment makes it scan whole statuses.
 */
type Search = { exact: SQL } | { prefix: SQL };

function search(q: string, keys: PersonalDataKeys): Search {
  const term = q.trim();
  if (/^[^\s]+\.[^\s]+$/.test(term)) {
    const domain = term.toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "").replace(/^www\./, "");
    return { exact: sql`${filings.domains} @> ARRAY[${domain}]::text[]` };
  }
  if (/^[0-9A-Za-z（）()\-]{8,}$/.test(term)) {
    // Stored as keyed hashes (issue 11.4): the term is hashed the same way.
    return { exact: sql`${filings.certificateNumbers} @> ARRAY[${certificateSearchHash(keys, term)}]::text[]` };
  }
  return { prefix: sql`${filings.subjectName} like ${`${escapeLike(term)}%`}` };
}

/** A domain or certificate belongs to a handful of filings; more than this is not a search result. */
const EXACT_MATCHES = 500;

export async function reviewQueue(ctx: AppContext, actor: Actor, query: TQueueQuery) {
  authorize(actor, reviewPolicy.work, undefined);
  const now = ctx.clock.now();
  const conditions: SQL[] = [inArray(filings.status, query.status ?? WAITING_FOR_REVIEWER)];
  if (query.province) conditions.push(eq(filings.province, query.province));
  if (query.type) conditions.push(eq(filings.type, query.type));
  if (query.subjectType) conditions.push(eq(filings.subjectType, query.subjectType));
  if (query.q) {
    const found = search(query.q, ctx.personalData);
    if ("prefix" in found) conditions.push(found.prefix);
    else {
      const ids = await ctx.db.select({ id: filings.id }).from(filings).where(found.exact).limit(EXACT_MATCHES);
      if (ids.length === 0) return { items: [], total: 0, totalCapped: false, page: query.page, pageSize: query.pageSize };
      conditions.push(inArray(filings.id, ids.map((r) => r.id)));
    }
  }
  if (query.sla === "overdue") conditions.push(lt(filings.reviewDueAt, now));
  if (query.sla === "due_today") conditions.push(and(gte(filings.reviewDueAt, now), lte(filings.reviewDueAt, endOfShanghaiDay(now)))!);
  if (query.sla === "on_time") conditions.push(gt(filings.reviewDueAt, endOfShanghaiDay(now)));
  if (query.sla === "none") conditions.push(isNull(filings.reviewDueAt));
  const where = and(...conditions);

  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select(queueColumns)
      .from(filings)
      .where(where)
      .orderBy(asc(filings.submittedAt), asc(filings.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    // Counting a million approved filings is slow and tells nobody anything: counted up to a cap.
    ctx.db.select({ n: count() }).from(ctx.db.select({ one: sql`1` }).from(filings).where(where).limit(COUNT_CAP + 1).as("matches")),
  ]);
  const total = counted?.n ?? 0;
  return {
    items: rows.map((row) => queueItem(row, now)),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** What a queue row shows: never the form itself, which is large and holds personal data. */
const queueColumns = {
  ...summaryColumns,
  subjectType: filings.subjectType,
  province: filings.province,
  reviewDueAt: filings.reviewDueAt,
  findings: filings.findings,
};

function queueItem(row: Pick<FilingRow, keyof typeof queueColumns>, now: Date): TQueueItem {
  const findings = { error: 0, warning: 0, review: 0 };
  for (const f of row.findings as { severity?: keyof typeof findings }[]) if (f.severity && f.severity in findings) findings[f.severity] += 1;
  return {
    ...toSummary(row),
    subjectName: maskedSubjectName(row),
    subjectType: row.subjectType,
    province: row.province,
    reviewDueAt: row.reviewDueAt?.toISOString() ?? null,
    sla: slaState(row.reviewDueAt, now),
    photoWaiting: row.status === "verifying" && row.reviewDueAt !== null,
    findings,
  };
}
