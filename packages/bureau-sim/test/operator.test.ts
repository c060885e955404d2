import { parseIcpNumber } from "@beian/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainDownloads, simClient, startTestSim } from "./support/sim-client.js";
import { inbox, lastCode, verifyOnPage } from "./support/sms.js";
import { SITE_PRINCIPAL, SUBJECT_PRINCIPAL, xzba } from "./support/xml.js";

let env: Awaited<ReturnType<typeof startTestSim>>;
let client: Awaited<ReturnType<typeof simClient>>;
let sequence = 0;

beforeAll(async () => {
  env = await startTestSim();
  client = await simClient(env.sim);
});
afterAll(async () => {
  await env.sim.close();
});

/** Uploads, texts and verifies every code, so the filing waits for the bureau's review. */
async function filingInReview(xml: string): Promise<string> {
  expect((await client.upload(xml, ++sequence)).msg_code).toBe("0");
  env.clock.advance(5 * 60_000);
  await env.sim.sweep();
  for (const p of [SUBJECT_PRINCIPAL, SITE_PRINCIPAL]) {
    const code = await lastCode(env.sim, p.mobile);
    if (code) await verifyOnPage(env.sim, { certificateNumber: p.id, mobile: p.mobile, code });
  }
  await drainDownloads(client);
  const queue = await env.sim.app.inject({ url: "/sim/operator", headers: { accept: "application/json" } });
  const filings = queue.json().filings as { id: string; recordId: string }[];
  return filings.find((f) => xml.includes(`<Jrsbaid>${f.recordId}</Jrsbaid>`))!.id;
}

describe("operator review", () => {
  it("lists filings awaiting review on a Chinese page", async () => {
    await filingInReview(xzba({ recordId: "OP1", domain: "op-one.cn" }));
    const html = await env.sim.app.inject({ url: "/sim/operator" });
    expect(html.body).toContain("管局审核");
    expect(html.body).toContain("首次备案");
    expect(html.body).toContain("op-one.cn");
  });

  it("approves with a correct ICP number (NUM-1), a BAJG 1001 file and a registry entry", async () => {
    const id = await filingInReview(xzba({ recordId: "OP2", domain: "op-two.cn" }));
    const res = await env.sim.app.inject({ method: "POST", url: `/sim/operator/filings/${id}/approve`, headers: { accept: "application/json" } });
    expect(res.statusCode, res.body).toBe(200);
    const number = res.json().subjectIcpNumber as string;
    expect(number).toMatch(/^浙ICP备2026\d{6}号$/);
    expect(parseIcpNumber(number).findings).toEqual([]);
    const [file] = await drainDownloads(client);
    expect(file).toContain("<Jgdm>1001</Jgdm>");
    expect(file).toContain("<Jrsbaid>OP2</Jrsbaid>");
    expect(file).toContain(`<Ztbah>${number}</Ztbah>`);
    expect(file).toContain(`<Wzbah>${number}-1</Wzbah>`);
    const query = await env.sim.app.inject({ url: "/sim/query?domain=op-two.cn", headers: { accept: "application/json" } });
    expect(query.json()).toMatchObject({ filed: true, records: [{ subjectIcpNumber: number, siteIcpNumber: `${number}-1`, subjectNature: "企业" }] });
    // Approving twice is refused.
    const again = await env.sim.app.inject({ method: "POST", url: `/sim/operator/filings/${id}/approve`, headers: { accept: "application/json" } });
    expect(again.statusCode).toBe(409);
  });

  it("issues consecutive serials per province and year", async () => {
    const a = await filingInReview(xzba({ recordId: "OP3", domain: "op-three.cn" }));
    const b = await filingInReview(xzba({ recordId: "OP4", domain: "op-four.cn" }));
    const na = (await env.sim.app.inject({ method: "POST", url: `/sim/operator/filings/${a}/approve`, headers: { accept: "application/json" } })).json().subjectIcpNumber as string;
    const nb = (await env.sim.app.inject({ method: "POST", url: `/sim/operator/filings/${b}/approve`, headers: { accept: "application/json" } })).json().subjectIcpNumber as string;
    expect(Number(parseIcpNumber(nb).serial) - Number(parseIcpNumber(na).serial)).toBe(1);
    await drainDownloads(client);
  });

  it("returns with the reviewer's opinion as a BAJG 1002 file", async () => {
    const id = await filingInReview(xzba({ recordId: "OP5", domain: "op-five.cn" }));
    const missing = await env.sim.app.inject({ method: "POST", url: `/sim/operator/filings/${id}/return`, headers: { accept: "application/json" } });
    expect(missing.statusCode).toBe(400);
    const res = await env.sim.app.inject({
      method: "POST",
      url: `/sim/operator/filings/${id}/return`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `reason=${encodeURIComponent("网站名称不符合要求")}`,
    });
    expect(res.statusCode).toBe(303);
    const [file] = await drainDownloads(client);
    expect(file).toContain("<Jgdm>1002</Jgdm>");
    expect(file).toContain("<Shyj>网站名称不符合要求</Shyj>");
    const query = await env.sim.app.inject({ url: "/sim/query?domain=op-five.cn", headers: { accept: "application/json" } });
    expect(query.json().filed).toBe(false);
  });

  it("answers 404 for an unknown filing", async () => {
    const res = await env.sim.app.inject({ method: "POST", url: "/sim/operator/filings/not-an-id/approve" });
    expect(res.statusCode).toBe(404);
  });
});

