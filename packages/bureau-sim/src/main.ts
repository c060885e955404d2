import pino from "pino";
import { buildSimApp } from "./app.js";
import { loadSimConfig } from "./config.js";
import { openSimDatabase } from "./db/connection.js";

const config = loadSimConfig();
const database = await openSimDatabase(config);
const app = await buildSimApp(
  { db: database.db, dbKind: database.kind },
  pino({ level: config.logLevel, base: { service: "bureau-sim" } }),
);
await app.listen({ host: config.host, port: config.port });
process.stdout.write(`  管局模拟器 Bureau simulator: http://${config.host}:${config.port}/sim/query  (db: ${database.kind})\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  });
}
