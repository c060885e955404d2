import {
  DEFAULT_POLICIES,
  POLICY_FIELDS,
  resolvePolicies,
  type Finding,
  type PolicyEntry,
  type PolicyKey,
  type ProvinceKey,
  type ProvincePolicies,
} from "@beian/rules";

/** One stored override as the rules read it: the value, and where the admin has it from. */
export interface OverrideEntry {
  value: unknown;
  source?: string;
  year?: number | null;
  note?: string;
}

export type ProvinceOverrides = Partial<Record<PolicyKey, OverrideEntry>>;

export const POLICY_KEYS = Object.keys(POLICY_FIELDS) as PolicyKey[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A province's stored overrides out of the API's `overrides` (by province code). */
export function overridesOf(all: Record<string, unknown>, province: ProvinceKey): ProvinceOverrides {
  const mine = all[province];
  return isRecord(mine) ? (mine as ProvinceOverrides) : {};
}

/**
 * The province's overrides with `key` set to `entry`; without an entry, or with the built-in
 * value and no note of its own, the key goes back to the built-in table (nothing is stored for it).
 */
export function withOverride(current: ProvinceOverrides, province: ProvinceKey, key: PolicyKey, entry?: OverrideEntry): ProvinceOverrides {
  const { [key]: _replaced, ...rest } = current;
  if (!entry) return rest;
  const builtIn = DEFAULT_POLICIES[province].rules[key] as PolicyEntry<unknown>;
  if (same(entry.value, builtIn.value) && !entry.note) return rest;
  return { ...rest, [key]: entry };
}

/** What the rules would refuse in these overrides — the server refuses the same before saving. */
export function overrideFindings(province: ProvinceKey, overrides: ProvinceOverrides): Finding[] {
  return resolvePolicies({ [province]: overrides }).findings;
}

export interface PolicyRow {
  key: PolicyKey;
  title: string;
  ruleId: string;
  /** The rules' own entry for this province (national default or the province's deviation). */
  builtIn: PolicyEntry<unknown>;
  /** What applies now. */
  inForce: PolicyEntry<unknown>;
  /** The stored override, when there is one. */
  override?: OverrideEntry;
}

/** Every policy of a province: the built-in entry, the override and what is in force. */
export function policyRows(province: ProvinceKey, policies: Readonly<ProvincePolicies>, overrides: ProvinceOverrides): PolicyRow[] {
  return POLICY_KEYS.map((key) => {
    const override = overrides[key];
    return {
      key,
      title: POLICY_FIELDS[key].title,
      ruleId: POLICY_FIELDS[key].ruleId,
      builtIn: DEFAULT_POLICIES[province].rules[key] as PolicyEntry<unknown>,
      inForce: policies[province].rules[key] as PolicyEntry<unknown>,
      ...(override ? { override } : {}),
    };
  });
}
