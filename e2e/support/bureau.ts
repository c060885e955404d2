import pino from "pino";
import { buildSimApp } from "../../packages/bureau-sim/src/app.js";
import { openSimDatabase } from "../../packages/bureau-sim/src/db/connection.js";
import { registry } from "../../packages/bureau-sim/src/db/schema.js";

export type RegistryRow = typeof registry.$inferInsert;

/** The bureau simulator on a random port with an in-memory database, its public registry seeded. */
export async function startBureau(rows: RegistryRow[] = []) {
  const database = await openSimDatabase({ dataDir: null });
  if (rows.length > 0) await database.db.insert(registry).values(rows);
  const app = await buildSimApp({ db: database.db, dbKind: database.kind }, pino({ level: "warn" }));
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("bureau simulator did not listen");
  return {
    url: `http://127.0.0.1:${address.port}`,
    async stop() {
      await app.close();
      await database.close();
    },
  };
}
