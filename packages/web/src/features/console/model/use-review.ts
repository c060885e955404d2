import type { TChecklist, TFiling, TReasonTemplate } from "@beian/contracts";
import { App } from "antd";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../../lib/api";
import { reviewApi } from "./review-api";

export const CONFLICT_MESSAGE = "该备案已被其他审核员处理，请刷新后查看最新状态";

export type Notice = { type: "warning" | "error"; text: string } | null;

/**
 * The filing under review, its checklist and the reason templates; `act` runs a decision at the
 * version on screen. When someone else acted first (409) the page says so and shows the new state.
 */
export function useReview(id: string) {
  const { message } = App.useApp();
  const [filing, setFiling] = useState<TFiling | null>(null);
  const [checklist, setChecklist] = useState<TChecklist["items"]>([]);
  const [templates, setTemplates] = useState<TReasonTemplate[]>([]);
  const [problem, setProblem] = useState("");
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(async () => {
    setProblem("");
    try {
      const [f, c] = await Promise.all([reviewApi.filing(id), reviewApi.checklist(id).catch(() => ({ items: [] }))]);
      setFiling(f);
      setChecklist(c.items);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "备案加载失败，请刷新页面重试。");
    }
  }, [id]);

  useEffect(() => {
    void load();
    reviewApi
      .reasonTemplates()
      .then((t) => setTemplates(t.items))
      .catch(() => setTemplates([]));
  }, [load]);

  const refresh = useCallback(async () => {
    setNotice(null);
    await load();
  }, [load]);

  /** True when the dialog that asked may close: done, or overtaken by someone else's decision. */
  const act = useCallback(
    async (done: string, call: (expectedVersion: number) => Promise<TFiling>): Promise<boolean> => {
      if (!filing) return false;
      setNotice(null);
      try {
        setFiling(await call(filing.version));
        void message.success(done);
        reviewApi.checklist(id).then((c) => setChecklist(c.items), () => undefined);
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.code === "FILING_VERSION_CONFLICT") {
          setNotice({ type: "warning", text: CONFLICT_MESSAGE });
          void message.warning(CONFLICT_MESSAGE);
          await load();
          return true;
        }
        const text = error instanceof ApiError ? error.detail : "操作失败，请稍后重试。";
        setNotice({ type: "error", text });
        void message.error(text);
        return false;
      }
    },
    [filing, id, load, message],
  );

  return { filing, checklist, templates, problem, notice, refresh, act };
}
