import { startBureauSim } from "./start.js";

const sim = await startBureauSim();
process.stdout.write(`  管局模拟器 Bureau simulator: ${sim.url}/sim/query  (db: ${sim.dbKind})\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    sim
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  });
}
