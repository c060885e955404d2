/**
 * preReview over a realistic organisation filing with 10 websites (issue 4 goal: well under
 * 1 ms per call). A plain script: `npx tsx packages/rules/bench/pre-review.bench.ts`, or
 * `npm run bench` for all benchmarks. It measures and prints; nothing asserts on time.
 */
import { DEFAULT_POLICIES, preReview, requiredMaterials } from "../src/index.js";
import { NOW, organisationFiling } from "../test/fixtures.js";

const filing = organisationFiling(10);
const ctx = { now: NOW, mobilesOfOtherSubjects: ["13900000001", "13900000002"], otherOpenApplications: 0, existingWebsiteCount: 0 };

function measure(label: string, fn: () => unknown, warmup = 500, runs = 5000): void {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort();
  const at = (q: number): string => (samples[Math.min(runs - 1, Math.floor(q * runs))] ?? 0).toFixed(1);
  console.log(`${label}: median ${at(0.5)} µs, p95 ${at(0.95)} µs, p99 ${at(0.99)} µs per call (${runs} runs)`);
}

const findings = preReview(filing, DEFAULT_POLICIES, ctx);
console.log(`filing: 10 websites, ${findings.length} findings (${findings.filter((f) => f.severity === "error").length} errors)`);
measure("preReview", () => preReview(filing, DEFAULT_POLICIES, ctx));
measure("requiredMaterials", () => requiredMaterials(filing, DEFAULT_POLICIES, { now: NOW }));
