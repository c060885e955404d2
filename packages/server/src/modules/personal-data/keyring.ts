import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { PersonalDataKeyError } from "./errors.js";

/**
 * The data keys (DEKs) this process can use, by id, and the one it encrypts with (issue 11.4).
 * Process-wide because drizzle's column mappers are synchronous and get no context: a value
 * names its key, so any key ever loaded decrypts, whichever database it came from. Several
 * systems in one process (tests) share the current key; each copies it into its own database
 * when it starts (see data-keys.ts), so what it writes stays readable by any later process.
 */
interface DataKey {
  id: string;
  key: Buffer;
  activeFrom: Date;
}

const keys = new Map<string, DataKey>();
let current: DataKey | undefined;

/** `pd1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>`: versioned, names its key. */
const PREFIX = "pd1.";
const FORMAT = /^pd1\.([0-9a-f]{16})\.([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const dataKeyring = {
  add(entry: DataKey): void {
    if (!keys.has(entry.id)) keys.set(entry.id, entry);
  },
  get: (id: string): DataKey | undefined => keys.get(id),
  current: (): DataKey | undefined => current,
  /**
   * The newest key already active becomes current; a rotated one waits for its time. With no
   * current key yet, the first one offered is taken (callers offer the oldest first).
   */
  promote(candidate: DataKey, now: Date): void {
    if (!current) current = candidate;
    else if (candidate.activeFrom.getTime() <= now.getTime() && candidate.activeFrom.getTime() > current.activeFrom.getTime()) current = candidate;
  },
};

export const isEncrypted = (value: string): boolean => value.startsWith(PREFIX);

export function encryptValue(plain: string): string {
  if (!current) throw new PersonalDataKeyError("DATA_KEY_NOT_LOADED");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  const body = Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${current.id}.${body.toString("base64url")}`;
}

/** Decrypts a stored value; a value without the prefix was written before encryption and is returned as it is. */
export function decryptValue(stored: string): string {
  if (!isEncrypted(stored)) return stored;
  const match = FORMAT.exec(stored);
  if (!match) throw new PersonalDataKeyError("DATA_CIPHERTEXT_INVALID");
  const entry = keys.get(match[1]!);
  if (!entry) throw new PersonalDataKeyError("DATA_KEY_UNKNOWN", match[1]);
  const body = Buffer.from(match[2]!, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", entry.key, body.subarray(0, IV_BYTES));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new PersonalDataKeyError("DATA_CIPHERTEXT_INVALID");
  }
}
