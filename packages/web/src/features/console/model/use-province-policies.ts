import type { TPolicies, TProvinceOverrideChange } from "@beian/contracts";
import { resolvePolicies, type ProvinceKey, type ProvincePolicies } from "@beian/rules";
import { useCallback, useEffect, useState } from "react";
import { rememberProviderOverrides } from "../../filing/model/use-policies";
import { adminApi } from "./admin-api";
import type { ProvinceOverrides } from "./policy-overrides";

/**
 * The stored overrides and the policies they resolve to (by the rules' own function, as the
 * server and the applicant's form resolve them), with who last changed each province and when;
 * `save` replaces one province's overrides.
 */
export function useProvincePolicies() {
  const [overrides, setOverrides] = useState<Record<string, unknown> | null>(null);
  const [policies, setPolicies] = useState<Readonly<ProvincePolicies> | null>(null);
  const [changes, setChanges] = useState<Record<string, TProvinceOverrideChange>>({});
  const [loadError, setLoadError] = useState("");

  const apply = useCallback((answer: TPolicies) => {
    setOverrides(answer.overrides);
    setPolicies(resolvePolicies(answer.overrides).policies);
    setChanges(answer.changes ?? {});
    rememberProviderOverrides(answer.overrides);
  }, []);

  useEffect(() => {
    adminApi
      .policies()
      .then(apply)
      .catch(() => setLoadError("省份政策加载失败，请刷新页面重试。"));
  }, [apply]);

  const save = useCallback(
    async (province: ProvinceKey, next: ProvinceOverrides) => apply(await adminApi.setProvinceOverrides(province, next)),
    [apply],
  );

  return { overrides, policies, changes, loadError, save };
}
