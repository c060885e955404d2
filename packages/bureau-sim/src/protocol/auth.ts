/**
 * Per-call authentication of the enterprise interface: pwdHash = base64(MD5(GBK bytes of
 * password + randVal)), hashAlgorithm 0. Pure: the account comes from configuration.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import iconv from "iconv-lite";
import type { IspAccount } from "../config.js";
import { MSG } from "./msg-codes.js";

export interface Credentials {
  ispId?: string | undefined;
  userName?: string | undefined;
  randVal?: string | undefined;
  pwdHash?: string | undefined;
  hashAlgorithm?: string | undefined;
}

export function passwordHash(password: string, randVal: string): string {
  return createHash("md5").update(iconv.encode(password + randVal, "gbk")).digest("base64");
}

/** 0 when the caller is the configured provider, else the msg_code to answer. */
export function authenticate(c: Credentials, account: IspAccount): number {
  if (!c.ispId || !c.userName || !c.randVal || !c.pwdHash) return MSG.badCredentials;
  if (c.ispId.trim() !== account.ispId) return MSG.badCredentials;
  if (c.hashAlgorithm !== undefined && c.hashAlgorithm !== "" && c.hashAlgorithm !== "0") return MSG.badHashType;
  if (c.randVal.length < 20) return MSG.randValTooShort;
  if (c.userName !== account.userName) return MSG.badUser;
  const expected = Buffer.from(passwordHash(account.password, c.randVal));
  const given = Buffer.from(c.pwdHash.trim());
  return expected.length === given.length && timingSafeEqual(expected, given) ? MSG.ok : MSG.badPassword;
}
