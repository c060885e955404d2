import { useCallback, useEffect, useRef, useState } from "react";
import { filingsApi } from "../../../api/filings";
import { ApiError } from "../../../lib/api";
import { writeDraft } from "./draft-store";
import { toApiForm, type FormValues } from "./form-values";

export type SaveState =
  | { kind: "idle" }
  /** Changed here, waiting for the pause in typing before saving. */
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; detail: string }
  /** Submitted (or otherwise locked) elsewhere: nothing more can be saved. */
  | { kind: "locked"; detail: string };

const DEBOUNCE_MS = 800;
const RETRY_MS = [3_000, 6_000, 12_000, 30_000];

/**
 * Autosave as typed: a debounced PATCH with the version of the last answer. The form is also
 * kept in localStorage until the server has it. A failure keeps everything and retries with
 * growing pauses (and when the browser comes back online); a stale version is refreshed once
 * and the applicant's own newer text is saved over it.
 */
export function useAutosave(filingId: string, initialVersion: number) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(initialVersion);
  const pending = useRef<FormValues | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retries = useRef(0);
  const running = useRef<Promise<boolean> | null>(null);
  const locked = useRef(false);
  const mounted = useRef(true);

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (running.current) await running.current;
    const values = pending.current;
    if (!values || locked.current) return !values;
    const run = (async () => {
      setState({ kind: "saving" });
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const saved = await filingsApi.save(filingId, version.current, toApiForm(values));
          version.current = saved.version;
          retries.current = 0;
          const newer = pending.current !== values;
          if (!newer) pending.current = null;
          writeDraft(filingId, { values: pending.current ?? values, dirty: newer, version: saved.version, savedAt: new Date().toISOString() });
          setState({ kind: "saved", at: new Date() });
          return true;
        } catch (error) {
          if (error instanceof ApiError && error.code === "FILING_VERSION_CONFLICT" && attempt === 0) {
            try {
              version.current = (await filingsApi.get(filingId)).version;
              continue;
            } catch {
              // Fall through to the retry below.
            }
          }
          if (error instanceof ApiError && error.code === "FILING_NOT_EDITABLE") {
            locked.current = true;
            setState({ kind: "locked", detail: error.detail });
            return false;
          }
          const detail = error instanceof ApiError ? error.detail : "系统繁忙，请稍后重试。";
          setState({ kind: "failed", detail });
          // Network trouble and a busy server pass: try again later. A refusal of the content (4xx)
          // would only repeat itself; the next change tries again.
          const status = error instanceof ApiError ? error.status : 0;
          const transient = status === 0 || status === 429 || status >= 500;
          const wait = RETRY_MS[Math.min(retries.current, RETRY_MS.length - 1)]!;
          retries.current++;
          // After the page is left, the local copy is what remains; the next visit saves it.
          if (transient && mounted.current) timer.current = setTimeout(() => void saveNow(), wait);
          return false;
        }
      }
      return false;
    })();
    running.current = run;
    try {
      return await run;
    } finally {
      running.current = null;
    }
  }, [filingId]);

  /** The form changed: keep it locally at once, save it to the server shortly. */
  const schedule = useCallback(
    (values: FormValues) => {
      pending.current = values;
      writeDraft(filingId, { values, dirty: true, version: version.current, savedAt: new Date().toISOString() });
      if (!locked.current) setState((s) => (s.kind === "pending" || s.kind === "failed" ? s : { kind: "pending" }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), DEBOUNCE_MS);
    },
    [filingId, saveNow],
  );

  /** Saves whatever is waiting; true when the server has the latest form. */
  const flush = useCallback(async () => (pending.current ? saveNow() : running.current ? running.current : true), [saveNow]);

  useEffect(() => {
    mounted.current = true;
    const online = () => void saveNow();
    window.addEventListener("online", online);
    return () => {
      mounted.current = false;
      window.removeEventListener("online", online);
      clearTimeout(timer.current);
      // Leaving the form within the debounce: save what is waiting rather than drop it.
      if (pending.current && !locked.current) void saveNow();
    };
  }, [saveNow]);

  return { state, schedule, flush, version: () => version.current, setVersion: (v: number) => void (version.current = v) };
}
