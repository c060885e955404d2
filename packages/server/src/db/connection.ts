import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** The narrow SQL surface pg-boss needs; also how a transaction is handed to it (outbox). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs outside any transaction. */
  executor: SqlExecutor;
  /** pg-boss connects on its own on PostgreSQL; on PGlite it shares the one embedded instance. */
  bossConnection: { connectionString: string } | { db: SqlExecutor };
  close(): Promise<void>;
}

/** Arbitrary but fixed key of the advisory lock taken while migrating. */
const MIGRATION_LOCK = 727_001;
const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/**
 * Opens the database named by the configuration and applies pending migrations: PostgreSQL
 * when a URL is given, otherwise embedded PGlite in `dataDir` (in memory when dataDir is null,
 * which tests use). The same drizzle/ folder migrates both.
 */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string | null }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {
    /* a dropped idle client is replaced by the pool; requests in flight report their own error */
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  // Several processes may start at once on one database: one migrates, the others wait.
  const lock = await pool.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(db as never, { migrationsFolder: MIGRATIONS });
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    lock.release();
  }
  const executor: SqlExecutor = { executeSql: (text, values) => pool.query(text, values) };
  return {
    kind: "postgres",
    db,
    executor,
    bossConnection: { connectionString: url },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  const executor: SqlExecutor = {
    async executeSql(text, values) {
      // Setup scripts (pg-boss's schema) hold several statements and no parameters: exec them.
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      }
      return client.query(text, values);
    },
  };
  return {
    kind: "pglite",
    db,
    executor,
    bossConnection: { db: executor },
    close: () => client.close(),
  };
}

/**
 * The SQL executor bound to a drizzle transaction, so that a job is enqueued in the same
 * transaction as the state change that causes it (outbox). Both drizzle drivers keep the
 * connection that runs the transaction as `session.client` with a pg-style `query`.
 */
export function transactionExecutor(tx: Tx): SqlExecutor {
  const client = (tx as unknown as { session: { client: { query(t: string, v?: unknown[]): Promise<{ rows: unknown[] }> } } })
    .session.client;
  return { executeSql: (text, values) => client.query(text, values ?? []) };
}
