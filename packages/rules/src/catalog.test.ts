import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FINDING_CATALOG } from "./catalog.js";

// Reads the package's own sources to prove the catalog and the code agree.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && e.name !== "catalog.ts" ? [join(dir, e.name)] : [],
  );
}

describe("FINDING_CATALOG", () => {
  const code = sources(new URL(".", import.meta.url).pathname).map((f) => readFileSync(f, "utf8")).join("\n");

  it("has UPPER_SNAKE codes, a rule id, a severity and a Chinese title for each", () => {
    for (const [key, entry] of Object.entries(FINDING_CATALOG)) {
      expect(key).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(entry.ruleId).toMatch(/^([A-Z]+-\d+|R-[A-Z]+-\d+|POLICY)$/);
      expect(["error", "warning", "review"]).toContain(entry.severity);
      expect(entry.title).toMatch(/\p{Script=Han}/u);
    }
  });

  it("lists only codes the rules actually report", () => {
    const unused = Object.keys(FINDING_CATALOG).filter((c) => !code.includes(`"${c}"`));
    expect(unused).toEqual([]);
  });

  it("has a distinct title per code", () => {
    const titles = Object.values(FINDING_CATALOG).map((e) => e.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
