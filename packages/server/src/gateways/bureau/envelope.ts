/**
 * The interface's encoding on the provider's side: credentials (pwdHash over GBK bytes) and
 * the file envelope (zip → MD5 → optional AES-128-CBC/PKCS5 → base64). Pure functions.
 */
import { createCipheriv, createDecipheriv, createHash, randomInt } from "node:crypto";
import { unzipSync, zipSync } from "fflate";
import iconv from "iconv-lite";

export interface AesKey {
  key: string;
  iv: string;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** 20 random letters and digits, as the interface asks for every call. */
export function randVal(): string {
  return Array.from({ length: 20 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join("");
}

export function pwdHash(password: string, rand: string): string {
  return createHash("md5").update(iconv.encode(password + rand, "gbk")).digest("base64");
}

// A fixed timestamp keeps the zip, and so beianInfoHash, identical when a file is sent again.
const ZIP_TIME = new Date("2000-01-01T00:00:00Z");

export function packUpload(fileName: string, xml: string, encryption: AesKey | null) {
  const zipped = zipSync({ [`${fileName}.xml`]: [new TextEncoder().encode(xml), { mtime: ZIP_TIME }] });
  const beianInfoHash = createHash("md5").update(zipped).digest("base64");
  if (!encryption) return { beianInfo: Buffer.from(zipped).toString("base64"), beianInfoHash, encryptAlgorithm: "0", compressionFormat: "0" };
  const cipher = createCipheriv("aes-128-cbc", Buffer.from(encryption.key), Buffer.from(encryption.iv));
  const beianInfo = Buffer.concat([cipher.update(zipped), cipher.final()]).toString("base64");
  return { beianInfo, beianInfoHash, encryptAlgorithm: "1", compressionFormat: "0" };
}

export type Unpacked = { ok: true; xml: string } | { ok: false; reason: string };

/** Reverses the envelope of a downloaded file and checks its hash before unzipping. */
export function unpackDownload(
  info: { beianInfo?: string; beianInfoHash?: string; encryptAlgorithm?: string; compressionFormat?: string; hashAlgorithm?: string },
  encryption: AesKey,
): Unpacked {
  if ((info.hashAlgorithm ?? "0") !== "0") return { ok: false, reason: `unsupported hashAlgorithm ${info.hashAlgorithm}` };
  if ((info.compressionFormat ?? "0") !== "0") return { ok: false, reason: `unsupported compressionFormat ${info.compressionFormat}` };
  if (!info.beianInfo || !info.beianInfoHash) return { ok: false, reason: "beianInfo or beianInfoHash missing" };
  let zipped: Buffer = Buffer.from(info.beianInfo, "base64");
  if (info.encryptAlgorithm === "1") {
    try {
      const decipher = createDecipheriv("aes-128-cbc", Buffer.from(encryption.key), Buffer.from(encryption.iv));
      zipped = Buffer.concat([decipher.update(zipped), decipher.final()]);
    } catch {
      return { ok: false, reason: "decryption failed (check BUREAU_AES_KEY / BUREAU_AES_IV)" };
    }
  } else if ((info.encryptAlgorithm ?? "0") !== "0") {
    return { ok: false, reason: `unsupported encryptAlgorithm ${info.encryptAlgorithm}` };
  }
  if (createHash("md5").update(zipped).digest("base64") !== info.beianInfoHash.trim()) return { ok: false, reason: "hash mismatch" };
  try {
    const files = Object.entries(unzipSync(zipped)).filter(([name]) => !name.endsWith("/"));
    if (files.length !== 1) return { ok: false, reason: `${files.length} files in the archive` };
    return { ok: true, xml: new TextDecoder("utf-8", { fatal: true }).decode(files[0]![1]) };
  } catch {
    return { ok: false, reason: "not a readable zip of UTF-8 XML" };
  }
}
