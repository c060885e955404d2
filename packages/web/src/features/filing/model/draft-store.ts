import type { FormValues } from "./form-values";

/**
 * A copy of the form in this browser, per filing: what the applicant typed survives a failed
 * save, a closed tab or a reload ("nothing typed is lost"). `dirty` means the server has not
 * confirmed it yet.
 */
export interface LocalDraft {
  values: FormValues;
  dirty: boolean;
  /** The server version the copy was based on. */
  version: number;
  savedAt: string;
}

const key = (filingId: string) => `beian.filing-draft.${filingId}`;

export function readDraft(filingId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(filingId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(filingId: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(key(filingId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server copy and the page state remain.
  }
}

export function clearDraft(filingId: string): void {
  try {
    localStorage.removeItem(key(filingId));
  } catch {
    // Nothing to clear.
  }
}
