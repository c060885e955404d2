import { resolve } from "node:path";

export interface SimConfig {
  host: string;
  port: number;
  /** PostgreSQL (schema "bureau") when set; otherwise embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** null keeps the embedded database in memory (tests). */
  dataDir: string | null;
  logLevel: string;
}

export function loadSimConfig(env: NodeJS.ProcessEnv = process.env): SimConfig {
  const port = Number(env.BUREAU_PORT ?? 3100);
  if (!Number.isInteger(port) || port < 0) throw new Error(`BUREAU_PORT must be a whole number, got "${env.BUREAU_PORT}"`);
  return {
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.BUREAU_DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? "data", "bureau-sim-db"),
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
