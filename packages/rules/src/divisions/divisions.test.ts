import { describe, expect, it } from "vitest";
import {
  divisionName,
  isKnownRegionPrefix,
  isWithin,
  listCities,
  listDistricts,
  listProvinces,
  provinceCodeOf,
} from "./divisions.js";

describe("GB/T 2260 divisions", () => {
  it("lists the 31 mainland provinces, and HK/MO/TW on request", () => {
    expect(listProvinces()).toHaveLength(31);
    expect(listProvinces({ includeHkMoTw: true }).map((p) => p.code)).toEqual(
      expect.arrayContaining(["710000", "810000", "820000"]),
    );
  });

  it("gives municipalities one city named after themselves", () => {
    expect(listCities("110000")).toEqual([{ code: "110100", name: "北京市" }]);
    expect(listDistricts("110100").map((d) => d.name)).toContain("海淀区");
  });

  it("lists cities and districts of a province, without 市辖区 placeholders", () => {
    expect(listCities("440000").map((c) => c.name)).toContain("深圳市");
    const districts = listDistricts("440300").map((d) => d.name);
    expect(districts).toContain("南山区");
    expect(districts).not.toContain("市辖区");
  });

  it.each([
    ["110105", true], // 朝阳区
    ["440300", true], // 深圳市
    ["810000", true], // 香港 (residence permits, ID-4)
    ["830000", true], // 台湾 residence permits, not a GB/T 2260 division
    ["990000", false],
    ["11010", false],
    ["", false],
  ])("isKnownRegionPrefix(%s) = %s (ID-1)", (code, known) => {
    expect(isKnownRegionPrefix(code)).toBe(known);
  });

  it("names divisions and finds their province", () => {
    expect(divisionName("330100")).toBe("杭州市");
    expect(divisionName("830000")).toBe("台湾");
    expect(provinceCodeOf("330106")).toBe("330000");
    expect(provinceCodeOf("990101")).toBeUndefined();
    expect(isWithin("330100", "330000")).toBe(true);
    expect(isWithin("330106", "330100")).toBe(true);
    expect(isWithin("320100", "330000")).toBe(false);
  });
});
