import { describe, expect, it } from "vitest";
import { createFakeBureauGateway } from "../src/gateways/bureau/fake.js";
import { BureauError } from "../src/gateways/bureau/port.js";

describe("fake bureau gateway (for unit tests of its users)", () => {
  it("numbers uploads contiguously and redelivers a result file until it is acknowledged", async () => {
    const bureau = createFakeBureauGateway();
    expect((await bureau.upload({ fileName: "XZBA1", xml: "<XZBA/>" })).dataSequence).toBe(1);
    expect((await bureau.upload({ fileName: "XZBA2", xml: "<XZBA/>" })).dataSequence).toBe(2);
    const name = bureau.deliver([{ kind: "sms_verified", recordId: "f1", code: 1101, operation: "XZBA" }]);
    const first = await bureau.download();
    expect(first).toMatchObject({ fileName: name, more: false, results: [{ kind: "sms_verified", recordId: "f1", fileName: name }] });
    expect((await bureau.download())?.fileName).toBe(name);
    await bureau.ack(name);
    await bureau.ack(name);
    expect(await bureau.download()).toBeNull();
    await expect(bureau.ack("NOPE")).rejects.toBeInstanceOf(BureauError);
  });

  it("fails the next call with the given typed error, once", async () => {
    const bureau = createFakeBureauGateway();
    bureau.failNext(new BureauError("unreachable", "down"));
    await expect(bureau.download()).rejects.toMatchObject({ kind: "unreachable", retryable: true });
    expect(await bureau.download()).toBeNull();
  });

  it("answers status and password checks from its tables", async () => {
    const bureau = createFakeBureauGateway();
    bureau.registry.set("a.cn", [{ filed: true, siteIcpNumber: "浙ICP备2026000001号-1" }]);
    bureau.passwords.set("浙ICP备2026000001号", "pw");
    expect(await bureau.queryStatus({ kind: "domain", domain: "A.cn" })).toEqual([{ filed: true, siteIcpNumber: "浙ICP备2026000001号-1" }]);
    expect(await bureau.queryStatus({ kind: "domain", domain: "b.cn" })).toEqual([{ filed: false }]);
    expect(await bureau.verifyPassword("浙ICP备2026000001号", "pw")).toBe(true);
  });
});
