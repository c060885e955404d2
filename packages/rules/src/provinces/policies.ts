/**
 * Resolved province policies = national defaults ← province deviations ← admin overrides.
 * Overrides are plain JSON (stored by the server in its database) of the form
 *   { "sh": { "minimumAge": { "value": {...}, "source": "…", "year": 2024, "note": "…" } } }
 * Problems are reported as findings, never thrown; a rejected entry keeps the default.
 */
import { report } from "../catalog.js";
import type { Finding } from "../finding.js";
import { NATIONAL_DEFAULTS, POLICY_KEYS } from "./defaults.js";
import { isProvinceKey, PROVINCE_KEYS, PROVINCES, type ProvinceKey } from "./identity.js";
import { POLICY_FIELDS } from "./policy-fields.js";
import type { PolicyEntry, PolicyKey, PolicyRules, ProvincePolicies, ProvincePolicy } from "./policy-types.js";
import { PROVINCE_DEVIATIONS } from "./province-rules.js";
import { smsVerificationEntry } from "./sms-portals.js";

function baseRules(key: ProvinceKey): PolicyRules {
  const rules: PolicyRules = { smsVerification: smsVerificationEntry(key), ...NATIONAL_DEFAULTS };
  for (const deviation of PROVINCE_DEVIATIONS[key] ?? []) Object.assign(rules, deviation);
  return rules;
}

function buildDefaults(): ProvincePolicies {
  const out = {} as ProvincePolicies;
  for (const key of PROVINCE_KEYS) out[key] = { key, ...PROVINCES[key], rules: baseRules(key) };
  return out;
}

/** The built-in policies for all 31 provinces. Treat as read-only. */
export const DEFAULT_POLICIES: Readonly<ProvincePolicies> = buildDefaults();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface ResolvedPolicies {
  policies: ProvincePolicies;
  findings: Finding[];
}

/** Merges admin overrides onto the defaults. Unknown provinces and keys are reported, not thrown. */
export function resolvePolicies(overrides?: unknown): ResolvedPolicies {
  const policies = buildDefaults();
  const findings: Finding[] = [];
  if (overrides === undefined || overrides === null) return { policies, findings };
  if (!isRecord(overrides)) {
    findings.push(report("POLICY_OVERRIDE_INVALID", "", "省份规则覆盖配置应为以省份代码为键的对象，例如 {\"sh\": {…}}。"));
    return { policies, findings };
  }
  for (const [province, entries] of Object.entries(overrides)) {
    if (!isProvinceKey(province)) {
      findings.push(
        report("POLICY_OVERRIDE_UNKNOWN_PROVINCE", province, `“${province}”不是省份代码，已忽略；请使用 bj、sh、gd 等两位代码。`),
      );
      continue;
    }
    if (!isRecord(entries)) {
      findings.push(report("POLICY_OVERRIDE_INVALID", province, `${PROVINCES[province].name}的覆盖配置应为对象。`));
      continue;
    }
    const rules = policies[province].rules as unknown as Record<PolicyKey, PolicyEntry<unknown>>;
    for (const [key, raw] of Object.entries(entries)) {
      const path = `${province}.${key}`;
      if (!(POLICY_KEYS as string[]).includes(key)) {
        findings.push(report("POLICY_OVERRIDE_UNKNOWN_KEY", path, `“${key}”不是已知的省份规则项，已忽略。`));
        continue;
      }
      const field = POLICY_FIELDS[key as PolicyKey];
      const entry = isRecord(raw) && "value" in raw ? raw : undefined;
      if (
        !entry ||
        !field.check(entry.value) ||
        ("source" in entry && typeof entry.source !== "string") ||
        ("year" in entry && entry.year !== null && !Number.isInteger(entry.year)) ||
        ("note" in entry && typeof entry.note !== "string")
      ) {
        findings.push(
          report(
            "POLICY_OVERRIDE_INVALID_VALUE",
            path,
            `“${field.title}”的覆盖值不符合要求，已保留默认值；请提供 {"value": …, "source": "…", "year": 年份} 且 value 的结构与默认值相同。`,
          ),
        );
        continue;
      }
      rules[key as PolicyKey] = {
        value: structuredClone(entry.value),
        source: typeof entry.source === "string" ? entry.source : "接入商管理员配置",
        year: typeof entry.year === "number" ? entry.year : null,
        ...(typeof entry.note === "string" ? { note: entry.note } : {}),
      };
    }
  }
  return { policies, findings };
}

/** The policy of one province, from resolved policies or the defaults. */
export function policyFor(province: ProvinceKey, policies: Readonly<ProvincePolicies> = DEFAULT_POLICIES): ProvincePolicy {
  return policies[province];
}
