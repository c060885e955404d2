import { DEFAULT_POLICIES, PROVINCE_KEYS } from "@beian/rules";
import { afterEach, describe, expect, it } from "vitest";
import { portalPath } from "../src/portal/portal-paths.js";
import { drainDownloads, simClient, startTestSim } from "./support/sim-client.js";
import { inbox, lastCode, verifyOnPage, ZJ_PAGE } from "./support/sms.js";
import { SITE_PRINCIPAL, SUBJECT_PRINCIPAL, xzba } from "./support/xml.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let env: Awaited<ReturnType<typeof startTestSim>> | undefined;
afterEach(async () => {
  await env?.sim.close();
  env = undefined;
});

async function uploaded(xml = xzba(), config = {}) {
  env = await startTestSim(config);
  const client = await simClient(env.sim);
  expect((await client.upload(xml, 1)).msg_code).toBe("0");
  return { ...env, client };
}

describe("sending codes (R-SMS-1, R-SMS-2, R-SMS-4, R-SMS-8)", () => {
  it("R-SMS-1/R-SMS-4: texts a 6-digit code to the subject and website principals about 5 minutes after the upload", async () => {
    const { sim, clock } = await uploaded();
    clock.advance(4 * MINUTE);
    await sim.sweep();
    expect(await inbox(sim, SUBJECT_PRINCIPAL.mobile)).toEqual([]);
    clock.advance(MINUTE);
    await sim.sweep();
    const subject = await inbox(sim, SUBJECT_PRINCIPAL.mobile);
    const site = await inbox(sim, SITE_PRINCIPAL.mobile);
    expect(subject).toHaveLength(1);
    expect(site).toHaveLength(1);
    expect(subject[0]!.text).toMatch(/核验码为\d{6}，48小时内有效/);
    expect(await lastCode(sim, SUBJECT_PRINCIPAL.mobile)).not.toBe(await lastCode(sim, SITE_PRINCIPAL.mobile));
  });

  it("R-SMS-8: each text shows its carrier's sender number (移动 106575000130, 电信 106598051001)", async () => {
    const { sim, clock } = await uploaded();
    clock.advance(5 * MINUTE);
    await sim.sweep();
    expect((await inbox(sim, SUBJECT_PRINCIPAL.mobile))[0]).toMatchObject({ sender: "106575000130", carrier: "中国移动" });
    expect((await inbox(sim, SITE_PRINCIPAL.mobile))[0]).toMatchObject({ sender: "106598051001", carrier: "中国电信" });
    const html = await sim.app.inject({ url: `/sim/sms?mobile=${SITE_PRINCIPAL.mobile}` });
    expect(html.headers["content-type"]).toContain("text/html");
    expect(html.body).toContain("106598051001");
    expect(html.body).toContain("模拟手机短信");
  });

  it("R-SMS-2: one code when subject and website principal share a mobile, verified once", async () => {
    const { sim, clock, client } = await uploaded(xzba({ site: { ...SITE_PRINCIPAL, mobile: SUBJECT_PRINCIPAL.mobile } }));
    clock.advance(5 * MINUTE);
    await sim.sweep();
    expect(await inbox(sim, SUBJECT_PRINCIPAL.mobile)).toHaveLength(1);
    // Either person's certificate number is accepted for the shared code.
    const result = await verifyOnPage(sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SUBJECT_PRINCIPAL.mobile, code: (await lastCode(sim, SUBJECT_PRINCIPAL.mobile))! });
    expect(result).toMatchObject({ result: "verified", allDone: true });
    const files = await drainDownloads(client);
    expect(files.join()).toContain("<Jgdm>1101</Jgdm>");
  });

  it("R-SMS-4: the timer sweep sends due codes without anyone calling sweep()", async () => {
    const { sim, clock } = await uploaded(xzba(), { sweepIntervalMs: 50 });
    clock.advance(5 * MINUTE);
    for (let i = 0; i < 40 && (await inbox(sim, SUBJECT_PRINCIPAL.mobile)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await inbox(sim, SUBJECT_PRINCIPAL.mobile)).toHaveLength(1);
  });

  it("R-SMS-4: the delay is configurable (SIM_SMS_DELAY_SECONDS)", async () => {
    const { sim, clock } = await uploaded(xzba(), { smsDelaySeconds: 30 });
    clock.advance(30_000);
    await sim.sweep();
    expect(await inbox(sim, SUBJECT_PRINCIPAL.mobile)).toHaveLength(1);
  });
});

