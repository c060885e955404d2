// Load from a second process, and the ceiling every HTTP benchmark is compared with: a Fastify
// hello-world route measured in the same run on the same machine.
import { spawn } from "node:child_process";
import Fastify from "fastify";

export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  non2xx: number;
}

/** autocannon in a child process, so the load does not share the server's event loop. */
export function autocannon(url: string, options: { connections: number; seconds: number; token?: string }): Promise<LoadResult> {
  const script = `
    const autocannon = require("autocannon");
    autocannon({ url: ${JSON.stringify(url)}, connections: ${options.connections}, duration: ${options.seconds},
      headers: ${JSON.stringify(options.token ? { authorization: `Bearer ${options.token}` } : {})} }, (err, r) => {
      if (err) { console.error(err); process.exit(1); }
      console.log(JSON.stringify({ p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, errors: r.errors, non2xx: r.non2xx }));
    });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script], { cwd: import.meta.dirname, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`autocannon exited ${code}`))));
  });
}

/** The hello-world ceiling under the same load shape; printed, and returned for ratios. */
export async function helloWorldCeiling(options: { connections: number; seconds: number }): Promise<LoadResult> {
  const hello = Fastify();
  hello.get("/hello", async () => ({ hello: "world" }));
  const address = await hello.listen({ port: 0, host: "127.0.0.1" });
  try {
    const r = await autocannon(`${address}/hello`, options);
    console.log(`hello world (ceiling): p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps.toFixed(0)} req/s`);
    return r;
  } finally {
    await hello.close();
  }
}
