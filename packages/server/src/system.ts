import pino from "pino";
import { buildApp, buildLogger } from "./app.js";
import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { AppContext } from "./context.js";
import { openDatabase } from "./db/connection.js";
import { JobQueue, type JobQueueOptions } from "./jobs/job-queue.js";
import { registerJobs } from "./jobs/register.js";
import { fileStoreFromEnv } from "./gateways/storage/select.js";
import type { FileStore } from "./gateways/storage/port.js";
import { mailSenderFromEnv } from "./gateways/mail/smtp.js";
import type { MailSender } from "./gateways/mail/port.js";
import { outboxSmsSender, type SmsSender } from "./gateways/sms/port.js";
import { httpPublicRegistry, type PublicRegistry } from "./gateways/bureau/public-registry.js";
import { ensureAdmin } from "./modules/accounts/bootstrap-admin.js";

export interface SystemOptions {
  clock?: Clock;
  /** Gateways replaced in tests (a real SMTP server on loopback, a temp directory …). */
  files?: FileStore;
  mail?: MailSender;
  sms?: SmsSender;
  registry?: PublicRegistry;
  jobs?: JobQueueOptions;
  logger?: pino.Logger;
}

/**
 * Opens the database (migrating it), builds the job queue and the HTTP app, and makes sure an
 * admin exists. `start()` starts jobs; listening is the caller's business.
 */
export async function createSystem(config: Config, options: SystemOptions = {}) {
  const log = options.logger ?? pino(buildLogger(config.logLevel));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const jobs = new JobQueue(database, options.jobs);
  jobs.onError = (error) => log.error({ err: error }, "job queue error");
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    clock: options.clock ?? systemClock,
    jobs,
    log,
    files: options.files ?? fileStoreFromEnv(process.env, config.dataRoot),
    mail: options.mail ?? mailSenderFromEnv(process.env),
    sms: options.sms ?? outboxSmsSender,
    registry: options.registry ?? httpPublicRegistry(config.bureauUrl),
  };
  registerJobs(ctx);
  const app = await buildApp(ctx, log);
  const admin = await ensureAdmin(ctx);

  return {
    ctx,
    app,
    admin,
    async start() {
      await jobs.start({ work: config.runWorkers });
    },
    async stop() {
      await app.close();
      await jobs.stop();
      await ctx.mail.close();
      await database.close();
    },
  };
}

export type System = Awaited<ReturnType<typeof createSystem>>;
