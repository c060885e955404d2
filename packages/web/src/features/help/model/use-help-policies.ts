import { DEFAULT_POLICIES, type ProvincePolicies } from "@beian/rules";
import { useSession } from "../../auth/session";
import { useProviderPolicies } from "../../filing/model/use-policies";

export interface HelpPolicies {
  policies: Readonly<ProvincePolicies>;
  /** The provider's overrides are applied (signed-in visitors only). */
  fromProvider: boolean;
}

/**
 * The policies the help pages describe: the rules' defaults for anonymous visitors; once signed
 * in, the provider's overrides resolved by the same function the server uses.
 */
export function useHelpPolicies(): HelpPolicies {
  const { user } = useSession();
  const policies = useProviderPolicies(Boolean(user));
  return policies ? { policies, fromProvider: true } : { policies: DEFAULT_POLICIES, fromProvider: false };
}
