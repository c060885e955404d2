import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSimApp } from "../../bureau-sim/src/app.js";
import { openSimDatabase } from "../../bureau-sim/src/db/connection.js";
import { registry } from "../../bureau-sim/src/db/schema.js";
import { bearer, loginAs, register, type Session } from "./support/http.js";
import { startTestSystem, type TestSystem } from "./support/test-system.js";

// The real simulator over real HTTP: the provider system asks the public registry (R-PRE-1).
let sim: Awaited<ReturnType<typeof buildSimApp>>;
let simDb: Awaited<ReturnType<typeof openSimDatabase>>;
let sys: TestSystem;
let down: TestSystem;
let s: Session;

beforeAll(async () => {
  simDb = await openSimDatabase({ dataDir: null });
  await simDb.db.insert(registry).values({
    subjectName: "杭州示例科技有限公司",
    subjectNature: "企业",
    certificateType: "营业执照",
    certificateNumber: "91330100MA27XXXX1X",
    subjectIcpNumber: "浙ICP备2026000001号",
    siteName: "示例科技官网",
    siteIcpNumber: "浙ICP备2026000001号-1",
    domain: "example.cn",
    approvedAt: new Date("2026-03-01T02:00:00Z"),
  });
  sim = await buildSimApp({ db: simDb.db, dbKind: simDb.kind }, pino({ level: "silent" }));
  await sim.listen({ host: "127.0.0.1", port: 0 });
  const { port } = sim.server.address() as { port: number };
  sys = await startTestSystem({ bureauUrl: `http://127.0.0.1:${port}` });
  down = await startTestSystem({ bureauUrl: "http://127.0.0.1:9" });
  await register(sys.app, "pre@example.com");
  s = await loginAs(sys.app, "pre@example.com", "Passw0rd-x");
});
afterAll(async () => {
  await sys.close();
  await down.close();
  await sim.close();
  await simDb.close();
});

const precheck = (query: string, app = sys.app, session: Session | null = s) =>
  app.inject({ url: `/api/precheck?${query}`, headers: bearer(session) });

describe("pre-check against the public registry (R-PRE-1)", () => {
  it("suggests 新增接入 for a filed domain, given in any form", async () => {
    const res = await precheck(`domain=${encodeURIComponent("https://WWW.Example.cn/")}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      query: { kind: "domain", value: "example.cn" },
      filed: true,
      records: [{ siteIcpNumber: "浙ICP备2026000001号-1" }],
      suggestion: { type: "new_access" },
    });
  });

  it("suggests 新增网站 for a filed subject", async () => {
    const res = await precheck("certNumber=91330100ma27xxxx1x");
    expect(res.json()).toMatchObject({ filed: true, suggestion: { type: "new_site" } });
  });

  it("suggests 首次备案 when nothing is filed", async () => {
    const res = await precheck("domain=never-filed.cn");
    expect(res.json()).toMatchObject({ filed: false, records: [], suggestion: { type: "first" } });
    expect(res.json().suggestion.reason).toContain("首次备案");
  });

  it.each([
    ["", "neither domain nor certificate"],
    ["domain=a.cn&certNumber=1", "both"],
    ["domain=not a domain", "a malformed domain"],
  ])("answers 400 with a Chinese message for %s (%s)", async (query) => {
    const res = await precheck(query);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().errors ?? res.json().detail)).toMatch(/[\u4e00-\u9fff]/);
  });

  it("says the bureau is unreachable with 503 BUREAU_UNAVAILABLE", async () => {
    await register(down.app, "down@example.com");
    const session = await loginAs(down.app, "down@example.com", "Passw0rd-x");
    const res = await precheck("domain=example.cn", down.app, session);
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe("BUREAU_UNAVAILABLE");
  });
});
