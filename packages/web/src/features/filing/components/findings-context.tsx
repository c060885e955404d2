import type { Finding } from "@beian/rules";
import { createContext, useContext } from "react";

export interface FindingsView {
  /** Findings by their exact path. */
  byPath: ReadonlyMap<string, Finding[]>;
  /** Whether findings at this path are shown yet: after typing there, or once the step is checked. */
  shown(path: string): boolean;
  /** The latest return's reasons by path (R-REV-1), shown at their fields until resubmission. */
  returns: ReadonlyMap<string, Finding[]>;
}

export const FindingsContext = createContext<FindingsView>({ byPath: new Map(), shown: () => false, returns: new Map() });

export const useFindingsView = () => useContext(FindingsContext);

export function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) map.set(f.path, [...(map.get(f.path) ?? []), f]);
  return map;
}
