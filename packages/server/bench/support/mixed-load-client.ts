// The load side of mixed-load.bench.ts, in its own process so that it does not share the
// server's event loop: virtual applicants autosave their drafts and upload photos, virtual
// reviewers work the queue. Every request's latency is recorded under its route.
import { readFileSync } from "node:fs";

export interface MixedLoadPlan {
  base: string;
  seconds: number;
  /** Mean pause between two actions of one user (each pause is 0.5–1.5 × this). */
  thinkMs: number;
  /** Every n-th action of an applicant is a photo upload. */
  uploadEvery: number;
  photoPath: string;
  applicants: { token: string; filingId: string; version: number; form: { websites: { remark?: string }[] }; upload: { kind: string; path?: string } }[];
  reviewers: { token: string }[];
}

export interface RouteFigures {
  route: string;
  count: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Answers that are part of the protocol, not failures: a version conflict the client resolves. */
  conflicts: number;
}

const plan = JSON.parse(readFileSync(0, "utf8")) as MixedLoadPlan;
const photo = readFileSync(plan.photoPath);
const timings = new Map<string, { ms: number[]; errors: number; conflicts: number; firstError?: string }>();
const deadline = Date.now() + plan.seconds * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = () => plan.thinkMs * (0.5 + Math.random());

async function timed(route: string, url: string, init: RequestInit, token: string): Promise<Response | null> {
  const entry = timings.get(route) ?? { ms: [], errors: 0, conflicts: 0 };
  timings.set(route, entry);
  const started = performance.now();
  try {
    const res = await fetch(`${plan.base}${url}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    const body = await res.arrayBuffer();
    entry.ms.push(performance.now() - started);
    if (res.status === 409) entry.conflicts++;
    else if (!res.ok) {
      entry.errors++;
      entry.firstError ??= `${res.status} ${Buffer.from(body).toString("utf8").slice(0, 200)}`;
    }
    return new Response(body, { status: res.status });
  } catch (error) {
    entry.errors++;
    entry.firstError ??= String(error);
    return null;
  }
}

function multipart(fields: Record<string, string>, data: Buffer) {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const body = Buffer.concat([
    Buffer.from(`${head.join("")}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function applicant(a: MixedLoadPlan["applicants"][number]) {
  await sleep(Math.random() * plan.thinkMs);
  // Applicants reach their uploads at different moments, not all at the same step.
  const uploadAt = Math.floor(Math.random() * plan.uploadEvery);
  for (let step = 1; Date.now() < deadline; step++) {
    if (step % plan.uploadEvery === uploadAt) {
      const { body, headers } = multipart({ kind: a.upload.kind, ...(a.upload.path ? { path: a.upload.path } : {}) }, photo);
      await timed("POST /api/filings/:id/materials", `/api/filings/${a.filingId}/materials`, { method: "POST", body, headers }, a.token);
      // The form reloads the filing after an upload, as the web app does.
      const res = await timed("GET /api/filings/:id", `/api/filings/${a.filingId}`, {}, a.token);
      if (res?.ok) a.version = ((await res.json()) as { version: number }).version;
    } else {
      a.form.websites[0]!.remark = `记录个人读书心得与书评，不涉及任何经营性内容。第${step}次修改。`;
      const res = await timed(
        "PATCH /api/filings/:id",
        `/api/filings/${a.filingId}`,
        { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ expectedVersion: a.version, form: a.form }) },
        a.token,
      );
      if (res?.ok) a.version = ((await res.json()) as { version: number }).version;
      else if (res?.status === 409) {
        const fresh = await timed("GET /api/filings/:id", `/api/filings/${a.filingId}`, {}, a.token);
        if (fresh?.ok) a.version = ((await fresh.json()) as { version: number }).version;
      }
    }
    await sleep(jitter());
  }
}

const QUEUES = ["/api/review/queue", "/api/review/queue?province=zj", "/api/review/queue?sla=on_time", "/api/review/queue?q=notes-3.cn"];

async function reviewer(r: MixedLoadPlan["reviewers"][number], n: number) {
  for (let step = n; Date.now() < deadline; step++) {
    const res = await timed("GET /api/review/queue", QUEUES[step % QUEUES.length]!, {}, r.token);
    const items = res?.ok ? ((await res.json()) as { items: { id: string }[] }).items : [];
    const pick = items[step % Math.max(1, items.length)];
    if (pick) {
      await timed("GET /api/filings/:id", `/api/filings/${pick.id}`, {}, r.token);
      await timed("GET /api/filings/:id/checklist", `/api/filings/${pick.id}/checklist`, {}, r.token);
    }
    await sleep(jitter() / 4);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

await Promise.all([...plan.applicants.map(applicant), ...plan.reviewers.map(reviewer)]);
const figures: RouteFigures[] = [...timings].map(([route, t]) => {
  const sorted = t.ms.sort((x, y) => x - y);
  if (t.firstError) console.error(`${route}: first error ${t.firstError}`);
  return { route, count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0, errors: t.errors, conflicts: t.conflicts };
});
console.log(JSON.stringify(figures));
