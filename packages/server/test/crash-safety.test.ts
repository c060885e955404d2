/**
 * Crash safety (issue 11): a server process is killed (SIGKILL, no shutdown) while applicants
 * submit, then started again. Every filing is either still a draft or fully submitted — status,
 * audit entry and notice together, never half — the audit chain is intact, and the notices
 * enqueued before the kill are delivered after the restart. Runs in the PostgreSQL pass: the
 * embedded database is one process's files, not a server to reconnect to. Review, upload, bureau
 * and timers: crash-safety-*.test.ts.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phonePhoto } from "./support/images.js";
import {
  allNoticesDelivered,
  api,
  auditChainBrokenAt,
  completeFiling,
  crashRig,
  expireJobsOfDeadProcess,
  onPostgres,
  type CrashFiling,
} from "./support/server-process.js";

const APPLICANTS = 6;
const rig = crashRig("submit");

describe.runIf(onPostgres)("crash safety: submit (issue 11)", () => {
  const filings: CrashFiling[] = [];

  beforeAll(async () => {
    const server = await rig.open();
    const photo = await phonePhoto(1200, 900);
    for (let n = 0; n < APPLICANTS; n++) filings.push(await completeFiling(server.url, n, photo, { prefix: "crash" }));
  }, 180_000);

  afterAll(() => rig.close());

  it("leaves no filing half-submitted after SIGKILL, and delivers every notice after the restart", async () => {
    const running = rig.server!;
    // Versions first, so the submissions themselves are what the kill interrupts.
    const versions = await Promise.all(filings.map(async (f) => (await api(running.url, "GET", `/api/filings/${f.id}`, f.token)).body!.version));
    const submits = filings.map((f, i) => api(running.url, "POST", `/api/filings/${f.id}/submit`, f.token, { expectedVersion: versions[i] }));
    // Killed as soon as the first submission is answered: the others are in flight.
    await Promise.race(submits);
    await running.kill();
    await Promise.all(submits);

    const client = new pg.Client({ connectionString: rig.databaseUrl });
    await client.connect();
    try {
      await expireJobsOfDeadProcess(client);
      const server = await rig.start();
      let submitted = 0;
      for (const f of filings) {
        const { rows: [row] } = await client.query("select status, submitted_at from filings where id = $1", [f.id]);
        const audits = await client.query("select count(*)::int as n from audit_log where entity_id = $1 and action = 'filing.submit'", [f.id]);
        const notices = await client.query("select count(*)::int as n from notifications where template = 'filing.submitted' and idempotency_key like $1", [`%${f.id}%`]);
        expect(["draft", "submitted"]).toContain(row.status);
        if (row.status === "submitted") {
          submitted++;
          expect(row.submitted_at).not.toBeNull();
          expect(audits.rows[0].n).toBe(1);
          expect(notices.rows[0].n).toBeGreaterThan(0);
        } else {
          expect(audits.rows[0].n).toBe(0);
          expect(notices.rows[0].n).toBe(0);
        }
      }
      console.log(`crash safety: ${submitted} of ${filings.length} submissions committed before the kill`);
      expect(submitted).toBeGreaterThan(0);

      // What was enqueued before the kill is delivered by the new process.
      await allNoticesDelivered(client);

      // A filing still a draft can be submitted now: nothing was left locked or half-written.
      for (const f of filings) {
        const current = await api(server.url, "GET", `/api/filings/${f.id}`, f.token);
        if (current.body!.status !== "draft") continue;
        const res = await api(server.url, "POST", `/api/filings/${f.id}/submit`, f.token, { expectedVersion: current.body!.version });
        expect(res.status).toBe(200);
      }
    } finally {
      await client.end();
    }
    expect(await auditChainBrokenAt(rig.databaseUrl)).toBeNull();
  }, 120_000);
});
