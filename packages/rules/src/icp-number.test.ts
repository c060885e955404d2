import { describe, expect, it } from "vitest";
import { formatIcpNumber, parseIcpNumber } from "./icp-number.js";

describe("parseIcpNumber (NUM-1, NUM-2)", () => {
  it.each([
    ["京ICP备12345678号", { province: "京", serial: "12345678", site: null, kind: "filing", provinceKey: "bj" }],
    ["京ICP备12345678号-1", { province: "京", serial: "12345678", site: 1, kind: "filing" }],
    ["粤ICP备2021012345号-12", { province: "粤", serial: "2021012345", site: 12, kind: "filing" }],
    ["黔ICP备2026001073号-1", { province: "黔", serial: "2026001073", site: 1, kind: "filing", provinceKey: "gz" }],
    ["浙ICP备2023000001号-3A", { province: "浙", site: 3, kind: "filing", app: true }],
    ["京ICP证030173号", { province: "京", serial: "030173", site: null, kind: "license", licenceType: "icp" }],
    ["京ICP证030173号-1", { province: "京", serial: "030173", site: 1, kind: "license" }],
    ["粤B2-20090059", { province: "粤", serial: "20090059", site: null, kind: "license", licenceType: "b2" }],
    // NUM-2: older abbreviations are accepted and returned as written
    ["川ICP备05001234号", { province: "川", provinceKey: "sc", kind: "filing" }],
    ["甘ICP备09001234号-2", { province: "甘", provinceKey: "gs", site: 2 }],
    ["贵ICP备10001234号", { province: "贵", provinceKey: "gz" }],
    ["蜀ICP备2022001234号-1", { province: "蜀", provinceKey: "sc" }],
    // tolerated typing: spaces, full-width, lower case
    [" 沪ICP备 12345678 号－１ ", { province: "沪", serial: "12345678", site: 1 }],
    ["沪icp备12345678号", { province: "沪", kind: "filing" }],
  ])("parses %s", (value, expected) => {
    const r = parseIcpNumber(value);
    expect(r.ok).toBe(true);
    expect(r).toMatchObject(expected);
  });

  it.each([
    ["", "ICP_NUMBER_REQUIRED"],
    ["  ", "ICP_NUMBER_REQUIRED"],
    ["京ICP备1234567号", "ICP_NUMBER_FORMAT"], // 7 digits
    ["京ICP备123456789号", "ICP_NUMBER_FORMAT"], // 9 digits
    ["京ICP备12345678", "ICP_NUMBER_FORMAT"], // missing 号
    ["京ICP备12345678号-0", "ICP_NUMBER_FORMAT"],
    ["ICP备12345678号", "ICP_NUMBER_FORMAT"],
    ["美ICP备12345678号", "ICP_NUMBER_PROVINCE_UNKNOWN"],
    ["😀ICP备12345678号", "ICP_NUMBER_FORMAT"],
    ["京".repeat(10_000), "ICP_NUMBER_FORMAT"],
  ])("rejects %j with %s", (value, code) => {
    const r = parseIcpNumber(value);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual([code]);
  });

  it.each(["京ICP备12345678号", "京ICP备12345678号-1", "浙ICP备2023000001号-3A", "京ICP证030173号", "粤B2-20090059", "川ICP备05001234号-4"])(
    "formats %s back to itself (NUM-1)",
    (value) => {
      const r = parseIcpNumber(value);
      expect(formatIcpNumber({ province: r.province!, serial: r.serial!, site: r.site ?? null, kind: r.kind!, ...(r.licenceType ? { licenceType: r.licenceType } : {}), ...(r.app ? { app: true } : {}) })).toBe(value);
    },
  );
});
