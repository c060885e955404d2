import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pino from "pino";
import { buildLogger } from "../../packages/server/src/app.js";
import { loadConfig } from "../../packages/server/src/config.js";
import { createSystem } from "../../packages/server/src/system.js";
import { testDatabaseUrl } from "../../packages/server/test/support/test-system.js";

const WEB_DIST = resolve(import.meta.dirname, "../../packages/web/dist");

/**
 * Like support/system.ts, with a server clock that runs in real time from a movable offset:
 * review deadlines are working days long, so the queue's overdue and due-today states need the
 * server to live at another time than the browser for a while.
 */
export async function startReviewSystem() {
  const dataDir = mkdtempSync(join(tmpdir(), "beian-e2e-review-"));
  // A copy of the built app: a rebuild elsewhere during the run must not pull it from under the browser.
  const webDist = join(dataDir, "web");
  cpSync(WEB_DIST, webDist, { recursive: true });
  const database = await testDatabaseUrl();
  let offset = 0;
  const adminEmail = "admin@e2e.local";
  const adminPassword = "E2e-admin-pass-1";
  const system = await createSystem(
    {
      ...loadConfig({}),
      databaseUrl: database.url,
      dataDir: join(dataDir, "server-db"),
      webDist,
      adminEmail,
      adminPassword,
      runWorkers: true,
    },
    { logger: pino({ ...buildLogger("warn") }), clock: { now: () => new Date(Date.now() + offset) } },
  );
  await system.start();
  await system.app.listen({ host: "127.0.0.1", port: 0 });
  const address = system.app.server.address();
  if (!address || typeof address === "string") throw new Error("server did not listen");
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    adminEmail,
    adminPassword,
    /** The server's clock from now on reads `at` (and keeps running). */
    setClock(at: Date) {
      offset = at.getTime() - Date.now();
    },
    now: () => new Date(Date.now() + offset),
    async stop() {
      await system.stop();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
