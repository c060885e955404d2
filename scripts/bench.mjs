#!/usr/bin/env node
// Runs every benchmark script (packages/*/bench/*.bench.ts) one after another and lets each
// print its own figures. Benchmarks measure; tests never assert on time.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv[2];
const scripts = readdirSync(join(root, "packages"))
  .map((pkg) => join(root, "packages", pkg, "bench"))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).map((f) => join(dir, f)))
  .filter((file) => !only || file.includes(only));

if (scripts.length === 0) {
  console.error("no benchmark scripts found");
  process.exit(1);
}
let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script.slice(root.length + 1)}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", script], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
