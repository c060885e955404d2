/** A provider-side test client: real SOAP calls over HTTP with the interface's encoding. */
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { XMLParser } from "fast-xml-parser";
import pg from "pg";
import pino from "pino";
import { manualClock } from "../../src/clock.js";
import { SIM_DEFAULTS, type SimConfig } from "../../src/config.js";
import { passwordHash } from "../../src/protocol/auth.js";
import { packFile, type AesKey } from "../../src/protocol/payload.js";
import { unzipSync } from "fflate";
import { createDecipheriv } from "node:crypto";
import { startBureauSim, type RunningSim } from "../../src/start.js";

const soap = createRequire(import.meta.url)("soap") as typeof import("soap");

/** 2026-03-02 10:00 Shanghai, a Monday. */
export const T0 = new Date("2026-03-02T02:00:00Z");

/**
 * A simulator on port 0 with a manual clock: in-memory PGlite, or with TEST_DATABASE_URL a
 * PostgreSQL database of its own (schema "bureau"), dropped on close.
 */
export async function startTestSim(config: Partial<SimConfig> = {}) {
  const clock = manualClock(T0);
  const database = await testSimDatabase();
  const sim = await startBureauSim({
    config: { host: "127.0.0.1", port: 0, dataDir: null, databaseUrl: database.url, sweepIntervalMs: 0, ...config },
    clock,
    logger: pino({ level: "silent" }),
  });
  const close = sim.close;
  sim.close = async () => {
    await close();
    await database.dispose();
  };
  return { sim, clock };
}

async function testSimDatabase(): Promise<{ url: string | undefined; dispose(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { url: undefined, dispose: async () => {} };
  const name = `beian_sim_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dispose() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // pool.end() resolves before the server has seen every session go; forcing the drop
      // earlier would kill a closing session and surface as an unhandled error.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ["StatusInfo", "dataSequence"].includes(name) });

export type Reply = Record<string, unknown> & { msg_code: string; msg: string };

export async function simClient(sim: RunningSim) {
  const wsdl = (path: string) => soap.createClientAsync(`${sim.url}${path}?wsdl`);
  const services = {
    upDownLoad: await wsdl("/ISPWebService/upDownLoad"),
    queryBeianStatus: await wsdl("/BeianStatusWebService/queryBeianStatus"),
    verifyBamm: await wsdl("/BeianStatusWebService/verifyBamm"),
  };
  const auth = (over: Record<string, string> = {}) => {
    const randVal = over.randVal ?? randomBytes(15).toString("base64url").slice(0, 20);
    return {
      ispId: SIM_DEFAULTS.ispId,
      userName: SIM_DEFAULTS.userName,
      randVal,
      pwdHash: passwordHash(over.password ?? SIM_DEFAULTS.password, randVal),
      hashAlgorithm: "0",
      ...Object.fromEntries(Object.entries(over).filter(([k]) => k !== "password")),
    };
  };
  async function call(service: keyof typeof services, op: string, args: Record<string, unknown>): Promise<Reply> {
    const client = services[service] as unknown as Record<string, (a: unknown) => Promise<[{ return: string }]>>;
    const [result] = await client[`${op}Async`]!(args);
    return (parser.parse(result.return) as { return: Reply }).return;
  }
  const aes: AesKey = { key: SIM_DEFAULTS.aesKey, iv: SIM_DEFAULTS.aesIv };
  return {
    auth,
    call,
    upload(xml: string, dataSequence: number, opts: { fileName?: string; encrypt?: boolean; auth?: Record<string, string>; tamper?: (p: Record<string, unknown>) => void } = {}) {
      const packed = packFile(opts.fileName ?? `XZBA${dataSequence}.xml`, xml, opts.encrypt === false ? null : aes);
      const args: Record<string, unknown> = { ...auth(opts.auth), ...packed, dataSequence: String(dataSequence) };
      opts.tamper?.(args);
      return call("upDownLoad", "isp_upload", args);
    },
    async download(): Promise<{ reply: Reply; fileName?: string; xml?: string }> {
      const reply = await call("upDownLoad", "isp_download", auth());
      const info = reply.fileInfos as Record<string, string> | undefined;
      if (!info) return { reply };
      let zipped = Buffer.from(info.beianInfo!, "base64");
      if (info.encryptAlgorithm === "1") {
        const d = createDecipheriv("aes-128-cbc", Buffer.from(aes.key), Buffer.from(aes.iv));
        zipped = Buffer.concat([d.update(zipped), d.final()]);
      }
      const files = unzipSync(zipped);
      return { reply, fileName: info.return_FileName!, xml: new TextDecoder().decode(Object.values(files)[0]!) };
    },
    ack: (fileName: string) => call("upDownLoad", "isp_downloadack", { ...auth(), fileName }),
  };
}

/** Downloads and acknowledges everything pending; returns the XML texts in order. */
export async function drainDownloads(client: Awaited<ReturnType<typeof simClient>>): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < 50; i++) {
    const { fileName, xml } = await client.download();
    if (!fileName) return out;
    out.push(xml!);
    await client.ack(fileName);
  }
  return out;
}
