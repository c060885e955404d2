import { createHash } from "node:crypto";

/**
 * Content-addressed file storage: a file's key is the sha256 of its bytes, so storing the same
 * upload twice keeps one copy and a stored file can never change under its key.
 */
export interface FileStore {
  readonly kind: "local" | "s3";
  put(data: Buffer): Promise<{ key: string; bytes: number }>;
  /** null when no file has that key. */
  get(key: string): Promise<Buffer | null>;
  /**
   * Removes a file (#11.4 account deletion); a missing one is no error. The caller makes sure no
   * row still names the key: content addressing lets two uploads share one file.
   */
  delete(key: string): Promise<void>;
}

export const contentKey = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

const KEY = /^[0-9a-f]{64}$/;
export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a content key: ${key.slice(0, 80)}`);
}
