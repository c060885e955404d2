/**
 * An XSD-equivalent structural check written as data: which child elements an element has,
 * how often, and what text a leaf may hold. The XML itself is parsed by fast-xml-parser with
 * every element as an array, so counts are checked uniformly.
 */
export interface ElementRule {
  name: string;
  /** Occurrences; default exactly one. */
  min?: number;
  max?: number;
  /** Leaf text pattern; default: any non-empty text. Absent when `children` is given. */
  pattern?: RegExp;
  maxLength?: number;
  children?: ElementRule[];
}

export type ParsedElement = string | { [name: string]: ParsedElement[] | string };

export interface StructureError {
  path: string;
  message: string;
}

const ATTR = "@_";

export function checkChildren(node: ParsedElement, rules: ElementRule[], path: string, errors: StructureError[]): void {
  if (typeof node === "string") {
    if (rules.some((r) => (r.min ?? 1) > 0)) errors.push({ path, message: "element has no child elements" });
    return;
  }
  const known = new Set(rules.map((r) => r.name));
  for (const name of Object.keys(node)) {
    if (name.startsWith(ATTR) || name === "#text") continue;
    if (!known.has(name)) errors.push({ path: `${path}/${name}`, message: "element not allowed here" });
  }
  for (const rule of rules) {
    const raw = node[rule.name];
    const items = Array.isArray(raw) ? raw : [];
    const min = rule.min ?? 1;
    const max = rule.max ?? 1;
    if (items.length < min) errors.push({ path: `${path}/${rule.name}`, message: `required (at least ${min})` });
    if (items.length > max) errors.push({ path: `${path}/${rule.name}`, message: `at most ${max} allowed` });
    items.forEach((item, i) => {
      const at = items.length > 1 ? `${path}/${rule.name}[${i + 1}]` : `${path}/${rule.name}`;
      if (rule.children) return checkChildren(item, rule.children, at, errors);
      if (typeof item !== "string") return errors.push({ path: at, message: "must be text" });
      if (item === "") return errors.push({ path: at, message: "must not be empty" });
      if (rule.maxLength !== undefined && [...item].length > rule.maxLength) errors.push({ path: at, message: `longer than ${rule.maxLength}` });
      if (rule.pattern && !rule.pattern.test(item)) errors.push({ path: at, message: `does not match ${rule.pattern.source}` });
    });
  }
}

/** Helpers to write the schema compactly. */
export const leaf = (name: string, extra: Omit<ElementRule, "name" | "children"> = {}): ElementRule => ({ name, maxLength: 255, ...extra });
export const optional = (name: string, extra: Omit<ElementRule, "name" | "children"> = {}): ElementRule => leaf(name, { min: 0, ...extra });
export const group = (name: string, children: ElementRule[], occurs: { min?: number; max?: number } = {}): ElementRule => ({ name, children, ...occurs });
