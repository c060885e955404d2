import { useCallback, useEffect, useState, type DependencyList } from "react";
import { ApiError } from "../../../lib/api";

/**
 * What a console list shows from one request: the latest answer, whether one is on its way, and
 * the server's message when it was refused. Other reviewers work the same lists: `refresh` asks
 * again without touching the filters. An answer for filters no longer on screen is dropped.
 */
export function useRefreshable<T>(load: () => Promise<T>, deps: DependencyList, failure: string) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState("");
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setProblem("");
    load()
      .then((result) => current && setData(result))
      .catch((error: unknown) => current && setProblem(error instanceof ApiError ? error.detail : failure))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // The caller names what the request depends on, as for useEffect.
  }, [...deps, asked]);

  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { data, loading, problem, refresh };
}
