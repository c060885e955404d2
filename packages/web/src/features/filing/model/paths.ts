/** Dotted finding paths ("websites.0.domains.1") and antd name paths (["websites", 0, "domains", 1]). */
export const toNamePath = (path: string): (string | number)[] =>
  path.split(".").map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));

export function valueAt(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export function hasValue(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.some(hasValue);
  if (value && typeof value === "object") return Object.values(value).some(hasValue);
  return value !== undefined && value !== null;
}

/** Leaf paths of a (partial) value, e.g. antd's changedValues. */
export function leafPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return prefix ? [prefix] : [];
  const out: string[] = prefix ? [prefix] : [];
  const entries = Array.isArray(value) ? [...value.entries()].filter(([, v]) => v !== undefined) : Object.entries(value);
  for (const [k, v] of entries) out.push(...leafPaths(v, prefix ? `${prefix}.${k}` : String(k)));
  return out;
}
