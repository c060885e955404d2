import { DEFAULT_POLICIES, type ProvincePolicies } from "@beian/rules";
import { createContext, useContext } from "react";
import type { HelpEntry } from "../model/search";

export interface HelpContextValue {
  policies: Readonly<ProvincePolicies>;
  fromProvider: boolean;
  index: readonly HelpEntry[];
}

export const HelpContext = createContext<HelpContextValue>({ policies: DEFAULT_POLICIES, fromProvider: false, index: [] });

export const useHelp = () => useContext(HelpContext);
