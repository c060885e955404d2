import { resolve } from "node:path";

/** The provider account the simulated bureau knows (issued by the province bureau in reality). */
export interface IspAccount {
  ispId: string;
  userName: string;
  password: string;
}

export interface SimConfig {
  host: string;
  port: number;
  /** PostgreSQL (schema "bureau") when set; otherwise embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** null keeps the embedded database in memory (tests). */
  dataDir: string | null;
  logLevel: string;
  isp: IspAccount;
  /** AES-128-CBC key and IV (16 bytes each) the bureau issues for encryptAlgorithm 1. */
  aes: { key: string; iv: string };
  /** Whether result files are encrypted (encryptAlgorithm 1) when downloaded. */
  encryptDownloads: boolean;
  /** R-SMS-4: delay between the upload and the first SMS. */
  smsDelaySeconds: number;
  /** How often the sweep looks for due SMS work; 0 disables the timer (tests sweep by hand). */
  sweepIntervalMs: number;
  /** isp_verifybamm: checks allowed per filing number within the window before code 22. */
  passwordChecks: { max: number; windowMinutes: number };
}

/** Defaults the provider server's BUREAU_* defaults match, so both start talking out of the box. */
export const SIM_DEFAULTS = {
  ispId: "330000000001",
  userName: "beian",
  password: "beian-sim-2026",
  aesKey: "BeianSimAesKey16",
  aesIv: "0102030405060708",
} as const;

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function sixteenBytes(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name] || fallback;
  if (Buffer.byteLength(value) !== 16) throw new Error(`${name} must be 16 bytes (AES-128), got ${Buffer.byteLength(value)}`);
  return value;
}

export function loadSimConfig(env: NodeJS.ProcessEnv = process.env): SimConfig {
  return {
    host: env.HOST ?? "127.0.0.1",
    port: whole(env, "BUREAU_PORT", 3100),
    databaseUrl: env.BUREAU_DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? "data", "bureau-sim-db"),
    logLevel: env.LOG_LEVEL ?? "info",
    isp: {
      ispId: env.SIM_ISP_ID || SIM_DEFAULTS.ispId,
      userName: env.SIM_ISP_USER || SIM_DEFAULTS.userName,
      password: env.SIM_ISP_PASSWORD || SIM_DEFAULTS.password,
    },
    aes: { key: sixteenBytes(env, "SIM_AES_KEY", SIM_DEFAULTS.aesKey), iv: sixteenBytes(env, "SIM_AES_IV", SIM_DEFAULTS.aesIv) },
    encryptDownloads: (env.SIM_ENCRYPT_DOWNLOADS ?? "1") !== "0",
    smsDelaySeconds: whole(env, "SIM_SMS_DELAY_SECONDS", 300),
    sweepIntervalMs: whole(env, "SIM_SWEEP_INTERVAL_MS", 5_000),
    passwordChecks: { max: whole(env, "SIM_PASSWORD_CHECKS_PER_HOUR", 5), windowMinutes: 60 },
  };
}
