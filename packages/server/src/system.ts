import pino from "pino";
import { buildApp, buildLogger } from "./app.js";
import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { AppContext } from "./context.js";
import { openDatabase } from "./db/connection.js";
import { JobQueue, type JobQueueOptions } from "./jobs/job-queue.js";
import { registerJobs } from "./jobs/register.js";
import { ensureAdmin } from "./modules/accounts/bootstrap-admin.js";

export interface SystemOptions {
  clock?: Clock;
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
  const ctx: AppContext = { config, database, db: database.db, clock: options.clock ?? systemClock, jobs, log };
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
      await database.close();
    },
  };
}

export type System = Awaited<ReturnType<typeof createSystem>>;
