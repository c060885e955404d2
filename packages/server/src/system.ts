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
import type { SmsSender } from "./gateways/sms/port.js";
import { smsSenderFromEnv } from "./gateways/sms/select.js";
import { httpPublicRegistry, type PublicRegistry } from "./gateways/bureau/public-registry.js";
import { ensureAdmin } from "./modules/accounts/bootstrap-admin.js";
import type { BureauGateway } from "./gateways/bureau/port.js";
import { loadBureauGatewayConfig } from "./gateways/bureau/config.js";
import { createSoapBureauGateway } from "./gateways/bureau/soap-client.js";
import { lastUploadSequence } from "./modules/bureau/sequence.js";
import { BUREAU_POLL } from "./modules/bureau/jobs.js";
import { KEY_REFRESH_MS, openPersonalDataKeys } from "./modules/personal-data/data-keys.js";
import { resolveMasterKeys } from "./modules/personal-data/master-key.js";
import { encryptPlaintextRows } from "./modules/personal-data/encrypt-plaintext-rows.js";

export interface SystemOptions {
  clock?: Clock;
  /** Gateways replaced in tests (a real SMTP server on loopback, a temp directory …). */
  files?: FileStore;
  mail?: MailSender;
  sms?: SmsSender;
  registry?: PublicRegistry;
  bureau?: BureauGateway;
  jobs?: JobQueueOptions;
  logger?: pino.Logger;
}

/**
 * Opens the database (migrating it), builds the job queue and the HTTP app, and makes sure an
 * admin exists. `start()` starts jobs; listening is the caller's business.
 */
export async function createSystem(config: Config, options: SystemOptions = {}) {
  const log = options.logger ?? pino(buildLogger(config.logLevel));
  const masterKeys = resolveMasterKeys(config, (message) => log.warn(message));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const clock = options.clock ?? systemClock;
  // A wrong master key stops the start here, with the database closed again. Key activation runs
  // on the real clock, not the injected one: it orders keys across processes (data-keys.ts).
  const personalData = await openPersonalDataKeys(database.db, masterKeys, new Date()).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const jobs = new JobQueue(database, options.jobs);
  jobs.onError = (error) => log.error({ err: error }, "job queue error");
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    clock,
    jobs,
    log,
    files: options.files ?? fileStoreFromEnv(process.env, config.dataRoot),
    mail: options.mail ?? mailSenderFromEnv(process.env),
    sms: options.sms ?? smsSenderFromEnv(process.env),
    registry: options.registry ?? httpPublicRegistry(config.bureauUrl),
    bureau: options.bureau ?? createSoapBureauGateway({ ...loadBureauGatewayConfig(process.env), url: config.bureauUrl, sequenceStore: lastUploadSequence(database.db) }),
    personalData,
  };
  // Rows written before issue 11.4 hold plaintext: encrypted once, before anything is served.
  await encryptPlaintextRows(ctx);
  registerJobs(ctx);
  const app = await buildApp(ctx, log);
  const admin = await ensureAdmin(ctx);

  let poller: NodeJS.Timeout | undefined;
  // A data key rotated by another process is loaded before it becomes current (data-keys.ts).
  const keyRefresh = setInterval(() => {
    personalData.refresh(new Date()).catch((error: unknown) => log.error({ err: error }, "personal-data keys not refreshed"));
  }, KEY_REFRESH_MS);
  keyRefresh.unref();
  return {
    ctx,
    app,
    admin,
    async start() {
      await jobs.start({ work: config.runWorkers });
      // The bureau is asked for results every few seconds; the poll itself is a durable job, so a
      // poll that fails is retried and only one runs per interval across processes.
      if (config.runWorkers && config.bureauPollSeconds > 0) {
        poller = setInterval(() => {
          jobs.send(BUREAU_POLL, {}, { singletonKey: "bureau-poll" }).catch((error: unknown) => log.error({ err: error }, "bureau poll not queued"));
        }, config.bureauPollSeconds * 1000);
      }
    },
    async stop() {
      clearInterval(poller);
      clearInterval(keyRefresh);
      await app.close();
      await jobs.stop();
      await ctx.mail.close();
      await database.close();
    },
  };
}

export type System = Awaited<ReturnType<typeof createSystem>>;
