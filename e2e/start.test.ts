import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(join(tmpdir(), "beian-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });

async function poll(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("npm start (the quick start of the README)", () => {
  it("serves the web app, the API and the bureau simulator on an empty data directory, and stops cleanly on Ctrl-C", async () => {
    const [port, bureauPort] = [await freePort(), await freePort()];
    // The built system, as `npm start` runs it after its build step (npm test builds first).
    const child = spawn(process.execPath, [join(root, "scripts/start.mjs")], {
      cwd: root,
      env: { ...process.env, PORT: String(port), BUREAU_PORT: String(bureauPort), DATA_DIR: dataDir, DATABASE_URL: "", BEIAN_ADMIN_PASSWORD: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    try {
      const deadline = Date.now() + 60_000;
      const health = await (await poll(`http://127.0.0.1:${port}/api/health`, deadline)).json();
      expect(health).toMatchObject({ status: "ok", db: "pglite" });
      const page = await (await poll(`http://127.0.0.1:${port}/`, deadline)).text();
      expect(page).toContain('<div id="root">');
      const deepLink = await fetch(`http://127.0.0.1:${port}/login`);
      expect(deepLink.headers.get("content-type")).toContain("text/html");
      await poll(`http://127.0.0.1:${bureauPort}/sim/health`, deadline);
      // The generated admin password is printed once, in the terminal.
      expect(output).toMatch(/Password: Ba\S{20,}/);
      expect(output).toContain(`http://127.0.0.1:${port}/`);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });
});
