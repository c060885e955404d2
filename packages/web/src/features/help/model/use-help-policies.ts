import { DEFAULT_POLICIES, resolvePolicies, type ProvincePolicies } from "@beian/rules";
import { useEffect, useState } from "react";
import { provincesApi } from "../../../api/filings";
import { useSession } from "../../auth/session";

export interface HelpPolicies {
  policies: Readonly<ProvincePolicies>;
  /** The provider's overrides are applied (signed-in visitors only). */
  fromProvider: boolean;
}

let cached: Readonly<ProvincePolicies> | undefined;

/**
 * The policies the help pages describe: the rules' defaults for anonymous visitors; once signed
 * in, the provider's overrides resolved by the same function the server uses.
 */
export function useHelpPolicies(): HelpPolicies {
  const { user } = useSession();
  const [policies, setPolicies] = useState<Readonly<ProvincePolicies> | undefined>(cached);
  useEffect(() => {
    if (!user || cached) return;
    let live = true;
    provincesApi
      .policies()
      .then(({ overrides }) => {
        cached = resolvePolicies(overrides).policies;
        if (live) setPolicies(cached);
      })
      .catch(() => {
        // The defaults stay.
      });
    return () => {
      live = false;
    };
  }, [user]);
  return user && policies ? { policies, fromProvider: true } : { policies: DEFAULT_POLICIES, fromProvider: false };
}
