// 12 MP phone-like JPEG → compliant image (R-MAT-1): median and p95 per image, and the ratio to a
// bare sharp resize of the same image in the same run. Goal: < 250 ms and ≤ 2× the bare resize.
import sharp from "sharp";
import { makeImageCompliant } from "../src/modules/materials/image-compliance.js";
import { phonePhoto } from "../test/support/images.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
sharp.concurrency(1);

const time = async (fn: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const photo = await phonePhoto(4000, 3000, 24);
const noisy = await phonePhoto(4000, 3000, 60);

for (const [name, input] of [
  ["12 MP phone photo", photo],
  ["12 MP very noisy photo (worst case)", noisy],
] as const) {
  await makeImageCompliant(input); // warm-up
  const compliant: number[] = [];
  const bare: number[] = [];
  let last = await makeImageCompliant(input);
  for (let i = 0; i < RUNS; i++) {
    compliant.push(await time(async () => (last = await makeImageCompliant(input))));
    bare.push(await time(() => sharp(input).rotate().resize(1600, 1200).jpeg().toBuffer()));
  }
  const median = pct(compliant, 0.5);
  const bareMedian = pct(bare, 0.5);
  console.log(
    `${name} (${(input.length / 1e6).toFixed(1)} MB): compliant median ${median.toFixed(0)} ms, p95 ${pct(compliant, 0.95).toFixed(0)} ms; ` +
      `bare resize median ${bareMedian.toFixed(0)} ms; ratio ${(median / bareMedian).toFixed(2)}×; ` +
      `result ${last.width}×${last.height} ${(last.bytes / 1024).toFixed(1)} KB q${last.quality} in ${last.encodes} encodes`,
  );
}
