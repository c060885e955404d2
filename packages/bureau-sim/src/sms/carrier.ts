/**
 * R-SMS-8: the sender number an applicant sees depends on their carrier. Prefixes per the
 * carriers' public number blocks; virtual operators (170/171/162/165/167) have no fixed number.
 */
import { SMS_SENDER_NUMBERS } from "@beian/rules";

const TELECOM = ["133", "149", "153", "173", "174", "177", "180", "181", "189", "190", "191", "193", "199"];
const UNICOM = ["130", "131", "132", "145", "155", "156", "166", "175", "176", "185", "186", "196"];
const VIRTUAL = ["162", "165", "167", "170", "171"];

export interface Sender {
  carrier: string;
  number: string;
}

const sender = (carrier: string): Sender => {
  const found = SMS_SENDER_NUMBERS.find((s) => s.carrier === carrier);
  return { carrier, number: found?.number ?? "" };
};

export function senderFor(mobile: string): Sender {
  const prefix = mobile.slice(0, 3);
  if (VIRTUAL.includes(prefix)) return { carrier: "虚拟运营商", number: "号码不固定" };
  if (TELECOM.includes(prefix)) return sender("中国电信");
  if (UNICOM.includes(prefix)) return sender("中国联通");
  return sender("中国移动");
}
