/**
 * Crash safety of the bureau exchange and the timers (issue 11), against the bureau simulator
 * over SOAP. The server is killed with SIGKILL at the worst moments of the exchange — right after
 * the bureau accepted an upload but before its answer arrived, and right after a downloaded
 * result was applied but before it was acknowledged — and started again: every filing reaches
 * the bureau exactly once (counted in the simulator's own tables), every result is applied once
 * (one ICP number, one approval notice), and timers that fell due while the server was down fire
 * after the restart.
 */
import { inArray, isNull } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloads as simDownloads, filings as simFilings } from "../../bureau-sim/src/db/schema.js";
import { startTestSim } from "../../bureau-sim/test/support/sim-client.js";
import { startBureauProxy } from "./support/bureau-proxy.js";
import { personalFilingOf } from "./support/filings.js";
import { phonePhoto } from "./support/images.js";
import {
  allNoticesDelivered,
  api,
  auditChainBrokenAt,
  completeFiling,
  crashRig,
  expireJobsOfDeadProcess,
  ON_SITE,
  onPostgres,
  reviewAction,
  reviewerToken,
  waitFor,
  type CrashFiling,
} from "./support/server-process.js";

/** Filings the bureau approves; two more stay waiting for their SMS code (the timers' case); one more is sent late. */
const APPROVED = 5;
const WAITING = 2;

let sim: Awaited<ReturnType<typeof startTestSim>>;
let proxy: Awaited<ReturnType<typeof startBureauProxy>>;
let client: pg.Client;
const rig = crashRig("bureau", () => ({ BUREAU_URL: proxy.url, BUREAU_POLL_SECONDS: "1" }));

/** SIGKILL now, then a new process: the dead one's fetched jobs are given back first. */
async function restart() {
  await rig.server?.kill();
  await expireJobsOfDeadProcess(client);
  await rig.start();
}

