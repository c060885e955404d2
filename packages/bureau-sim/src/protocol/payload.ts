/**
 * The file envelope of isp_upload / isp_download: XML → zip (compressionFormat 0) → MD5 of the
 * zip, base64 = beianInfoHash → optional AES-CBC/PKCS5 (encryptAlgorithm 1) → base64 = beianInfo.
 */
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { unzipSync, zipSync } from "fflate";
import { MSG } from "./msg-codes.js";

export interface AesKey {
  key: string;
  iv: string;
}

export interface PackedFile {
  beianInfo: string;
  beianInfoHash: string;
  hashAlgorithm: 0;
  compressionFormat: 0;
  encryptAlgorithm: 0 | 1;
}

const ZIP_TIME = new Date("2000-01-01T00:00:00Z");

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Letters and digits, ≤ 128 bytes; the ".xml" suffix is tolerated. */
const FILE_NAME = /^[A-Za-z0-9]{1,124}(\.xml)?$/;

export const md5Base64 = (bytes: Uint8Array): string => createHash("md5").update(bytes).digest("base64");

const aes = (key: AesKey) => [Buffer.from(key.key, "utf8"), Buffer.from(key.iv, "utf8")] as const;

export function packFile(fileName: string, xml: string, encryption: AesKey | null): PackedFile {
  // A fixed timestamp keeps the zip, and so beianInfoHash, the same for the same file.
  const zipped = zipSync({ [fileName]: [new TextEncoder().encode(xml), { mtime: ZIP_TIME }] });
  const beianInfoHash = md5Base64(zipped);
  if (!encryption) return { beianInfo: Buffer.from(zipped).toString("base64"), beianInfoHash, hashAlgorithm: 0, compressionFormat: 0, encryptAlgorithm: 0 };
  const cipher = createCipheriv("aes-128-cbc", ...aes(encryption));
  const encrypted = Buffer.concat([cipher.update(zipped), cipher.final()]);
  return { beianInfo: encrypted.toString("base64"), beianInfoHash, hashAlgorithm: 0, compressionFormat: 0, encryptAlgorithm: 1 };
}

export type UnpackResult = { ok: true; fileName: string; xml: string; beianInfoHash: string } | { ok: false; code: number; detail: string };

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** Every failure is a msg_code, never an exception: the input is the provider's, untrusted. */
export function unpackFile(
  input: { beianInfo: string; beianInfoHash: string; hashAlgorithm: string; compressionFormat: string; encryptAlgorithm: string },
  encryption: AesKey,
): UnpackResult {
  if (input.hashAlgorithm !== "0") return { ok: false, code: MSG.badHashType, detail: `hashAlgorithm ${input.hashAlgorithm}` };
  if (input.compressionFormat !== "0") return { ok: false, code: MSG.badCompression, detail: `compressionFormat ${input.compressionFormat}` };
  if (input.encryptAlgorithm !== "0" && input.encryptAlgorithm !== "1") {
    return { ok: false, code: MSG.badEncryptType, detail: `encryptAlgorithm ${input.encryptAlgorithm}` };
  }
  if (!BASE64.test(input.beianInfo)) return { ok: false, code: MSG.decryptFailed, detail: "beianInfo is not base64" };
  let zipped: Buffer = Buffer.from(input.beianInfo, "base64");
  if (zipped.length > MAX_FILE_BYTES * 1.1) return { ok: false, code: MSG.fileTooLarge, detail: `${zipped.length} bytes` };
  if (input.encryptAlgorithm === "1") {
    try {
      const decipher = createDecipheriv("aes-128-cbc", ...aes(encryption));
      zipped = Buffer.concat([decipher.update(zipped), decipher.final()]);
    } catch {
      return { ok: false, code: MSG.decryptFailed, detail: "AES-CBC decryption failed" };
    }
  }
  if (md5Base64(zipped) !== input.beianInfoHash.trim()) return { ok: false, code: MSG.hashMismatch, detail: "MD5 of the zip differs from beianInfoHash" };
  let entries: Record<string, Uint8Array>;
  let oversized = false;
  try {
    // Sizes are read from the archive's directory before inflating, so a zip bomb is never expanded.
    entries = unzipSync(zipped, {
      filter: (file) => {
        if (file.originalSize > MAX_FILE_BYTES) oversized = true;
        return !oversized;
      },
    });
  } catch {
    return { ok: false, code: MSG.decompressFailed, detail: "not a zip archive" };
  }
  if (oversized) return { ok: false, code: MSG.fileTooLarge, detail: "file over 50 MB" };
  const names = Object.keys(entries).filter((n) => !n.endsWith("/"));
  if (names.length !== 1) return { ok: false, code: MSG.notOneFile, detail: `${names.length} files in the archive` };
  const fileName = names[0]!;
  const bytes = entries[fileName]!;
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, code: MSG.fileTooLarge, detail: `${bytes.length} bytes` };
  if (!FILE_NAME.test(fileName)) return { ok: false, code: MSG.xmlInvalid, detail: "file name must be letters and digits, at most 128 bytes" };
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: MSG.illegalCharacters, detail: "file is not UTF-8" };
  }
  return { ok: true, fileName, xml, beianInfoHash: input.beianInfoHash.trim() };
}
