import PgBoss from "pg-boss";
import { transactionExecutor, type Database, type Tx } from "../db/connection.js";

/**
 * Durable jobs and timers on pg-boss, on PGlite and on PostgreSQL alike.
 *
 * - `send(…, { tx })` inserts the job through the transaction of the state change that causes
 *   it (outbox): both commit or neither does.
 * - Every queue retries with exponential backoff; a job whose worker died (process killed) is
 *   expired after `expireInSeconds` and retried by whichever process runs next.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  /** Attempts after the first one. */
  retryLimit: number;
  /** First retry delay in seconds; doubles with each attempt. */
  retryDelaySeconds: number;
  /** How long a run may take before it is considered crashed and retried. */
  expireInSeconds: number;
  handle(data: T, meta: { id: string; attempt: number }): Promise<void>;
}

/** Jobs fetched per poll and worked one after the other. */
const BATCH_SIZE = 20;

export interface JobQueueOptions {
  /** How often workers poll and maintenance runs; tests shorten it. */
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

export interface SendOptions {
  tx?: Tx;
  startAfter?: Date;
  /**
   * pg-boss's singleton key. On the standard queue policy it does not prevent a second job with
   * the same key: every handler here is idempotent and checks on running whether its work is
   * still to do, which is what makes duplicates harmless.
   */
  singletonKey?: string;
}

export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<never>>();
  private started = false;

  constructor(
    database: Database,
    private readonly options: JobQueueOptions = {},
  ) {
    this.boss = new PgBoss({
      ...database.bossConnection,
      schema: "pgboss",
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
      monitorStateIntervalSeconds: 60,
    });
    this.boss.on("error", (error: Error) => this.onError?.(error));
  }

  onError?: (error: Error) => void;

  define<T extends object>(definition: JobDefinition<T>): void {
    this.definitions.set(definition.name, definition);
  }

  /** Creates the schema and queues; `work` starts this process's workers. */
  async start({ work }: { work: boolean }): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const def of this.definitions.values()) {
      await this.boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit,
        retryDelay: def.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: def.expireInSeconds,
      });
    }
    if (!work) return;
    for (const def of this.definitions.values()) {
      // pg-boss waits a polling interval after every fetch, so one job per fetch would deliver
      // one notice per two seconds. A batch is fetched instead and each job settled on its own:
      // a failing job is failed (and retried with backoff) without failing its neighbours; the
      // rest are completed when the batch returns (completion only touches still-active jobs).
      await this.boss.work<object>(
        def.name,
        { batchSize: BATCH_SIZE, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await def.handle(job.data as never, { id: job.id, attempt: job.retryCount + 1 });
            } catch (error) {
              await this.boss.fail(def.name, job.id, { message: error instanceof Error ? error.message : String(error) });
              this.onError?.(error instanceof Error ? error : new Error(String(error)));
            }
          }
        },
      );
    }
  }

  async send<T extends object>(name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`unknown job ${name}`);
    const sendOptions: PgBoss.SendOptions = {};
    if (opts.tx) sendOptions.db = transactionExecutor(opts.tx);
    if (opts.startAfter) sendOptions.startAfter = opts.startAfter;
    if (opts.singletonKey) sendOptions.singletonKey = opts.singletonKey;
    return this.boss.send(name, data, sendOptions);
  }

  /** A recurring timer (cron in Asia/Shanghai); pg-boss makes sure one process fires it. */
  async schedule(name: string, cron: string): Promise<void> {
    await this.boss.schedule(name, cron, {}, { tz: "Asia/Shanghai" });
  }

  async getJob(name: string, id: string) {
    return this.boss.getJobById(name, id);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 5_000, close: true });
  }
}
