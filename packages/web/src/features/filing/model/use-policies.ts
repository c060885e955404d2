import { DEFAULT_POLICIES, resolvePolicies, type ProvincePolicies } from "@beian/rules";
import { useEffect, useState } from "react";
import { provincesApi } from "../../../api/filings";

let cached: Readonly<ProvincePolicies> | undefined;

/**
 * The provider's policies — the rules' defaults with the provider's overrides, resolved by the
 * same function the server uses — once loaded; undefined until then, when `enabled` is false
 * (the endpoint is for signed-in users) or if they cannot be loaded. Loaded once per page.
 */
export function useProviderPolicies(enabled = true): Readonly<ProvincePolicies> | undefined {
  const [policies, setPolicies] = useState<Readonly<ProvincePolicies> | undefined>(cached);
  useEffect(() => {
    if (!enabled || cached) return;
    let live = true;
    provincesApi
      .policies()
      .then(({ overrides }) => {
        cached = resolvePolicies(overrides).policies;
        if (live) setPolicies(cached);
      })
      .catch(() => {
        // The defaults stay; the server still judges with the overrides on submit.
      });
    return () => {
      live = false;
    };
  }, [enabled]);
  return enabled ? policies : undefined;
}

/**
 * An admin saved new overrides (the console's province settings): pages opened from now on in
 * this browser — the form, the help center — judge with them without a reload.
 */
export function rememberProviderOverrides(overrides: Record<string, unknown>): void {
  cached = resolvePolicies(overrides).policies;
}

/**
 * The province policies the live checks use: the provider's once loaded, the defaults until
 * then, so the form judges as the server will.
 */
export function usePolicies(): Readonly<ProvincePolicies> {
  return useProviderPolicies() ?? DEFAULT_POLICIES;
}