describe("resending (R-SMS-4, R-SMS-9)", () => {
  it("R-SMS-4: resends the same code once at 12:00 Shanghai the next day", async () => {
    const { sim, clock } = await uploaded();
    clock.advance(5 * MINUTE);
    await sim.sweep();
    const code = await lastCode(sim, SUBJECT_PRINCIPAL.mobile);
    // Sent Monday 10:05 Shanghai; Tuesday 11:59 is still before the resend.
    clock.set(new Date("2026-03-03T03:59:00Z"));
    await sim.sweep();
    expect(await inbox(sim, SUBJECT_PRINCIPAL.mobile)).toHaveLength(1);
    clock.set(new Date("2026-03-03T04:00:00Z"));
    await sim.sweep();
    const messages = await inbox(sim, SUBJECT_PRINCIPAL.mobile);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.text).toContain("（重发）");
    expect(await lastCode(sim, SUBJECT_PRINCIPAL.mobile)).toBe(code);
    clock.advance(3 * HOUR);
    await sim.sweep();
    expect(await inbox(sim, SUBJECT_PRINCIPAL.mobile)).toHaveLength(2);
  });

  it("R-SMS-9: the province page's resend button texts the code again", async () => {
    const { sim, clock } = await uploaded();
    clock.advance(5 * MINUTE);
    await sim.sweep();
    const res = await sim.app.inject({
      method: "POST",
      url: ZJ_PAGE,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `action=resend&mobile=${SITE_PRINCIPAL.mobile}`,
    });
    expect(res.body).toContain("核验码已重新发送");
    expect(await inbox(sim, SITE_PRINCIPAL.mobile)).toHaveLength(2);
  });
});

