import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "./clock.js";
import type { SimConfig } from "./config.js";
import type { SimDb } from "./db/connection.js";

/** What every part of the simulator works with: its database, settings and clock. */
export interface Sim {
  db: SimDb;
  dbKind: "pglite" | "postgres";
  config: SimConfig;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** A transaction or the database itself. */
export type SimTx = Parameters<Parameters<SimDb["transaction"]>[0]>[0] | SimDb;
