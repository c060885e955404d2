import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema.js";

export type SimDb = PgDatabase<PgQueryResultHKT, typeof schema>;

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** The bureau's own storage; its migrations are tracked in its own schema too. */
export async function openSimDatabase(opts: { databaseUrl?: string | undefined; dataDir: string | null }) {
  const migrationsSchema = "bureau_migrations";
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 5 });
    const db = drizzlePg(pool, { schema }) as unknown as SimDb;
    await migratePg(db as never, { migrationsFolder: MIGRATIONS, migrationsSchema });
    return { kind: "postgres" as const, db, close: () => pool.end() };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = opts.dataDir ? await PGlite.create(opts.dataDir) : await PGlite.create();
  const db = drizzlePglite(client, { schema }) as unknown as SimDb;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS, migrationsSchema });
  return { kind: "pglite" as const, db, close: () => client.close() };
}
