import { resolvePolicies, type ProvinceKey, type ProvincePolicies } from "@beian/rules";
import { useCallback, useEffect, useState } from "react";
import { rememberProviderOverrides } from "../../filing/model/use-policies";
import { adminApi } from "./admin-api";
import type { ProvinceOverrides } from "./policy-overrides";

/**
 * The stored overrides and the policies they resolve to (by the rules' own function, as the
 * server and the applicant's form resolve them); `save` replaces one province's overrides.
 */
export function useProvincePolicies() {
  const [overrides, setOverrides] = useState<Record<string, unknown> | null>(null);
  const [policies, setPolicies] = useState<Readonly<ProvincePolicies> | null>(null);
  const [loadError, setLoadError] = useState("");

  const apply = useCallback((stored: Record<string, unknown>) => {
    setOverrides(stored);
    setPolicies(resolvePolicies(stored).policies);
    rememberProviderOverrides(stored);
  }, []);

  useEffect(() => {
    adminApi
      .policies()
      .then(({ overrides: stored }) => apply(stored))
      .catch(() => setLoadError("省份政策加载失败，请刷新页面重试。"));
  }, [apply]);

  const save = useCallback(
    async (province: ProvinceKey, next: ProvinceOverrides) => apply((await adminApi.setProvinceOverrides(province, next)).overrides),
    [apply],
  );

  return { overrides, policies, loadError, save };
}
