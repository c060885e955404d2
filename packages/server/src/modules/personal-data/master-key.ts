import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../../config.js";
import { PersonalDataKeyError } from "./errors.js";

/** The master key (KEK) and, while it is being replaced, the one before it. */
export interface MasterKeys {
  current: Buffer;
  previous: Buffer | undefined;
}

/** Where a development machine keeps its generated master key: next to the embedded database. */
export const DEV_KEY_FILE = "data-encryption.key";

/** 32 bytes written as 64 hex digits or as base64. */
export function parseMasterKey(text: string): Buffer {
  const value = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (bytes.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(value) && bytes.toString("base64") !== value)) {
    throw new PersonalDataKeyError("DATA_KEY_MALFORMED");
  }
  return bytes;
}

let inMemoryKey: Buffer | undefined;

/**
 * DATA_ENCRYPTION_KEY, required in production. Elsewhere `npm start` must work with no settings:
 * a key is generated once into DATA_DIR (a warning says so), and an in-memory database (tests)
 * gets a key that lives as long as the process.
 */
export function resolveMasterKeys(config: Config, warn: (message: string) => void): MasterKeys {
  const previous = config.dataEncryptionKeyPrevious ? parseMasterKey(config.dataEncryptionKeyPrevious) : undefined;
  if (config.dataEncryptionKey) return { current: parseMasterKey(config.dataEncryptionKey), previous };
  if (config.production) throw new PersonalDataKeyError("DATA_KEY_MISSING");
  if (config.dataDir === null && !config.databaseUrl) return { current: (inMemoryKey ??= randomBytes(32)), previous };
  const file = join(config.dataRoot, DEV_KEY_FILE);
  warn(`DATA_ENCRYPTION_KEY is not set: personal data is encrypted with a development key kept in ${file}; set DATA_ENCRYPTION_KEY in production`);
  return { current: parseMasterKey(readOrCreateKeyFile(file)), previous };
}

/** Created at most once even when several processes start together: link() refuses an existing name. */
function readOrCreateKeyFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(join(file, ".."), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  return readFileSync(file, "utf8");
}
