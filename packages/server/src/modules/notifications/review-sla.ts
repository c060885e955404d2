import { and, eq, inArray, isNotNull, lte, notExists } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { filings, reviewSlaAlerts } from "../../db/schema.js";
import { activeStaff, shortId } from "./filing-notices.js";
import { notify } from "./service.js";
import { beijingTime } from "./templates.js";

/** Recurring timer: alerts reviewers about review targets (WF-3, R-REV-3). */
export const REVIEW_SLA = "notifications.review_sla";
/** Hourly, a few minutes past the hour (Asia/Shanghai). */
export const REVIEW_SLA_CRON = "7 * * * *";

const WARN_BEFORE_MS = 4 * 3_600_000;
const TASKS: Record<string, string> = { submitted: "初审", verifying: "幕布照片审核" };

/**
 * Every reviewer and admin is told once per filing and due time when a review is due within
 * 4 hours or already overdue; a new deadline (a new photo, a resubmission) is a new alert.
 */
export async function alertReviewSla(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .select({ id: filings.id, subjectName: filings.subjectName, status: filings.status, reviewDueAt: filings.reviewDueAt })
    .from(filings)
    .where(
      and(
        inArray(filings.status, ["submitted", "verifying"]),
        isNotNull(filings.reviewDueAt),
        lte(filings.reviewDueAt, new Date(now.getTime() + WARN_BEFORE_MS)),
        notExists(
          ctx.db
            .select({ one: reviewSlaAlerts.filingId })
            .from(reviewSlaAlerts)
            .where(and(eq(reviewSlaAlerts.filingId, filings.id), eq(reviewSlaAlerts.dueAt, filings.reviewDueAt))),
        ),
      ),
    );
  let alerted = 0;
  for (const filing of due) {
    const dueAt = filing.reviewDueAt!;
    await ctx.db.transaction(async (tx) => {
      const claimed = await tx.insert(reviewSlaAlerts).values({ filingId: filing.id, dueAt, alertedAt: now }).onConflictDoNothing().returning();
      if (claimed.length === 0) return;
      const variables = {
        subjectName: filing.subjectName ?? "（未填写）",
        filingId: shortId(filing.id),
        task: TASKS[filing.status] ?? "审核",
        dueAt: beijingTime(dueAt),
        state: dueAt.getTime() <= now.getTime() ? "已超时" : "即将到期",
      };
      for (const person of await activeStaff(tx)) {
        await notify(tx, ctx, {
          eventKey: `review-sla:${filing.id}:${dueAt.toISOString()}:${person.id}`,
          template: "review.sla_due",
          variables,
          userId: person.id,
          email: person.email,
          inbox: true,
        });
      }
      alerted++;
    });
  }
  return alerted;
}
