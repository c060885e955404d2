import { ERROR_CODES, type TProblemFieldError } from "@beian/contracts";
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "../../errors.js";

/**
 * #11.3 password policy, on top of the shape the contracts check (8–128 characters, letters and
 * digits). As NIST SP 800-63B advises, a password is refused when it is on a list of commonly
 * used passwords or built from the account's own data; there are no composition games beyond that.
 *
 * The list: the ≈ 49 000 ranked passwords of @zxcvbn-ts/language-common (MIT, maintained), plus
 * the pinyin patterns below, which that list lacks and Chinese users choose most (a surname or
 * 我爱你 followed by a birthday-like run of digits). Compared case-insensitively, exact match.
 */
const PINYIN_STEMS = ["woaini", "aini", "iloveyou", "love", "wo", "qq", "admin", "baidu", "taobao", "weixin", "wechat", "tianya"];
const SURNAMES = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng"];
const DIGIT_RUNS = ["123", "1234", "12345", "123456", "520", "1314", "5201314", "1314520", "666", "888", "666666", "888888"];

const COMMON = new Set<string>([
  ...dictionary["passwords-common"],
  ...[...PINYIN_STEMS, ...SURNAMES].flatMap((stem) => DIGIT_RUNS.flatMap((digits) => [stem + digits, digits + stem])),
  "a5201314",
  "5201314a",
  "a147258369",
]);

export interface PasswordOwner {
  email: string;
  mobile?: string | null;
}

type PasswordProblemCode = "PASSWORD_TOO_COMMON" | "PASSWORD_CONTAINS_ACCOUNT_INFO";
const problemAt = (path: string, code: PasswordProblemCode) => ({ path, code, message: ERROR_CODES[code].message });

/**
 * What is wrong with a password for this account, as field errors on `path` (empty when fine).
 * Without an owner only the list is checked: staff passwords are set by an admin (or by the
 * operator's BEIAN_ADMIN_* settings) and may name the account.
 */
export function passwordProblems(password: string, owner: PasswordOwner | null, path = "password"): (TProblemFieldError & { code: PasswordProblemCode })[] {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return [problemAt(path, "PASSWORD_TOO_COMMON")];
  if (!owner) return [];
  const localPart = owner.email.toLowerCase().split("@")[0]!.split("+")[0]!;
  // Names shorter than 3 characters ("a@…") are too short to be a guess of their own.
  const accountWords = [localPart, localPart.replace(/[^a-z0-9]/g, ""), owner.mobile ?? ""].filter((w) => w.length >= 3);
  if (accountWords.some((w) => lower.includes(w))) {
    return [problemAt(path, "PASSWORD_CONTAINS_ACCOUNT_INFO")];
  }
  return [];
}

/** Refuses a password that fails the policy with its stable code (400) and the field error. */
export function assertPasswordAcceptable(password: string, owner: PasswordOwner | null, path = "password"): void {
  const [problem] = passwordProblems(password, owner, path);
  if (problem) throw new AppError(problem.code, problem.message, [problem]);
}
