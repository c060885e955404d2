/**
 * API fuzzing (issue 11): walks /api/openapi.json and sends every operation generated bad input —
 * wrong types, missing and extra fields, 100 KB strings, unicode edge cases, negative and huge
 * numbers, bad ids — as anonymous, an applicant and a reviewer. No answer may be a 5xx, leak a
 * stack trace or SQL, or lack a stable code and a Chinese message.
 */
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { ADMIN, startTestSystem, type TestSystem } from "./support/test-system.js";

let sys: TestSystem;
let filingId = "";
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
let sent = 0;

beforeAll(async () => {
  sys = await startTestSystem();
  await register(sys.app, "fuzz-a@example.com", "Passw0rd-fuzz");
  const admin = await loginAs(sys.app, ADMIN.email, ADMIN.password);
  await sys.app.inject({ method: "POST", url: "/api/admin/users", headers: bearer(admin), payload: { email: "fuzz-r@example.com", password: "Review3r-fuzz", role: "reviewer" } });
  const a = await loginAs(sys.app, "fuzz-a@example.com", "Passw0rd-fuzz");
  filingId = (await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(a), payload: { type: "first" } })).json().id;
});
afterAll(() => {
  console.log(`api fuzzing: ${sent} requests sent`);
  return sys.close();
});

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("", " ", "\u0000", "\uFEFF", "𠮷野家", "‮evil", "../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>", "%00", "null", "NaN"),
  fc.constant("x".repeat(100_000)),
);
const weirdNumber = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER * 10, -1e308, 1e308), fc.double());
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  weirdText,
  weirdNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(weirdText, weirdNumber), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(weirdText, weirdNumber), { maxKeys: 5 }),
);
/** Bodies: random objects, objects with a schema's keys set to wrong things, and non-objects. */
const body = (keys: string[]) =>
  fc.oneof(
    fc.dictionary(fc.constantFrom(...(keys.length ? keys : ["x"]), "extra", "__proto__", "constructor"), weirdValue, { maxKeys: 8 }),
    weirdValue,
  );
const pathParam = (name: string) =>
  fc.oneof(
    name === "id" ? fc.constant(filingId) : fc.constant("00000000-0000-0000-0000-000000000000"),
    fc.uuid(),
    fc.constantFrom("0", "-1", "99999999999999999999", "%E4%B8%AD", "a".repeat(300), "null", "undefined"),
    fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent),
  );

interface Operation {
  method: string;
  path: string;
  bodyKeys: string[];
  queryKeys: string[];
}

function operations(spec: { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = (op.requestBody as { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } | undefined)?.content?.["application/json"]?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        bodyKeys: Object.keys(schema?.properties ?? {}),
        queryKeys: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      });
    }
  }
  return ops;
}

const LEAKS = /(\bat \w+ \(|node:internal|\/src\/|SELECT |INSERT |UPDATE |syntax error|duplicate key|violates|relation "|ZodError|TypeError|ReferenceError)/;

async function check(req: InjectOptions, label: string) {
  const res = await sys.app.inject(req);
  sent++;
  // The one honest 5xx: the pre-check's upstream (the bureau's registry) is not running here.
  const upstream = res.statusCode === 503 && res.body.includes('"BUREAU_UNAVAILABLE"');
  if (!upstream) expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.body, label).not.toMatch(LEAKS);
    const problem = res.json() as { code?: string; detail?: string };
    if (typeof problem.code !== "string" || typeof problem.detail !== "string") throw new Error(`${label} ${res.statusCode} is not a problem: ${res.body.slice(0, 300)}`);
    expect(problem.code, `${label} ${res.statusCode}: ${res.body.slice(0, 200)}`).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(problem.detail, label).toMatch(/[\u4e00-\u9fff]/);
  }
}

describe("API fuzzing (issue 11)", () => {
  it("answers every operation's bad input with a 4xx problem, never a 5xx or a leak", async () => {
    const spec = (await sys.app.inject({ url: "/api/openapi.json" })).json();
    const ops = operations(spec);
    expect(ops.length).toBeGreaterThan(30);
    const actors: [string, () => Promise<Session | null>][] = [
      ["anonymous", async () => null],
      ["applicant", () => loginAs(sys.app, "fuzz-a@example.com", "Passw0rd-fuzz")],
      ["reviewer", () => loginAs(sys.app, "fuzz-r@example.com", "Review3r-fuzz")],
    ];
    for (const [who, signIn] of actors) {
      for (const op of ops) {
        // Logging out ends the session the next requests use: each operation gets a fresh one.
        const session = await signIn();
        const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        await fc.assert(
          fc.asyncProperty(
            fc.tuple(...params.map(pathParam)),
            body(op.bodyKeys),
            fc.dictionary(fc.constantFrom(...(op.queryKeys.length ? op.queryKeys : ["q"]), "extra"), weirdText.filter((s) => s.length < 2000), { maxKeys: 3 }),
            async (values, payload, query) => {
              let url = op.path;
              params.forEach((p, i) => (url = url.replace(`{${p}}`, values[i]!)));
              const qs = new URLSearchParams(query as Record<string, string>).toString();
              const req: InjectOptions = {
                method: op.method as InjectOptions["method"],
                url: qs ? `${url}?${qs}` : url,
                headers: bearer(session),
                ...(op.method === "GET" || op.method === "DELETE" ? {} : { payload: JSON.stringify(payload), headers: { ...bearer(session), "content-type": "application/json" } }),
              };
              await check(req, `${who} ${op.method} ${op.path}`);
            },
          ),
          { numRuns: RUNS },
        );
      }
    }
    // Malformed JSON and a wrong content type, once per state-changing operation.
    for (const op of ops.filter((o) => o.method !== "GET" && o.method !== "DELETE")) {
      const url = op.path.replace(/\{(\w+)\}/g, (_m, p: string) => (p === "id" ? filingId : "x"));
      await check({ method: op.method as InjectOptions["method"], url, payload: "{not json", headers: { "content-type": "application/json" } }, `broken JSON ${op.path}`);
      await check({ method: op.method as InjectOptions["method"], url, payload: "a=b", headers: { "content-type": "text/plain" } }, `text ${op.path}`);
    }
    expect(sent).toBeGreaterThan(500);
  }, 600_000);
});
