import { DEFAULT_POLICIES, resolvePolicies, type ProvincePolicies } from "@beian/rules";
import { useEffect, useState } from "react";
import { provincesApi } from "../../../api/filings";

let cached: Readonly<ProvincePolicies> | undefined;

/**
 * The province policies in force: the rules' defaults with the provider's overrides, resolved
 * by the same function the server uses, so the live checks judge as the server will. Until the
 * overrides arrive (or if they cannot be loaded) the defaults apply.
 */
export function usePolicies(): Readonly<ProvincePolicies> {
  const [policies, setPolicies] = useState<Readonly<ProvincePolicies>>(cached ?? DEFAULT_POLICIES);
  useEffect(() => {
    if (cached) return;
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
  }, []);
  return policies;
}
