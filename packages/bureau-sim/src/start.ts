/**
 * Starts a complete simulator: database, HTTP pages, SOAP services and the SMS sweep. Used by
 * main.ts and by tests of both packages (port 0, in-memory database, a manual clock).
 */
import type { AddressInfo } from "node:net";
import pino, { type Logger } from "pino";
import { buildSimApp } from "./app.js";
import { systemClock, type Clock } from "./clock.js";
import { loadSimConfig, type SimConfig } from "./config.js";
import { openSimDatabase } from "./db/connection.js";
import type { Sim } from "./context.js";
import { attachSoapServices } from "./soap/services.js";
import { sweepSms } from "./sms/sms-service.js";

export interface StartOptions {
  /** Overrides of the environment's settings; tests pass port 0 and dataDir null. */
  config?: Partial<SimConfig>;
  clock?: Clock;
  logger?: Logger;
}

export type RunningSim = Awaited<ReturnType<typeof startBureauSim>>;

export async function startBureauSim(options: StartOptions = {}) {
  const config: SimConfig = { ...loadSimConfig(), ...options.config };
  const clock = options.clock ?? systemClock;
  const database = await openSimDatabase(config);
  const app = await buildSimApp(
    { db: database.db, dbKind: database.kind, config, clock },
    options.logger ?? pino({ level: config.logLevel, base: { service: "bureau-sim" } }),
  );
  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  const sim: Sim = { db: database.db, dbKind: database.kind, config, clock, log: app.log };
  attachSoapServices(app.server, sim, url);

  let sweeping: Promise<void> | null = null;
  /** One pass over due SMS work; overlapping timer ticks share the pass in flight. */
  const sweep = (): Promise<void> => {
    sweeping ??= sweepSms(sim).finally(() => {
      sweeping = null;
    });
    return sweeping;
  };
  const timer =
    config.sweepIntervalMs > 0
      ? setInterval(() => {
          sweep().catch((error: unknown) => app.log.error({ err: error }, "SMS sweep failed"));
        }, config.sweepIntervalMs)
      : null;
  timer?.unref();

  return {
    url,
    port,
    app,
    db: database.db,
    dbKind: database.kind,
    config,
    clock,
    sweep,
    async close() {
      if (timer) clearInterval(timer);
      await sweeping?.catch(() => {});
      await app.close();
      await database.close();
    },
  };
}