describe("status query and filing password", () => {
  let subjectNumber = "";
  let password = "";

  beforeAll(async () => {
    const id = await filingInReview(xzba({ recordId: "ST1", domain: "status-site.cn" }));
    subjectNumber = (await env.sim.app.inject({ method: "POST", url: `/sim/operator/filings/${id}/approve`, headers: { accept: "application/json" } })).json().subjectIcpNumber;
    await drainDownloads(client);
    const texts = await inbox(env.sim, SUBJECT_PRINCIPAL.mobile);
    password = /备案密码(\S+?)，/.exec(texts.at(-1)!.text)![1]!;
  });

  it("isp_querybeianstatus by domain (0) finds the site and its numbers", async () => {
    const reply = await client.call("queryBeianStatus", "isp_querybeianstatus", { ...client.auth(), queryConditionType: "0", queryCondition: "STATUS-SITE.cn" });
    expect(reply.msg_code).toBe("0");
    expect(reply.StatusInfo).toEqual([{ Cxtjlx: "0", Cxtj: "status-site.cn", Wzmc: "某某科技产品介绍", Ztbah: subjectNumber, Wzbah: `${subjectNumber}-1`, Bazt: "0" }]);
  });

  it("isp_querybeianstatus by business licence (1) finds the subject; unknown values are not filed", async () => {
    const byLicence = await client.call("queryBeianStatus", "isp_querybeianstatus", { ...client.auth(), queryConditionType: "1", queryCondition: "91330106MA27XY8K1X" });
    expect((byLicence.StatusInfo as { Ztbah: string; Bazt: string }[]).some((s) => s.Ztbah === subjectNumber && s.Bazt === "0")).toBe(true);
    const none = await client.call("queryBeianStatus", "isp_querybeianstatus", { ...client.auth(), queryConditionType: "2", queryCondition: "110101199003070000" });
    expect(none.StatusInfo).toEqual([{ Cxtjlx: "2", Cxtj: "110101199003070000", Bazt: "1" }]);
    const bad = await client.call("queryBeianStatus", "isp_querybeianstatus", { ...client.auth(), queryConditionType: "x", queryCondition: "a" });
    expect(bad.msg_code).toBe("999");
  });

  it("isp_verifybamm checks the filing password and limits checks per filing (code 22)", async () => {
    const verify = (bamm: string) => client.call("verifyBamm", "isp_verifybamm", { ...client.auth(), baxh: subjectNumber, bamm });
    expect(await verify(password)).toMatchObject({ msg_code: "0", VerifyRes: "0" });
    expect(await verify("wrong")).toMatchObject({ msg_code: "0", VerifyRes: "1" });
    for (let i = 0; i < 3; i++) await verify("wrong");
    expect((await verify(password)).msg_code).toBe("22");
    // Another filing number has its own allowance; the window ends after an hour.
    expect((await client.call("verifyBamm", "isp_verifybamm", { ...client.auth(), baxh: `${subjectNumber}-1`, bamm: password })).VerifyRes).toBe("0");
    env.clock.advance(61 * 60_000);
    expect(await verify(password)).toMatchObject({ msg_code: "0", VerifyRes: "0" });
  });
});
