/**
 * Settings of the bureau connection. The defaults are the simulator's own defaults
 * (packages/bureau-sim, SIM_* variables), so a fresh checkout talks to it out of the box.
 */
export interface BureauGatewayConfig {
  /** Base URL; the WSDLs are at /ISPWebService/upDownLoad?wsdl and /BeianStatusWebService/…?wsdl. */
  url: string;
  ispId: string;
  userName: string;
  password: string;
  /** AES-128-CBC key and IV issued by the bureau (16 bytes each). */
  aes: { key: string; iv: string };
  /** Encrypt uploads (encryptAlgorithm 1). */
  encryptUploads: boolean;
  /** Per-call timeout, WSDL fetch included. */
  timeoutMs: number;
}

export const BUREAU_DEFAULTS = {
  url: "http://127.0.0.1:3100",
  ispId: "330000000001",
  userName: "beian",
  password: "beian-sim-2026",
  aesKey: "BeianSimAesKey16",
  aesIv: "0102030405060708",
  timeoutMs: 15_000,
} as const;

export function loadBureauGatewayConfig(env: NodeJS.ProcessEnv = process.env): BureauGatewayConfig {
  const timeoutMs = Number(env.BUREAU_TIMEOUT_MS || BUREAU_DEFAULTS.timeoutMs);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error(`BUREAU_TIMEOUT_MS must be a positive whole number, got "${env.BUREAU_TIMEOUT_MS}"`);
  const aes = { key: env.BUREAU_AES_KEY || BUREAU_DEFAULTS.aesKey, iv: env.BUREAU_AES_IV || BUREAU_DEFAULTS.aesIv };
  for (const [name, value] of [["BUREAU_AES_KEY", aes.key], ["BUREAU_AES_IV", aes.iv]] as const) {
    if (Buffer.byteLength(value) !== 16) throw new Error(`${name} must be 16 bytes (AES-128)`);
  }
  return {
    url: (env.BUREAU_URL || BUREAU_DEFAULTS.url).replace(/\/+$/, ""),
    ispId: env.BUREAU_ISP_ID || BUREAU_DEFAULTS.ispId,
    userName: env.BUREAU_USER || BUREAU_DEFAULTS.userName,
    password: env.BUREAU_PASSWORD || BUREAU_DEFAULTS.password,
    aes,
    encryptUploads: (env.BUREAU_ENCRYPT ?? "1") !== "0",
    timeoutMs,
  };
}
