import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pino from "pino";
import { buildLogger } from "../../packages/server/src/app.js";
import type { Clock } from "../../packages/server/src/clock.js";
import type { MailSender } from "../../packages/server/src/gateways/mail/port.js";
import { loadConfig } from "../../packages/server/src/config.js";
import { createSystem } from "../../packages/server/src/system.js";
import { testDatabaseUrl } from "../../packages/server/test/support/test-system.js";

const WEB_DIST = resolve(import.meta.dirname, "../../packages/web/dist");

/**
 * The real server on a random port with a fresh database (embedded PGlite on disk, or a new
 * PostgreSQL database when TEST_DATABASE_URL is set), serving the built web app; `bureauUrl`
 * points it at a running bureau simulator (support/bureau.ts), `clock` replaces the real one,
 * `mail` the outbox (e.g. a mail server that refuses, for the admins' delivery list).
 */
export async function startSystem(options: { bureauUrl?: string; bureauPollSeconds?: number; clock?: Clock; mail?: MailSender } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "beian-e2e-"));
  // A copy of the built app: a rebuild elsewhere during the run must not pull it from under the browser.
  const webDist = join(dataDir, "web");
  cpSync(WEB_DIST, webDist, { recursive: true });
  const database = await testDatabaseUrl();
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
      ...(options.bureauUrl ? { bureauUrl: options.bureauUrl } : {}),
      ...(options.bureauPollSeconds !== undefined ? { bureauPollSeconds: options.bureauPollSeconds } : {}),
    },
    { logger: pino({ ...buildLogger("warn") }), ...(options.clock ? { clock: options.clock } : {}), ...(options.mail ? { mail: options.mail } : {}) },
  );
  await system.start();
  await system.app.listen({ host: "127.0.0.1", port: 0 });
  const address = system.app.server.address();
  if (!address || typeof address === "string") throw new Error("server did not listen");
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    adminEmail,
    adminPassword,
    async stop() {
      await system.stop();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