const count = async (sql: string, params: unknown[]) => (await client.query<{ n: number }>(sql, params)).rows[0]!.n;
const simJson = async <T>(path: string, body?: unknown): Promise<T> =>
  (await fetch(`${sim.sim.url}${path}`, {
    method: body ? "POST" : "GET",
    headers: { accept: "application/json", ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })).json() as Promise<T>;

describe.runIf(onPostgres)("crash safety: bureau exchange and timers (issue 11)", () => {
  const filed: CrashFiling[] = [];
  let late: CrashFiling;
  let reviewer: string;

  beforeAll(async () => {
    sim = await startTestSim();
    proxy = await startBureauProxy(sim.sim.url);
    const server = await rig.open();
    client = new pg.Client({ connectionString: rig.databaseUrl });
    await client.connect();
    reviewer = await reviewerToken(server.url, "reviewer@crash.local");
    const photo = await phonePhoto(1200, 900);
    // Submitted, approved and verified on site: ready to go to the bureau.
    for (let n = 0; n <= APPROVED + WAITING; n++) {
      const f = await completeFiling(server.url, n, photo, { prefix: "bureau-crash", submit: true });
      expect((await reviewAction(server.url, reviewer, f.id, "approve")).status).toBe(200);
      expect((await reviewAction(server.url, reviewer, f.id, "on-site", ON_SITE)).status).toBe(200);
      if (n < APPROVED + WAITING) filed.push(f);
      else late = f;
    }
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await rig.close();
    await proxy?.close();
    await sim?.sim.close();
  });

  /** Each filing of `group` held once by the simulator, and recorded as sent once, on contiguous sequence numbers. */
  async function expectUploadedOnce(group: CrashFiling[]) {
    const ids = group.map((f) => f.id);
    await waitFor("every filing uploaded", async () => (await count("select count(distinct filing_id)::int as n from bureau_exchanges where status = 'sent' and filing_id = any($1)", [ids])) === ids.length);
    // The dead process's jobs have all run again (none still waiting), so no upload is yet to come.
    await waitFor("no upload job left", async () => (await count("select count(*)::int as n from pgboss.job where name = 'bureau.upload' and state in ('created', 'retry', 'active')", [])) === 0);
    const atBureau = await sim.sim.db.select({ recordId: simFilings.recordId }).from(simFilings).where(inArray(simFilings.recordId, ids));
    expect(atBureau.map((r) => r.recordId).sort()).toEqual([...ids].sort());
    const sent = await client.query<{ data_sequence: number }>("select data_sequence from bureau_exchanges where direction = 'upload' and status = 'sent' order by data_sequence");
    expect(sent.rows.map((r) => r.data_sequence)).toEqual(sent.rows.map((_, i) => i + 1));
    for (const f of group) expect((await api(rig.server!.url, "GET", `/api/filings/${f.id}`, f.token)).body!.status).toBe("sms_pending");
  }

  it("uploads every filing once although the server died after the bureau accepted one", async () => {
    const group = filed.slice(0, 4);
    // The second upload is accepted by the bureau; the server dies before it hears so.
    const cut = proxy.trap({ operation: "isp_upload", nth: 2, when: "after", action: () => rig.server!.kill() });
    for (const f of group) expect((await reviewAction(rig.server!.url, reviewer, f.id, "submit-to-bureau")).status).toBe(200);
    await cut;
    expect(await count("select count(*)::int as n from bureau_exchanges where direction = 'upload' and status = 'sent'", [])).toBe(1);
    // The job comes back and sends the same file again: the bureau knows it (same sequence, same bytes).
    await restart();
    await expectUploadedOnce(group);
  }, 60_000);

  it("uploads every filing once although another upload reached the bureau before the lost one's retry", async () => {
    const group = filed.slice(4);
    const cut = proxy.trap({ operation: "isp_upload", nth: 2, when: "after", action: () => rig.server!.kill() });
    for (const f of group) expect((await reviewAction(rig.server!.url, reviewer, f.id, "submit-to-bureau")).status).toBe(200);
    await cut;
    const diedAt = new Date();
    // Restarted; before the dead process's jobs come back (pg-boss gives them back minutes
    // later), a reviewer sends another filing: the first upload the bureau hears of after the
    // one whose answer was lost, which the server learns of and records.
    const server = await rig.start();
    expect((await reviewAction(server.url, reviewer, late.id, "submit-to-bureau")).status).toBe(200);
    await waitFor("the later filing uploaded", async () => (await count("select count(*)::int as n from bureau_exchanges where filing_id = $1 and status = 'sent'", [late.id])) === 1);
    await expireJobsOfDeadProcess(client, diedAt);
    await expectUploadedOnce([...filed, late]);
  }, 60_000);

  it("applies every downloaded result once although the server died between applying and acknowledging", async () => {
    // While the server is down, the bureau produces results: codes texted and entered, approvals.
    await rig.server!.kill();
    sim.clock.advance(301_000);
    await sim.sim.sweep();
    const approved = filed.slice(0, APPROVED);
    for (const f of approved) {
      const person = personalFilingOf(f.n).subject!.principal!;
      const inbox = await simJson<{ messages: { text: string }[] }>(`/sim/sms?mobile=${person.mobile}`);
      const code = /(\d{6})/.exec(inbox.messages[0]!.text)![1]!;
      const verified = await simJson<{ result: string }>("/zj/state/outPortal/messageAuthentication.action", {
        certificateNumber: personalFilingOf(f.n).subject!.certificate!.number,
        mobile: person.mobile,
        code,
      });
      expect(verified.result).toBe("verified");
    }
    const queue = await simJson<{ filings: { id: string; recordId: string }[] }>("/sim/operator");
    for (const f of approved) {
      const row = queue.filings.find((x) => x.recordId === f.id)!;
      await simJson(`/sim/operator/filings/${row.id}/approve`, {});
    }

    // The third result file is applied, then the server dies before acknowledging it.
    const cut = proxy.trap({ operation: "isp_downloadack", nth: 3, when: "before", action: () => rig.server!.kill() });
    await expireJobsOfDeadProcess(client);
    await rig.start();
    await cut;
    expect(await count("select count(*)::int as n from bureau_exchanges where direction = 'download'", [])).toBe(3);

    await restart();
    await waitFor("every approval applied", async () => {
      const { rows } = await client.query("select count(*)::int as n from filings where status = 'approved' and id = any($1)", [approved.map((f) => f.id)]);
      return rows[0].n === APPROVED;
    });
    await waitFor("every result file acknowledged", async () => (await sim.sim.db.select().from(simDownloads).where(isNull(simDownloads.ackedAt))).length === 0);

    const numbers = new Set<string>();
    for (const f of approved) {
      const view = (await api(rig.server!.url, "GET", `/api/filings/${f.id}`, f.token)).body!;
      const [atBureau] = await sim.sim.db.select({ number: simFilings.subjectIcpNumber, status: simFilings.status }).from(simFilings).where(inArray(simFilings.recordId, [f.id]));
      expect(view.icpNumber).toBe(atBureau!.number);
      numbers.add(String(view.icpNumber));
      // Each result applied once: one transition each, one approval notice per channel.
      expect(await count("select count(*)::int as n from audit_log where entity_id = $1 and action = 'filing.sms_verified'", [f.id])).toBe(1);
      expect(await count("select count(*)::int as n from audit_log where entity_id = $1 and action = 'filing.bureau_approve'", [f.id])).toBe(1);
      const keys = await client.query<{ key: string }>("select idempotency_key as key from notifications where template = 'filing.approved' and idempotency_key like $1", [`filing:${f.id}:%`]);
      expect(keys.rows.length).toBeGreaterThan(0);
      expect(new Set(keys.rows.map((k) => k.key.split(":")[2])).size).toBe(1);
    }
    expect(numbers.size).toBe(APPROVED);
    // The file delivered again after the kill was recognised, not applied a second time.
    const files = await client.query<{ status: string }>("select status from bureau_exchanges where direction = 'download'");
    expect(files.rows.every((r) => r.status === "applied")).toBe(true);
    await allNoticesDelivered(client);
    expect(await auditChainBrokenAt(rig.databaseUrl)).toBeNull();
  }, 120_000);

  it("fires the SMS expiry and reminder timers that fell due while the server was down", async () => {
    const [reminded, expiring] = filed.slice(APPROVED) as [CrashFiling, CrashFiling];
    await rig.server!.kill();
    // The hours pass while nothing runs: the 24-hour reminder of one filing and the 48-hour
    // expiry of the other are due now (their stored due times moved to the past).
    await client.query("update notification_reminders set due_at = now() - interval '1 minute' where filing_id = $1 and kind = 'sms_code_24h'", [reminded.id]);
    await client.query("update pgboss.job set start_after = now() where name = 'notifications.reminders_due' and state = 'created'");
    const timers = await client.query(
      "update pgboss.job set start_after = now() where name = 'filings.timer' and state = 'created' and data->>'filingId' = $1 and data->>'job' = 'sms_expiry'",
      [expiring.id],
    );
    expect(timers.rowCount).toBe(1);
    await expireJobsOfDeadProcess(client);
    await rig.start();

    await waitFor("the expired filing back with the provider", async () => (await api(rig.server!.url, "GET", `/api/filings/${expiring.id}`, expiring.token)).body!.status === "submitted");
    await waitFor("the reminder fired", async () => {
      const { rows } = await client.query("select outcome from notification_reminders where filing_id = $1 and kind = 'sms_code_24h'", [reminded.id]);
      return rows[0]?.outcome === "sent";
    });
    expect(await count("select count(*)::int as n from audit_log where entity_id = $1 and action = 'filing.sms_expired'", [expiring.id])).toBe(1);
    expect(await count("select count(*)::int as n from notifications where template = 'filing.sms_returned' and idempotency_key like $1", [`filing:${expiring.id}:%`])).toBeGreaterThan(0);
    const [reminder] = (await client.query("select id from notification_reminders where filing_id = $1 and kind = 'sms_code_24h'", [reminded.id])).rows;
    expect(await count("select count(*)::int as n from notifications where template = 'filing.sms_reminder' and idempotency_key like $1", [`reminder:${reminder.id}:%`])).toBeGreaterThan(0);
    // The reminded filing still waits for its code; its own expiry is not due yet.
    expect((await api(rig.server!.url, "GET", `/api/filings/${reminded.id}`, reminded.token)).body!.status).toBe("sms_pending");
    await allNoticesDelivered(client);
  }, 60_000);
});
