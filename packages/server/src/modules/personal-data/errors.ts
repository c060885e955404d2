/**
 * Errors of the personal-data keys (issue 11.4). They stop the server at start (or fail one read)
 * and are read by an operator, not an applicant: a stable code and a Chinese sentence that says
 * what to do, with the English setting names.
 */
const MESSAGES = {
  DATA_KEY_MISSING: "生产环境必须设置 DATA_ENCRYPTION_KEY（32 字节，base64 或 64 位十六进制），用于加密证件号码和手机号码；生成方法：openssl rand -base64 32。",
  DATA_KEY_MALFORMED: "DATA_ENCRYPTION_KEY 格式不对：需要 32 字节的密钥，写成 base64（44 个字符）或 64 位十六进制。",
  DATA_KEY_MISMATCH:
    "DATA_ENCRYPTION_KEY 与数据库中的数据密钥不匹配：数据库是用另一把主密钥加密的。请换回原来的主密钥；更换主密钥时把旧密钥放在 DATA_ENCRYPTION_KEY_PREVIOUS。",
  DATA_KEY_NOT_LOADED: "个人信息数据密钥尚未加载，不能写入证件号码或手机号码。",
  DATA_KEY_UNKNOWN: "数据中引用的数据密钥在本进程中未加载（可能是另一进程刚刚轮换了密钥），请稍后重试或重启服务。",
  DATA_CIPHERTEXT_INVALID: "加密的个人信息无法解密：数据已损坏或被篡改。",
} as const;

export type PersonalDataKeyErrorCode = keyof typeof MESSAGES;

export class PersonalDataKeyError extends Error {
  constructor(
    readonly code: PersonalDataKeyErrorCode,
    readonly detail?: string,
  ) {
    super(`${code}: ${MESSAGES[code]}${detail ? `（${detail}）` : ""}`);
    this.name = "PersonalDataKeyError";
  }
}
