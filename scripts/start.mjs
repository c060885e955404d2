#!/usr/bin/env node
// Starts the provider's server and the bureau simulator together, prints where they are, and
// stops both on Ctrl-C. If either exits, the other is stopped too: a half-running system is
// worse than none.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
const bureauPort = process.env.BUREAU_PORT ?? "3100";
const env = {
  ...process.env,
  PORT: port,
  BUREAU_PORT: bureauPort,
  BUREAU_URL: process.env.BUREAU_URL ?? `http://127.0.0.1:${bureauPort}`,
  DATA_DIR: process.env.DATA_DIR ?? resolve(root, "data"),
};

const services = [
  { name: "bureau", entry: "packages/bureau-sim/dist/main.js" },
  { name: "server", entry: "packages/server/dist/main.js" },
];

let stopping = false;
let exitCode = 0;
const children = services.map(({ name, entry }) => {
  const child = spawn(process.execPath, [resolve(root, entry)], { env, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code, signal) => {
    child.exited = true;
    if (!stopping) {
      console.error(`\n[${name}] stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest.`);
      exitCode = 1;
      stopAll();
    }
    if (children.every((c) => c.exited)) process.exit(exitCode);
  });
  return child;
});

function stopAll() {
  stopping = true;
  for (const child of children) if (!child.exited) child.kill("SIGTERM");
  // Whatever has not stopped in 10 s is killed.
  setTimeout(() => {
    for (const child of children) if (!child.exited) child.kill("SIGKILL");
  }, 10_000).unref();
}

process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);
