// Time and size per 核验单 (issue 7 goal: < 100 ms and < 150 KB per sheet).
import { renderVerificationSheets } from "../src/modules/forms/verification-sheet.js";
import { organisationSheet, personalSheet } from "../test/support/sheets.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

for (const [name, model] of [
  ["personal, 1 website", personalSheet()],
  ["organisation, 10 websites × 4 domains", organisationSheet(10)],
] as const) {
  await renderVerificationSheets([model]);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    bytes = (await renderVerificationSheets([model])).length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(`核验单 ${name}: median ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, ${(bytes / 1024).toFixed(1)} KB`);
}
