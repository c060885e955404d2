import { createContext, useContext } from "react";

/** Changes made by buttons rather than inputs (adding a domain, removing a website). */
export interface FormActions {
  setField(path: (string | number)[], value: unknown): void;
}

export const FormActionsContext = createContext<FormActions>({ setField: () => {} });
export const useFormActions = () => useContext(FormActionsContext);
