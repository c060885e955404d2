/**
 * Crash safety of review decisions (issue 11): four reviewers approve and return submitted
 * filings — two of them on every filing at once, with opposite decisions at the same version —
 * while the server is killed with SIGKILL. After the restart each filing is in exactly one
 * state, with the status, version, lifecycle fields, queue deadline, audit entry and notices of
 * that state together; the audit chain verifies; repeating a decision at the old version is a
 * version conflict, not a second effect; a filing nobody decided can be decided now.
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
  reviewerToken,
  type ApiReply,
  type CrashFiling,
} from "./support/server-process.js";

const FILINGS = 12;
const REVIEWERS = 4;
const RETURN = { reasons: [{ path: "websites.0.name", code: "OTHER", message: "网站名称与内容不符" }] };

const rig = crashRig("review");

/** What each decision leaves behind, all of it or none. */
const OUTCOMES = {
  approve: { status: "verifying", action: "filing.provider_approve", template: "filing.initial_review_passed" },
  return: { status: "returned_by_provider", action: "filing.provider_return", template: "filing.returned" },
} as const;
type Decision = keyof typeof OUTCOMES;

describe.runIf(onPostgres)("crash safety: review decisions (issue 11)", () => {
  const filings: (CrashFiling & { version: number })[] = [];
  const reviewers: string[] = [];

  beforeAll(async () => {
    const server = await rig.open();
    const photo = await phonePhoto(1200, 900);
    for (let n = 0; n < FILINGS; n++) {
      const f = await completeFiling(server.url, n, photo, { prefix: "review-crash", submit: true });
      filings.push({ ...f, version: (await api(server.url, "GET", `/api/filings/${f.id}`, f.token)).body!.version as number });
    }
    for (let r = 0; r < REVIEWERS; r++) reviewers.push(await reviewerToken(server.url, `reviewer-${r}@crash.local`));
  }, 180_000);

  afterAll(() => rig.close());

  it("leaves each filing decided once or not at all, consistently, after SIGKILL mid-review", async () => {
    const running = rig.server!;
    const decide = (token: string, f: (typeof filings)[number], decision: Decision): Promise<ApiReply> =>
      api(running.url, "POST", `/api/review/filings/${f.id}/${decision}`, token, { expectedVersion: f.version, ...(decision === "return" ? RETURN : {}) });
    // Reviewer r works through filings r, r+4, r+8 one after another; on each, the next reviewer
    // makes the opposite decision at the same moment and version.
    const answers: { filing: string; decision: Decision; status: number }[] = [];
    // Killed once a third of the filings have both answers: others are then in flight or not begun.
    let pairs = 0;
    let enough!: () => void;
    const answered = new Promise<void>((r) => (enough = r));
    const work = reviewers.map(async (token, r) => {
      for (let n = r; n < FILINGS; n += REVIEWERS) {
        const f = filings[n]!;
        const mine: Decision = n % 2 === 0 ? "approve" : "return";
        const theirs: Decision = mine === "approve" ? "return" : "approve";
        const replies = await Promise.all([decide(token, f, mine), decide(reviewers[(r + 1) % REVIEWERS]!, f, theirs)]);
        replies.forEach((reply, i) => answers.push({ filing: f.id, decision: i === 0 ? mine : theirs, status: reply.status }));
        if (++pairs >= FILINGS / 3) enough();
        if (replies.some((reply) => reply.status === 0)) return; // the server is gone
      }
    });
    await answered;
    await running.kill();
    await Promise.all(work);
    const decidedBeforeKill = answers.filter((a) => a.status === 200);
    // Two decisions at one version: at most one wins, the other is a conflict.
    for (const f of filings) expect(decidedBeforeKill.filter((a) => a.filing === f.id).length).toBeLessThanOrEqual(1);
    expect(answers.every((a) => [0, 200, 409].includes(a.status))).toBe(true);

    const client = new pg.Client({ connectionString: rig.databaseUrl });
    await client.connect();
    try {
      await expireJobsOfDeadProcess(client);
      const restarted = await rig.start();
      const counts = { submitted: 0, verifying: 0, returned_by_provider: 0 };
      for (const f of filings) {
        const { rows: [row] } = await client.query("select status, version, lifecycle, review_due_at from filings where id = $1", [f.id]);
        const audit = await client.query<{ action: string; from_state: string; to_state: string }>(
          "select action, from_state, to_state from audit_log where entity_id = $1 and action like 'filing.provider_%'",
          [f.id],
        );
        const notices = await client.query<{ template: string; n: number }>(
          "select template, count(*)::int as n from notifications where idempotency_key like $1 and template in ('filing.initial_review_passed', 'filing.returned') group by template",
          [`filing:${f.id}:%`],
        );
        expect(Object.keys(counts)).toContain(row.status);
        counts[row.status as keyof typeof counts]++;
        const answeredOk = decidedBeforeKill.find((a) => a.filing === f.id);
        if (row.status === "submitted") {
          // Not decided: nothing of a decision anywhere, and the queue still shows the deadline.
          expect(answeredOk).toBeUndefined();
          expect(row.version).toBe(f.version);
          expect(row.review_due_at).not.toBeNull();
          expect(audit.rows).toHaveLength(0);
          expect(notices.rows).toHaveLength(0);
          expect(row.lifecycle.returns ?? []).toHaveLength(0);
          continue;
        }
        const decision: Decision = row.status === "verifying" ? "approve" : "return";
        const outcome = OUTCOMES[decision];
        // A decision answered 200 before the kill is the one that stands.
        if (answeredOk) expect(answeredOk.decision).toBe(decision);
        expect(row.version).toBe(f.version + 1);
        expect(row.review_due_at).toBeNull();
        expect(audit.rows).toEqual([{ action: outcome.action, from_state: "submitted", to_state: outcome.status }]);
        expect(notices.rows.map((r) => r.template)).toEqual([outcome.template]);
        expect(notices.rows[0]!.n).toBeGreaterThan(0);
        expect(row.lifecycle.returns ?? []).toHaveLength(decision === "return" ? 1 : 0);
        if (decision === "return") expect(row.lifecycle.verificationPassed).toBe(false);
      }
      console.log(`crash safety (review): ${JSON.stringify(counts)}, ${decidedBeforeKill.length} answered before the kill`);
      expect(counts.verifying + counts.returned_by_provider).toBeGreaterThan(0);

      await allNoticesDelivered(client);

      // The same decision again at the old version: a conflict, never a second effect.
      for (const [n, f] of filings.entries()) {
        const mine: Decision = n % 2 === 0 ? "approve" : "return";
        const status = (await client.query("select status from filings where id = $1", [f.id])).rows[0].status as string;
        const again = await api(restarted.url, "POST", `/api/review/filings/${f.id}/${mine}`, reviewers[0], { expectedVersion: f.version, ...(mine === "return" ? RETURN : {}) });
        if (status === "submitted") {
          // Nothing was left locked or half-written: the decision can be made now.
          expect(again.status).toBe(200);
        } else {
          expect(again.status).toBe(409);
          expect(again.body!.code).toBe("FILING_VERSION_CONFLICT");
        }
      }
      const decisions = await client.query<{ n: number }>(
        "select count(*)::int as n from audit_log where action like 'filing.provider_%' and entity_id = any($1)",
        [filings.map((f) => f.id)],
      );
      expect(decisions.rows[0]!.n).toBe(FILINGS);
    } finally {
      await client.end();
    }
    expect(await auditChainBrokenAt(rig.databaseUrl)).toBeNull();
  }, 120_000);
});
