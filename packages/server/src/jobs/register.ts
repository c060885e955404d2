import type { AppContext } from "../context.js";
import { purgeEndedSessions } from "../modules/accounts/sessions.js";
import { DELIVER_NOTIFICATION, DELIVER_NOTIFICATIONS, deliverNotification, deliverNotifications } from "../modules/notifications/service.js";
import { fireDueReminders, REMINDERS_DUE } from "../modules/notifications/reminders.js";
import { alertReviewSla, REVIEW_SLA, REVIEW_SLA_CRON } from "../modules/notifications/review-sla.js";
import { FILING_TIMER, type FilingTimer } from "../modules/filings/timer-job.js";
import { fireFilingTimer } from "../modules/filings/timers.js";
import { BUREAU_POLL, BUREAU_UPLOAD, type BureauUploadJob } from "../modules/bureau/jobs.js";
import { uploadFilingToBureau } from "../modules/bureau/upload.js";
import { pollBureau } from "../modules/bureau/download.js";
import { BureauError } from "../gateways/bureau/port.js";

export const PURGE_SESSIONS = "sessions.purge";

/** Every job and timer of the server, defined in one place. */
export function registerJobs(ctx: AppContext): void {
  // 6 attempts over ~10 minutes (10 s, 20 s, 40 s … with backoff), then the notice is marked failed
  // and listed for admins.
  const deliveryRetries = 5;
  ctx.jobs.define<{ id: string }>({
    name: DELIVER_NOTIFICATION,
    retryLimit: deliveryRetries,
    retryDelaySeconds: 10,
    expireInSeconds: 120,
    handle: (data, meta) => deliverNotification(ctx, ctx, data.id, meta.attempt, deliveryRetries + 1),
  });
  ctx.jobs.define<{ ids: string[] }>({
    name: DELIVER_NOTIFICATIONS,
    retryLimit: deliveryRetries,
    retryDelaySeconds: 10,
    expireInSeconds: 600,
    handle: (data, meta) => deliverNotifications(ctx, ctx, data.ids, meta.attempt, deliveryRetries + 1),
  });
  // Wakes at the end of a 10-second bucket and fires every reminder due by then (R-SMS-5).
  ctx.jobs.define<{ at: string }>({
    name: REMINDERS_DUE,
    retryLimit: 10,
    retryDelaySeconds: 5,
    expireInSeconds: 600,
    async handle() {
      const fired = await fireDueReminders(ctx);
      if (fired.sent + fired.stale + fired.optedOut > 0) ctx.log.info(fired, "reminders fired");
    },
  });
  // Hourly: review targets within 4 h or overdue alert the reviewers once; also fires any reminder a
  // lost wake-up left behind.
  ctx.jobs.define({
    name: REVIEW_SLA,
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 600,
    async handle() {
      const alerted = await alertReviewSla(ctx);
      if (alerted > 0) ctx.log.info({ alerted }, "review SLA alerts sent");
      await fireDueReminders(ctx);
    },
  });
  ctx.jobs.define<FilingTimer>({
    name: FILING_TIMER,
    retryLimit: 5,
    retryDelaySeconds: 30,
    expireInSeconds: 120,
    handle: (data) => fireFilingTimer(ctx, data),
  });
  // The bureau may be down for hours (maintenance 901/902): retry with backoff for about a day.
  ctx.jobs.define<BureauUploadJob>({
    name: BUREAU_UPLOAD,
    retryLimit: 30,
    retryDelaySeconds: 30,
    expireInSeconds: 300,
    handle: (data) => uploadFilingToBureau(ctx, data),
  });
  ctx.jobs.define({
    name: BUREAU_POLL,
    retryLimit: 2,
    retryDelaySeconds: 5,
    expireInSeconds: 300,
    async handle() {
      try {
        const files = await pollBureau(ctx);
        if (files > 0) ctx.log.info({ files }, "bureau results applied");
      } catch (error) {
        // The bureau away is not an error of ours: the next poll asks again in a few seconds.
        if (error instanceof BureauError && error.retryable) ctx.log.warn({ kind: error.kind }, "bureau not reachable for results; polling again");
        else throw error;
      }
    },
  });
  ctx.jobs.define({
    name: PURGE_SESSIONS,
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 300,
    async handle() {
      const purged = await purgeEndedSessions(ctx.db, ctx.clock.now());
      if (purged > 0) ctx.log.info({ purged }, "purged ended sessions");
    },
  });
}

/** Timers that recur; pg-boss fires each once across all processes. */
export async function scheduleTimers(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(PURGE_SESSIONS, "17 3 * * *");
  await ctx.jobs.schedule(REVIEW_SLA, REVIEW_SLA_CRON);
}