describe("verifying and failing (R-SMS-5, R-SMS-6)", () => {
  it("R-SMS-6: the filing enters the bureau's review only when every code is verified", async () => {
    const { sim, clock, client } = await uploaded();
    clock.advance(5 * MINUTE);
    await sim.sweep();
    const first = await verifyOnPage(sim, { certificateNumber: "91330106MA27XY8K1X", mobile: SUBJECT_PRINCIPAL.mobile, code: (await lastCode(sim, SUBJECT_PRINCIPAL.mobile))! });
    expect(first).toMatchObject({ result: "verified", allDone: false });
    expect((await client.download()).reply.msg_code).toBe("2");
    const operator = await sim.app.inject({ url: "/sim/operator", headers: { accept: "application/json" } });
    expect(operator.json().filings).toEqual([]);
    const second = await verifyOnPage(sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SITE_PRINCIPAL.mobile, code: (await lastCode(sim, SITE_PRINCIPAL.mobile))! });
    expect(second).toMatchObject({ result: "verified", allDone: true });
    const files = await drainDownloads(client);
    expect(files).toHaveLength(1);
    expect(files[0]).toContain("<Jgdm>1101</Jgdm>");
    expect(files[0]).toContain("<Jrsbaid>F0001</Jrsbaid>");
    const queue = await sim.app.inject({ url: "/sim/operator", headers: { accept: "application/json" } });
    expect(queue.json().filings).toHaveLength(1);
  });

  it("R-SMS-5: 5 wrong certificate numbers or codes fail the verification and return the filing", async () => {
    const { sim, clock, client } = await uploaded();
    clock.advance(5 * MINUTE);
    await sim.sweep();
    const code = (await lastCode(sim, SITE_PRINCIPAL.mobile))!;
    const wrongCode = code === "000000" ? "111111" : "000000";
    const attempts = [
      { certificateNumber: "110101199003070000", code },
      { certificateNumber: SITE_PRINCIPAL.id, code: wrongCode },
      { certificateNumber: SITE_PRINCIPAL.id, code: wrongCode },
      { certificateNumber: "110101199003070000", code },
    ];
    const remaining = [];
    for (const a of attempts) remaining.push((await verifyOnPage(sim, { ...a, mobile: SITE_PRINCIPAL.mobile })).remaining);
    expect(remaining).toEqual([4, 3, 2, 1]);
    const fifth = await verifyOnPage(sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SITE_PRINCIPAL.mobile, code: wrongCode });
    expect(fifth.result).toBe("failed");
    expect(fifth.message).toContain("退回接入商");
    const files = await drainDownloads(client);
    expect(files).toHaveLength(1);
    expect(files[0]).toContain("<Jgdm>1102</Jgdm>");
    // The right code no longer helps: the filing must be uploaded again.
    expect((await verifyOnPage(sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SITE_PRINCIPAL.mobile, code })).result).toBe("no_pending");
  });

  it("R-SMS-5: 48 hours without success returns the filing to the provider", async () => {
    const { sim, clock, client } = await uploaded();
    clock.advance(5 * MINUTE);
    await sim.sweep();
    clock.advance(48 * HOUR - 1);
    await sim.sweep();
    expect((await client.download()).reply.msg_code).toBe("2");
    clock.advance(1);
    await sim.sweep();
    const files = await drainDownloads(client);
    expect(files).toHaveLength(1);
    expect(files[0]).toContain("<Jgdm>1103</Jgdm>");
    expect(files[0]).toContain("48小时");
  });

  it("R-SMS-5: a code used after 48 hours is refused even before the sweep ran", async () => {
    const { sim, clock } = await uploaded();
    clock.advance(5 * MINUTE);
    await sim.sweep();
    const code = (await lastCode(sim, SITE_PRINCIPAL.mobile))!;
    clock.advance(49 * HOUR);
    expect((await verifyOnPage(sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SITE_PRINCIPAL.mobile, code })).result).toBe("expired");
  });

  it("R-SMS-4: a code cannot be verified before it is sent", async () => {
    const { sim } = await uploaded();
    expect((await verifyOnPage(sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SITE_PRINCIPAL.mobile, code: "123456" })).result).toBe("not_sent");
  });
});

describe("province pages (R-SMS-7)", () => {
  it("R-SMS-7: serves a Chinese verification form for every province listed by @beian/rules", async () => {
    env = await startTestSim();
    const paths = new Set<string>();
    for (const key of PROVINCE_KEYS) {
      const path = portalPath(DEFAULT_POLICIES[key].rules.smsVerification.value.url);
      paths.add(path);
      const res = await env.sim.app.inject({ url: path });
      expect(res.statusCode, path).toBe(200);
      expect(res.body).toContain("短信核验码");
      expect(res.body).toContain("证件号码");
    }
    // 海南 and 湖南 share the "hn" host but use different pages.
    expect(paths.size).toBe(PROVINCE_KEYS.length);
  });

  it("R-SMS-7: a code is verified only on the filing's own province page", async () => {
    const { sim, clock } = await uploaded();
    clock.advance(5 * MINUTE);
    await sim.sweep();
    const code = (await lastCode(sim, SITE_PRINCIPAL.mobile))!;
    const other = await verifyOnPage(sim, { certificateNumber: SITE_PRINCIPAL.id, mobile: SITE_PRINCIPAL.mobile, code }, "/sh/state/outPortal/messageAuthentication.action");
    expect(other.result).toBe("no_pending");
  });

  it("asks for all three fields in Chinese", async () => {
    env = await startTestSim();
    const res = await env.sim.app.inject({
      method: "POST",
      url: ZJ_PAGE,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "mobile=138",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("请填写证件号码");
  });
});
