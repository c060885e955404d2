import type { Finding } from "@beian/rules";
import { createContext, useContext } from "react";

export interface FindingsView {
  /** Findings by their exact path. */
  byPath: ReadonlyMap<string, Finding[]>;
  /** Whether findings at this path are shown yet: after typing there, or once the step is checked. */
  shown(path: string): boolean;
}

export const FindingsContext = createContext<FindingsView>({ byPath: new Map(), shown: () => false });

export const useFindingsView = () => useContext(FindingsContext);

export function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) map.set(f.path, [...(map.get(f.path) ?? []), f]);
  return map;
}
