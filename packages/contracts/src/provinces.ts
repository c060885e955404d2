import { PROVINCE_KEYS, type ProvinceKey } from "@beian/rules";
import { z } from "zod";

/** Province policies (R-SMS-7 and the province rules): the rules' table with the provider's overrides. */

export const ZProvinceParam = z.object({ province: z.enum(PROVINCE_KEYS as unknown as [ProvinceKey, ...ProvinceKey[]], { message: "没有这个省份代码。" }) });

/** Who last changed a province's overrides, and when (#6): the admin's email (null once the account is gone). */
export const ZProvinceOverrideChange = z.object({ updatedBy: z.string().nullable(), updatedAt: z.string() });
export type TProvinceOverrideChange = z.infer<typeof ZProvinceOverrideChange>;

/**
 * `policies` resolved for all 31 provinces; `overrides` as stored, by province code. `changes`
 * (by province code, only provinces with overrides) is given to admins only: applicants use the
 * same answer for their live checks and have no business with staff emails.
 */
export const ZPolicies = z.object({
  policies: z.record(z.string(), z.unknown()),
  overrides: z.record(z.string(), z.unknown()),
  changes: z.record(z.string(), ZProvinceOverrideChange).optional(),
});
export type TPolicies = z.infer<typeof ZPolicies>;

/** One province's overrides, replacing what was stored; an empty object reverts to the defaults. */
export const ZProvinceOverridesUpdate = z.strictObject({ overrides: z.record(z.string(), z.unknown()) });
export type TProvinceOverridesUpdate = z.infer<typeof ZProvinceOverridesUpdate>;
