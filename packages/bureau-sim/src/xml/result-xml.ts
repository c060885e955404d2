/**
 * Result files the provider downloads (BAJG 备案结果). One shape for every outcome so the
 * provider needs one parser; see README.md "Result files" for the codes.
 */
import { XMLBuilder } from "fast-xml-parser";
import { INTERFACE_VERSION } from "../protocol/msg-codes.js";

/**
 * Business result codes: 1001/1002 and the 10xx rejections are the interface's own; 1101–1103
 * are the simulator's, because the public code table has none for the SMS verification step.
 */
export const RESULT = {
  approved: 1001,
  rejected: 1002,
  domainFiled: 1005,
  recordNotFound: 1016,
  wrongFilingPassword: 1018,
  smsVerified: 1101,
  smsFailed: 1102,
  smsExpired: 1103,
} as const;

export const RESULT_TEXT: Record<number, string> = {
  1001: "管局审核通过",
  1002: "管局审核拒绝",
  1005: "域名冲突，该域名在备案信息库中已存在，请核实后再次报备",
  1016: "备案申请中的数据在备案信息库中不存在，请核实后再次报备",
  1018: "ICP备案密码错误，请核实后再次报备",
  1101: "短信核验通过，已进入管局审核",
  1102: "短信核验失败（验证错误次数达到上限），备案已退回接入商，请重新提交",
  1103: "短信核验超时（48小时内未完成核验），备案已退回接入商，请重新提交",
};

export interface ResultEntry {
  recordId: string;
  operation: string;
  code: number;
  reviewer: string;
  reviewedAt: Date;
  opinion?: string;
  subjectIcpNumber?: string;
  websites?: { name: string; domain: string; icpNumber: string }[];
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });

/** "2026-03-02 10:00:00" in Shanghai time, as the bureau writes times. */
export function shanghaiTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

export function buildResultXml(entries: ResultEntry[]): string {
  const body = {
    BAJG: {
      "@_version": INTERFACE_VERSION,
      Bajg: entries.map((e) => ({
        Jrsbaid: e.recordId,
        Czlx: e.operation,
        Jgdm: e.code,
        Jgms: RESULT_TEXT[e.code] ?? "其他错误",
        // Jg: 0 passed, 1 not passed; SMS verified counts as passed (the filing goes on).
        Jg: e.code === RESULT.approved || e.code === RESULT.smsVerified ? 0 : 1,
        Shr: e.reviewer,
        Shsj: shanghaiTime(e.reviewedAt),
        ...(e.opinion ? { Shyj: e.opinion } : {}),
        ...(e.subjectIcpNumber ? { Ztbah: e.subjectIcpNumber } : {}),
        ...(e.websites?.length ? { Wz: e.websites.map((w) => ({ Wzmc: w.name, Ym: w.domain, Wzbah: w.icpNumber })) } : {}),
      })),
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(body) as string}`;
}
