import type { TSpecialWebsite } from "@beian/contracts";
import { App } from "antd";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../../lib/api";
import { decisionProblem, type DecisionProblem } from "./special-website-review";
import { specialWebsiteReviewApi } from "./special-website-review-api";

/**
 * One special website under review and its decision at the version on screen (R-FORM-7). A
 * refusal is kept for the page to show inline; after a conflict the new record is loaded.
 */
export function useSpecialWebsiteReview(id: string) {
  const { message } = App.useApp();
  const [record, setRecord] = useState<TSpecialWebsite | null>(null);
  const [loadProblem, setLoadProblem] = useState("");
  const [problem, setProblem] = useState<DecisionProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setLoadProblem("");
    try {
      setRecord(await specialWebsiteReviewApi.record(id));
    } catch (error) {
      setLoadProblem(error instanceof ApiError ? error.detail : "登记加载失败，请刷新页面重试。");
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  /** True when done; false keeps what the reviewer typed. */
  const decide = useCallback(
    async (done: string, call: (expectedVersion: number) => Promise<TSpecialWebsite>): Promise<boolean> => {
      if (!record) return false;
      setProblem(null);
      setBusy(true);
      try {
        setRecord(await call(record.version));
        void message.success(done);
        return true;
      } catch (error) {
        const p = decisionProblem(error);
        setProblem(p);
        if (p.conflict) await load();
        return false;
      } finally {
        setBusy(false);
      }
    },
    [record, load, message],
  );

  return {
    record,
    loadProblem,
    problem,
    busy,
    reload: load,
    accept: () => decide("已接受", (v) => specialWebsiteReviewApi.accept(id, v)),
    returnRecord: (reason: string) => decide("已退回主办者", (v) => specialWebsiteReviewApi.returnRecord(id, v, reason)),
  };
}
