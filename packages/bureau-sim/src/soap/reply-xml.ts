import { XMLBuilder } from "fast-xml-parser";
import { MSG_TEXT } from "../protocol/msg-codes.js";

const builder = new XMLBuilder({ suppressEmptyNode: true });

/** The interface's reply document: <return><msg_code/><msg/>…</return>. */
export function replyXml(code: number, extra: Record<string, unknown> = {}, detail?: string): string {
  const msg = detail ? `${MSG_TEXT[code] ?? "其他错误"}（${detail}）` : (MSG_TEXT[code] ?? "其他错误");
  return builder.build({ return: { msg_code: code, msg, ...extra } }) as string;
}
