import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export interface Config {
  host: string;
  port: number;
  /** PostgreSQL when set; otherwise embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** Where the embedded database lives; null keeps it in memory (tests). */
  dataDir: string | null;
  /** DATA_DIR: everything embedded lives below it (database, files). */
  dataRoot: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  bureauUrl: string;
  /** Built web app to serve; null serves the API only. */
  webDist: string | null;
  sessionTtlHours: number;
  /** PUBLIC_BASE_URL: where applicants open the web app; links in emails (password reset) start with it. */
  publicBaseUrl: string;
  /** Secure cookies: set when TLS terminates in front of the server. */
  cookieSecure: boolean;
  logLevel: string;
  version: string;
  /** Start job workers in this process (a deployment may run API-only processes). */
  runWorkers: boolean;
  /** Per-route rate limits on login, registration, uploads and pre-checks (RATE_LIMITS=off turns them off). */
  rateLimits: boolean;
  /** How often the bureau is asked for result files (BUREAU_POLL_SECONDS; 0 turns polling off). */
  bureauPollSeconds: number;
  /**
   * BUREAU_PORTALS: "simulator" links applicants to the simulator's province pages (the default
   * setup), "real" to the provinces' own sites.
   */
  bureauPortals: "simulator" | "real";
  /** The provider's name as printed on the 核验单 and the agreements (PROVIDER_NAME). */
  providerName: string;
  /** NODE_ENV=production: settings that have development defaults become required. */
  production: boolean;
  /**
   * DATA_ENCRYPTION_KEY: the master key that wraps the keys encrypting certificate numbers and
   * mobiles (issue 11.4), 32 bytes in base64 or hex. Without it, development generates one into
   * DATA_DIR; production refuses to start. DATA_ENCRYPTION_KEY_PREVIOUS: the one it replaces.
   */
  dataEncryptionKey: string | undefined;
  dataEncryptionKeyPrevious: string | undefined;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(here, "../package.json"), "utf8")) as { version: string };
  return pkg.version;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataRoot = resolve(env.DATA_DIR ?? "data");
  const port = int(env.PORT, 3000, "PORT");
  return {
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(dataRoot, "server-db"),
    dataRoot,
    adminEmail: env.BEIAN_ADMIN_EMAIL || undefined,
    adminPassword: env.BEIAN_ADMIN_PASSWORD || undefined,
    bureauUrl: env.BUREAU_URL ?? `http://127.0.0.1:${int(env.BUREAU_PORT, 3100, "BUREAU_PORT")}`,
    webDist: env.WEB_DIST === "" ? null : resolve(env.WEB_DIST ?? resolve(here, "../../web/dist")),
    sessionTtlHours: int(env.SESSION_TTL_HOURS, 12, "SESSION_TTL_HOURS"),
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://127.0.0.1:${port}`).replace(/\/+$/, ""),
    cookieSecure: env.COOKIE_SECURE === "true",
    logLevel: env.LOG_LEVEL ?? "info",
    version: packageVersion(),
    runWorkers: env.RUN_WORKERS !== "false",
    rateLimits: env.RATE_LIMITS !== "off",
    bureauPollSeconds: int(env.BUREAU_POLL_SECONDS, 10, "BUREAU_POLL_SECONDS"),
    bureauPortals: env.BUREAU_PORTALS === "real" ? "real" : "simulator",
    providerName: env.PROVIDER_NAME?.trim() || "示例接入商",
    production: env.NODE_ENV === "production",
    dataEncryptionKey: env.DATA_ENCRYPTION_KEY || undefined,
    dataEncryptionKeyPrevious: env.DATA_ENCRYPTION_KEY_PREVIOUS || undefined,
  };
}
