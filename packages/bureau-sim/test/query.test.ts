import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSimApp } from "../src/app.js";
import { openSimDatabase } from "../src/db/connection.js";
import { registry } from "../src/db/schema.js";

let database: Awaited<ReturnType<typeof openSimDatabase>>;
let app: Awaited<ReturnType<typeof buildSimApp>>;

beforeAll(async () => {
  database = await openSimDatabase({ dataDir: null });
  app = await buildSimApp({ db: database.db, dbKind: database.kind }, pino({ level: "silent" }));
  await database.db.insert(registry).values({
    subjectName: "杭州示例科技有限公司",
    subjectNature: "企业",
    certificateType: "营业执照",
    certificateNumber: "91330100MA27XXXX1X",
    subjectIcpNumber: "浙ICP备2026000001号",
    siteName: "示例科技官方网站",
    siteIcpNumber: "浙ICP备2026000001号-1",
    domain: "example.cn",
    approvedAt: new Date("2026-03-01T02:00:00Z"),
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("public registry query (公共信息查询, R-PRE-1)", () => {
  it("finds a filed domain", async () => {
    const res = await app.inject({ url: "/sim/query?domain=EXAMPLE.cn" });
    expect(res.json()).toMatchObject({ filed: true, records: [{ siteIcpNumber: "浙ICP备2026000001号-1" }] });
  });

  it("finds records by certificate number", async () => {
    const res = await app.inject({ url: "/sim/query?certNumber=91330100ma27xxxx1x" });
    expect(res.json().records).toHaveLength(1);
  });

  it("says when nothing is filed", async () => {
    const res = await app.inject({ url: "/sim/query?domain=never-filed.cn" });
    expect(res.json()).toEqual({ filed: false, records: [] });
  });

  it("asks for a query term in Chinese", async () => {
    const res = await app.inject({ url: "/sim/query" });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("域名");
  });

  it("renders an HTML page for browsers", async () => {
    const res = await app.inject({ url: "/sim/query?domain=example.cn", headers: { accept: "text/html" } });
    expect(res.body).toContain("示例科技官方网站");
  });
});
