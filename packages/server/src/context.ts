import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Database, Db } from "./db/connection.js";
import type { BureauGateway } from "./gateways/bureau/port.js";
import type { PublicRegistry } from "./gateways/bureau/public-registry.js";
import type { FileStore } from "./gateways/storage/port.js";
import type { MailSender } from "./gateways/mail/port.js";
import type { SmsSender } from "./gateways/sms/port.js";
import type { JobQueue } from "./jobs/job-queue.js";
import type { PersonalDataKeys } from "./modules/personal-data/data-keys.js";

/** Everything a use case needs, built once at start and handed down (no globals). */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  log: FastifyBaseLogger;
  files: FileStore;
  mail: MailSender;
  sms: SmsSender;
  registry: PublicRegistry;
  bureau: BureauGateway;
  /** Keyed hashes for lookups of encrypted personal data (issue 11.4). */
  personalData: PersonalDataKeys;
}
