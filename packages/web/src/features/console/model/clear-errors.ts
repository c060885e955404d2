import type { FormInstance } from "antd";

/** A refusal shown at a field (by the server or the contracts' schema) goes once the field is changed. */
export function clearErrors<T>(form: FormInstance<T>, changed: Partial<T>): void {
  form.setFields(Object.keys(changed as object).map((name) => ({ name: name as never, errors: [] })));
}
